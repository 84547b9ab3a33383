/**
 * A failed call to an LMS service. `retryable` follows AGS/NRPS practice: 5xx, 429, timeouts and network errors are
 * worth retrying with backoff; other 4xx answers will not change on retry and go to the dead letters with the reason.
 */
export class LmsCallError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'LmsCallError';
  }

  static fromStatus(what: string, status: number, body: string): LmsCallError {
    const retryable = status >= 500 || status === 429 || status === 408 || status === 401;
    return new LmsCallError(`${what} answered ${status}: ${body.slice(0, 300)}`, status, retryable);
  }
}
