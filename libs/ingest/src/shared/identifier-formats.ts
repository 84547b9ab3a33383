/**
 * Best-effort format checks the xAPI and Caliper specs allow an endpoint to use ("MAY use best-effort validation
 * for IRL and IRI formats"). They are strict about what matters for storage (a scheme, no whitespace) and
 * lenient about the rest of RFC 3987, so real-world ids with unusual characters are not refused.
 */
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const MAILTO = /^mailto:[^@\s:/]+@[^@\s/]+$/;
const SHA1_HEX = /^[0-9a-fA-F]{40}$/;
// RFC 5646 langtag (language, extlang, script, region, variants, extensions, private use), private-use-only and
// the irregular `i-…` grandfathered tags. Case-insensitive as the RFC says.
const LANGUAGE_TAG =
  /^(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?|x(?:-[a-z\d]{1,8})+|i-[a-z]{2,8})$/i;

export const IdentifierFormats = {
  isIri: (value: string): boolean => IRI.test(value),
  isUuid: (value: string): boolean => UUID.test(value),
  /** `urn:uuid:<uuid>` as Caliper requires for event ids. */
  isUrnUuid: (value: string): boolean => value.startsWith('urn:uuid:') && UUID.test(value.slice(9)),
  isMailtoIri: (value: string): boolean => MAILTO.test(value),
  isSha1Hex: (value: string): boolean => SHA1_HEX.test(value),
  isLanguageTag: (value: string): boolean => LANGUAGE_TAG.test(value),
  /** scheme://host[:port] of an http(s) IRI, or null when the IRI has no such origin (urn:, mailto:, …). */
  httpOrigin(value: string): string | null {
    const match = /^(https?):\/\/([^/?#\s]+)/i.exec(value);
    return match ? `${match[1].toLowerCase()}://${match[2].toLowerCase()}` : null;
  },
} as const;
