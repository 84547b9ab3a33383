// Addresses anywhere in free text (responses, extensions, names of things). Quotes and backslashes are not
// matched, so this is safe to run over serialised JSON without breaking its escaping.
const EMAIL = /(?:mailto:)?[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

export const REMOVED_EMAIL = '[e-mail removed]';

/**
 * Replaces every e-mail address in a text (typically a JSON document about to be stored) with a marker.
 * The safety net behind the pseudonymizers: identities are replaced structurally first, and whatever free text
 * still names someone by address (a quiz response, an extension) does not reach an event table either.
 */
export function scrubEmails(text: string): string {
  return text.includes('@') ? text.replace(EMAIL, REMOVED_EMAIL) : text;
}
