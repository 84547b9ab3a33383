/**
 * Public types of the language-understanding layer. Kept free of any channel SDK (botbuilder lives in a
 * channel plugin) so the conversation engine and tests can use them directly.
 */

/** Languages the bot understands; everything else falls back to English. */
export type NluLanguage = 'en' | 'zh';

export const NLU_LANGUAGES: readonly NluLanguage[] = ['en', 'zh'];

/** Every intent the corpora train. Order is the canonical order used for training (determinism). */
export const INTENTS = [
  'find_sessions',
  'session_details',
  'book',
  'join_waitlist',
  'cancel_booking',
  'my_bookings',
  'course_offline_options',
  'ask_price',
  'ask_refund',
  'ask_location',
  'ask_what_to_bring',
  'talk_to_person',
  'help',
  'greeting',
  'link_account',
  'unlink_account',
  'switch_language',
  'abort',
  'confirm_yes',
  'confirm_no',
] as const;

export type IntentName = (typeof INTENTS)[number];

/** `none` = not confident enough to act; the dialog asks a clarifying question using `alternatives`. */
export type NluIntent = IntentName | 'none';

export interface IntentScore {
  intent: IntentName;
  /** Share of the classifier's confidence, 0..1; scores of one utterance sum to at most 1. */
  score: number;
}

/** Localised names as they appear in the live catalogue; either language may be missing. */
export interface LocalizedNames {
  en?: string;
  zh?: string;
}

export interface CatalogueTopic {
  id: string;
  names: LocalizedNames;
  /** Extra spellings (abbreviations, synonyms) in any language. */
  aliases?: string[];
}

export interface CatalogueCity {
  id: string;
  names: LocalizedNames;
  aliases?: string[];
}

export interface CatalogueCourse {
  id: string;
  title: string;
  aliases?: string[];
}

/** The live catalogue (topics, cities, courses) the caller loads from the database. */
export interface NluCatalogue {
  topics: CatalogueTopic[];
  cities: CatalogueCity[];
  courses: CatalogueCourse[];
}

export interface CatalogueMatch {
  id: string;
  /** The part of the user's text that matched. */
  text: string;
  /** 1 for an exact name/alias match, lower for fuzzy matches. */
  score: number;
  /** Offsets into the original text, [start, end). */
  start: number;
  end: number;
}

/** A half-open range of whole local days: `from` is local midnight of the first day, `to` local midnight after the last. */
export interface DateRange {
  from: Date;
  to: Date;
  /** What kind of period the user named; lets the dialog phrase a confirmation ("this weekend"). */
  grain: 'day' | 'weekend' | 'week' | 'month';
  /** The matched expression, as written, and its offsets in the original text, [start, end). */
  text: string;
  start: number;
  end: number;
}

export interface NluEntities {
  topic?: CatalogueMatch;
  city?: CatalogueMatch;
  /** Best course match; when other courses scored almost as well they are in `courseAlternatives`. */
  course?: CatalogueMatch;
  courseAlternatives?: CatalogueMatch[];
  /** One-time account-link code, upper-cased, separators removed. */
  linkCode?: string;
  /** 1-based position in the list the bot last showed; -1 means "the last one". */
  ordinal?: number;
  dateRange?: DateRange;
}

export interface NluResult {
  text: string;
  language: NluLanguage;
  intent: NluIntent;
  /**
   * Normalised classifier score (0..1) of the winning label: for an intent, its score; for `none`, the score
   * of whatever came first (the best but not convincing intent, or the out-of-scope class).
   */
  score: number;
  /** The next best intents (for `none`: the best candidates to offer as choices), best first, at most 3. */
  alternatives: IntentScore[];
  entities: NluEntities;
}

export interface UnderstandOptions {
  /** Activity locale, e.g. `zh-CN`, `en-US`; decides the language unless the text's script says otherwise. */
  locale?: string;
  catalogue?: NluCatalogue;
  /** Injected clock for date expressions; defaults to the current time. */
  now?: Date;
  /** IANA time zone of the user or tenant; defaults to `UTC`. */
  timeZone?: string;
}
