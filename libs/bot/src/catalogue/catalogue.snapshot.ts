import type { Locale } from '@o2o/i18n';
import type { NluCatalogue } from '../nlu/nlu.types';

export interface TermNames {
  en: string;
  zh: string;
}

export interface VenueFacts {
  name: string;
  address: string;
  city: string;
}

export interface CourseFacts {
  id: string;
  title: string;
  topic: string;
}

/**
 * One tenant's catalogue at one moment: what the NLU matches against and how to name things back to the user.
 * Immutable; the provider builds a new one when the catalogue changes (the NLU caches per object).
 */
export class CatalogueSnapshot {
  constructor(
    readonly nlu: NluCatalogue,
    private readonly topics: Map<string, TermNames>,
    private readonly cities: Map<string, TermNames>,
    private readonly venues: Map<string, VenueFacts>,
    readonly courses: Map<string, CourseFacts>,
  ) {}

  topicName(key: string, locale: Locale): string {
    return pick(this.topics.get(key), locale) ?? key;
  }

  cityName(key: string, locale: Locale): string {
    const byKey = this.cities.get(key) ?? [...this.cities.entries()].find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
    return pick(byKey, locale) ?? key;
  }

  cityKeys(): string[] {
    return [...this.cities.keys()];
  }

  venue(id: string | null): VenueFacts | undefined {
    return id ? this.venues.get(id) : undefined;
  }

  course(id: string | undefined): CourseFacts | undefined {
    return id ? this.courses.get(id) : undefined;
  }
}

function pick(names: TermNames | undefined, locale: Locale): string | undefined {
  if (!names) return undefined;
  return locale === 'zh-CN' ? names.zh || names.en : names.en || names.zh;
}

/**
 * Bilingual titles are stored as "English / 中文" in the demo and by many course platforms; show the reader's half.
 */
export function localTitle(title: string, locale: Locale): string {
  const parts = title.split(' / ');
  if (parts.length !== 2) return title;
  const cjk = parts.map((p) => /[\u4e00-\u9fff]/.test(p));
  if (cjk[0] === cjk[1]) return title;
  const zh = cjk[0] ? parts[0] : parts[1];
  const en = cjk[0] ? parts[1] : parts[0];
  return (locale === 'zh-CN' ? zh : en).trim();
}
