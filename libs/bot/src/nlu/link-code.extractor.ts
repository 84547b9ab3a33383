import { foldWidth } from './text-width.util';

/**
 * Finds the one-time code a learner copies from the course page to link their chat account
 * ("my code is 4F7K2Q", "验证码 839201", "ABC-123").
 *
 * Accepted: 6–8 letters/digits (one optional hyphen between two groups of 3–4), with at least one digit.
 * Requiring a digit keeps ordinary words ("workshop", "PYTHONIC") from being taken for codes; words that
 * merely end in one digit ("python3", "vue3") are rejected as version names.
 */
export interface LinkCodeMatch {
  /** Upper-cased, hyphen removed: the form the linking service stores. */
  code: string;
  start: number;
  end: number;
}

// Lookarounds instead of \b: \b does not fire between a CJK character and a letter ("验证码AB12CD").
const CANDIDATE = /(?<![A-Za-z0-9-])([A-Za-z0-9]{3,4}-[A-Za-z0-9]{3,4}|[A-Za-z0-9]{6,8})(?![A-Za-z0-9-])/g;
const VERSION_LIKE = /^[A-Za-z]+\d$/;

export function extractLinkCode(text: string): LinkCodeMatch | undefined {
  for (const match of foldWidth(text).matchAll(CANDIDATE)) {
    const raw = match[1];
    const code = raw.replace('-', '').toUpperCase();
    if (code.length < 6 || code.length > 8 || !/\d/.test(code)) continue;
    // Issued codes are 8 upper-case characters and may end in their only digit (TSMYZMJ6): only a shorter or
    // lower-case word ending in a digit is a version name.
    if (VERSION_LIKE.test(raw) && !(raw.length === 8 && raw === raw.toUpperCase())) continue;
    return { code, start: match.index, end: match.index + raw.length };
  }
  return undefined;
}
