import { ERROR_MESSAGES } from './error-messages';
import { Locale } from './locale';

type Catalogue = Record<string, { en: string; 'zh-CN': string }>;
const catalogues: Catalogue[] = [ERROR_MESSAGES];

/** Lets a capability add its own texts (pages, chat) without this library knowing about it. */
export function registerMessages(messages: Catalogue): void {
  catalogues.push(messages);
}

export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const entry = catalogues.find((c) => c[key])?.[key];
  return fillTemplate(entry ? entry[locale] ?? entry.en : key, params);
}

/** Replaces `{name}` placeholders; unknown names stay visible rather than vanish. */
export function fillTemplate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    params[name] === undefined ? `{${name}}` : String(params[name]),
  );
}

export function hasMessage(key: string): boolean {
  return catalogues.some((c) => c[key]);
}
