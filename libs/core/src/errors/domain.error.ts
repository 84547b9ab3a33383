/**
 * A business rule said no. `code` keys a message in @o2o/i18n; `status` is the HTTP status the REST layer answers.
 * Example: `throw new DomainError('WAITLIST_FULL', 409)`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503,
    readonly params: Record<string, unknown> = {},
    readonly field?: string,
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
  }
}
