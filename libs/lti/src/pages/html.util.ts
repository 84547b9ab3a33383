import type { Locale } from '@o2o/i18n';
import { translate } from '@o2o/i18n';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values; every interpolation in our pages goes through it. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A translated, escaped text. */
export function t(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  return esc(translate(locale, key, params));
}

/** Hidden form fields, escaped. */
export function hidden(fields: Record<string, string | undefined>): string {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
}

const formatters = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();
/** Formatted session times: every learner of a course sees the same few sessions, on every launch. */
const formatted = new Map<string, string>();

/** A date and time in the session's own time zone, in the reader's language (formatters and results cached). */
export function formatWhen(locale: Locale, start: Date, end: Date, timeZone: string): string {
  const whenKey = `${locale}|${timeZone}|${start.getTime()}|${end.getTime()}`;
  const known = formatted.get(whenKey);
  if (known !== undefined) return known;
  const key = `${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }),
    };
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, f);
  }
  const text = `${f.day.format(start)} – ${f.time.format(end)}`;
  if (formatted.size > 5_000) formatted.clear();
  formatted.set(whenKey, text);
  return text;
}

/** A JSON value safe to place inside an inline <script> (no "</script>" can close it early). */
export function jsValue(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
