import { NormalizedScore } from '../normalized-learning-event';
import { parseIsoTimestamp } from '../shared/iso8601-timestamp';

export type FieldParse<T> = { ok: true; value: T } | { ok: false; reason: string };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPACE_SEPARATED = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/;

const ok = <T>(value: T): FieldParse<T> => ({ ok: true, value });
const fail = <T>(reason: string): FieldParse<T> => ({ ok: false, reason });

/**
 * Field readers shared by the CSV parsers. Numbers are plain decimals only (no thousands separators or
 * currency signs) because "1,234" is ambiguous across locales and a silent misread would corrupt features.
 */
export const CsvFieldParsers = {
  decimal(text: string, label = 'a number'): FieldParse<number> {
    if (!DECIMAL.test(text)) return fail(`must be ${label} written with digits and an optional "." (got ${JSON.stringify(text)})`);
    return ok(Number(text));
  },

  nonNegative(text: string): FieldParse<number> {
    const parsed = CsvFieldParsers.decimal(text, 'a non-negative number');
    if (parsed.ok && parsed.value < 0) return fail(`must not be negative (got ${text})`);
    return parsed;
  },

  /**
   * ISO 8601 date-time with a zone. Exports from SQL databases write a space instead of "T"; that is accepted.
   * A value without a zone is refused unless the import says naive times are UTC.
   */
  timestamp(text: string, naiveTimesAreUtc: boolean): FieldParse<Date> {
    const parsed = parseIsoTimestamp(text.replace(SPACE_SEPARATED, '$1T$2'), naiveTimesAreUtc ? 'assume-utc' : 'required');
    return parsed.ok ? ok(parsed.date) : fail(`${parsed.reason} (got ${JSON.stringify(text)})`);
  },

  /** `0.85` (fraction 0–1), `85%`, or `42/50` (raw/max); min is 0 in every form. */
  score(text: string): FieldParse<NormalizedScore> {
    const shape = 'must be a fraction 0–1 (0.85), a percentage (85%) or raw/max (42/50)';
    const slash = text.indexOf('/');
    if (slash >= 0) {
      const raw = CsvFieldParsers.decimal(text.slice(0, slash).trim());
      const max = CsvFieldParsers.decimal(text.slice(slash + 1).trim());
      if (!raw.ok || !max.ok || max.value <= 0) return fail(`${shape} (got ${JSON.stringify(text)})`);
      if (raw.value < 0 || raw.value > max.value) return fail(`raw score must be between 0 and ${max.value} (got ${text})`);
      return ok({ scaled: raw.value / max.value, raw: raw.value, min: 0, max: max.value });
    }
    const percent = text.endsWith('%');
    const parsed = CsvFieldParsers.decimal(percent ? text.slice(0, -1).trim() : text);
    if (!parsed.ok) return fail(`${shape} (got ${JSON.stringify(text)})`);
    const scaled = percent ? parsed.value / 100 : parsed.value;
    if (scaled < 0 || scaled > 1) return fail(`${shape}; ${text} is out of range`);
    return ok(percent ? { scaled, raw: parsed.value, min: 0, max: 100 } : { scaled });
  },

  currency(text: string): FieldParse<string> {
    const code = text.toUpperCase();
    return /^[A-Z]{3}$/.test(code) ? ok(code) : fail(`must be an ISO 4217 currency code such as CNY or USD (got ${JSON.stringify(text)})`);
  },
} as const;
