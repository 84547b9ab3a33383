import { editDistance } from './edit-distance.util';
import type { CatalogueMatch, LocalizedNames, NluCatalogue, NluEntities } from './nlu.types';
import { foldWidth } from './text-width.util';

type Kind = 'topic' | 'city' | 'course';
type CatalogueEntities = Pick<NluEntities, 'topic' | 'city' | 'course' | 'courseAlternatives'>;

interface Name {
  kind: Kind;
  id: string;
  pattern: RegExp;
  /** Single Latin topic words long enough to be worth a one-typo match ("Pyhton", "Javascrip"). */
  fuzzyWord?: string;
}

interface CourseTokens {
  id: string;
  tokens: string[];
}

interface Token {
  text: string;
  start: number;
  end: number;
}

// Words that say nothing about which course is meant.
const GENERIC = new Set([
  'the', 'a', 'an', 'to', 'of', 'for', 'and', 'in', 'on', 'with', 'my', 'course', 'class', 'intro', 'introduction',
  'basics', 'beginners', 'advanced', 'online', '课程', '入门', '基础', '进阶', '实战', '教程',
]);
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const COURSE_MIN_SCORE = 0.6;
const COURSE_TIE = 0.1;

/**
 * Finds topics, cities and courses of the live catalogue in a message. Built from the catalogue the caller
 * passes (not from code or training), so a new city or course is understood as soon as it is in the
 * database; building is cheap (one regex per name) and NluService rebuilds whenever the catalogue changes.
 *
 * Topics and cities match by name in either language or alias (Chinese city names also with or without 市),
 * Latin names on word boundaries, one typo allowed in single-word topics of 6+ letters. Courses match fuzzily:
 * the share of a title's meaningful words (Chinese: character pairs) found in the message, so "my python
 * data analysis course" finds "Python for Data Analysis".
 */
export class CatalogueEntityExtractor {
  private readonly names: Name[] = [];
  private readonly courses: CourseTokens[] = [];

  constructor(catalogue: NluCatalogue) {
    for (const t of catalogue.topics) this.addNames('topic', t.id, localized(t.names, t.aliases));
    for (const c of catalogue.cities) this.addNames('city', c.id, cityVariants(localized(c.names, c.aliases)));
    for (const c of catalogue.courses) {
      this.addNames('course', c.id, [c.title, ...(c.aliases ?? [])]);
      this.courses.push({ id: c.id, tokens: tokenize(normalize(c.title)).map((t) => t.text) });
    }
    // Longest names first so "Shanghai Jiao Tong" beats "Shanghai" at the same position.
    this.names.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  }

  extract(text: string): CatalogueEntities {
    const haystack = normalize(text);
    const found: Record<Kind, CatalogueMatch[]> = { topic: [], city: [], course: [] };
    for (const name of this.names) {
      name.pattern.lastIndex = 0;
      for (const m of haystack.matchAll(name.pattern)) {
        found[name.kind].push(match(name.id, text, m.index, m.index + m[0].length, 1));
      }
    }
    const tokens = tokenize(haystack);
    for (const name of this.names) {
      if (!name.fuzzyWord || found[name.kind].some((f) => f.id === name.id)) continue;
      const hit = tokens.find((t) => t.text !== name.fuzzyWord && editDistance(t.text, name.fuzzyWord!, 1) === 1);
      if (hit) found[name.kind].push(match(name.id, text, hit.start, hit.end, 0.8));
    }
    for (const course of this.courses) {
      if (found.course.some((f) => f.id === course.id)) continue;
      const fuzzy = this.fuzzyCourse(course, tokens, text);
      if (fuzzy) found.course.push(fuzzy);
    }
    dropContained(found);
    const result: CatalogueEntities = {};
    const topic = best(found.topic);
    const city = best(found.city);
    const courses = rankCourses(found.course);
    if (topic) result.topic = topic;
    if (city) result.city = city;
    if (courses.length > 0) result.course = courses[0];
    if (courses.length > 1) result.courseAlternatives = courses.slice(1);
    return result;
  }

