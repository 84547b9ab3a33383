/**
 * A refused login, launch or page action. `code` keys a message in the LTI catalogue (what the person reads);
 * `detail` is only logged with the support reference (what support needs), never shown.
 */
export class LtiRejection extends Error {
  constructor(
    readonly code: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 500 | 502 = 400,
    readonly params: Record<string, unknown> = {},
    readonly detail?: string,
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'LtiRejection';
  }
}