  private addNames(kind: Kind, id: string, names: string[]): void {
    for (const raw of new Set(names.map(normalize).filter((n) => n.trim().length > 0))) {
      const name = raw.trim();
      const body = name.split(/\s+/).map(escapeRegExp).join('\\s+');
      // CJK has no spaces between words, so a Chinese name is found anywhere; a Latin one on word boundaries.
      const pattern = CJK.test(name) ? new RegExp(body, 'g') : new RegExp(`(?<![a-z0-9])${body}(?![a-z0-9])`, 'g');
      // No typo tolerance for cities: one letter apart are often two real cities (Suzhou/Xuzhou, Hangzhou/Changzhou).
      const fuzzyWord = kind === 'topic' && /^[a-z]{6,}$/.test(name) ? name : undefined;
      this.names.push({ kind, id, pattern, fuzzyWord });
    }
  }

  private fuzzyCourse(course: CourseTokens, tokens: Token[], text: string): CatalogueMatch | undefined {
    const meaningful = course.tokens.filter((t) => !GENERIC.has(t));
    if (meaningful.length === 0) return undefined;
    const hits: Token[] = [];
    for (const wanted of meaningful) {
      const hit = tokens.find((t) => t.text === wanted || (wanted.length >= 5 && editDistance(t.text, wanted, 1) <= 1));
      if (hit) hits.push(hit);
    }
    const score = hits.length / meaningful.length;
    if (score < COURSE_MIN_SCORE) return undefined;
    const start = Math.min(...hits.map((h) => h.start));
    const end = Math.max(...hits.map((h) => h.end));
    // Fuzzy matches never reach 1, which stays reserved for a title or alias written out in full.
    return match(course.id, text, start, end, Math.round(score * 0.9 * 100) / 100);
  }
}

function localized(names: LocalizedNames, aliases: string[] = []): string[] {
  return [names.en, names.zh, ...aliases].filter((n): n is string => typeof n === 'string');
}

function cityVariants(names: string[]): string[] {
  const out = [...names];
  for (const n of names) {
    if (/^[\u4e00-\u9fff]{2,}市$/.test(n)) out.push(n.slice(0, -1));
    else if (/^[\u4e00-\u9fff]{2,}$/.test(n)) out.push(`${n}市`);
  }
  return out;
}

/** Same length as the input (offsets stay valid): half-width, lower case. */
function normalize(text: string): string {
  const folded = foldWidth(text);
  const lower = folded.toLowerCase();
  return lower.length === folded.length ? lower : folded;
}

/** Latin words and Chinese character pairs (single characters for one-character runs), with offsets. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[a-z0-9]+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g)) {
    const run = m[0];
    if (!CJK.test(run)) {
      tokens.push({ text: run, start: m.index, end: m.index + run.length });
      continue;
    }
    if (run.length === 1) tokens.push({ text: run, start: m.index, end: m.index + 1 });
    for (let i = 0; i + 1 < run.length; i += 1) {
      tokens.push({ text: run.slice(i, i + 2), start: m.index + i, end: m.index + i + 2 });
    }
  }
  return tokens;
}

function match(id: string, text: string, start: number, end: number, score: number): CatalogueMatch {
  return { id, text: text.slice(start, end), score, start, end };
}

/** A match inside a longer match of another kind is part of that name ("上海" in a course "上海Python训练营"). */
function dropContained(found: Record<Kind, CatalogueMatch[]>): void {
  const all = [...found.topic, ...found.city, ...found.course];
  for (const kind of Object.keys(found) as Kind[]) {
    found[kind] = found[kind].filter(
      (m) => !all.some((o) => o.score === 1 && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
    );
  }
}

function best(matches: CatalogueMatch[]): CatalogueMatch | undefined {
  return [...matches].sort((a, b) => b.score - a.score || a.start - b.start || b.end - b.start - (a.end - a.start))[0];
}

/** Best match per course, best first; keeps only those within COURSE_TIE of the best. */
function rankCourses(matches: CatalogueMatch[]): CatalogueMatch[] {
  const perCourse = new Map<string, CatalogueMatch>();
  for (const m of matches) {
    const seen = perCourse.get(m.id);
    if (!seen || m.score > seen.score) perCourse.set(m.id, m);
  }
  const ranked = [...perCourse.values()].sort((a, b) => b.score - a.score);
  return ranked.filter((m) => m.score >= ranked[0].score - COURSE_TIE);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
