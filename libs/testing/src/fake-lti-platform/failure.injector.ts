import type { EndpointName } from './fake-lti-platform.types';

/**
 * What an endpoint does instead of its normal answer.
 * - `error`: a 5xx with a small JSON body (default 500).
 * - `rate-limit`: 429 with `Retry-After` in seconds, as Canvas does under load.
 * - `hang`: accept the request and say nothing for `ms`, then drop the connection, so the client's
 *   own timeout is what ends the call.
 */
export type InjectedFailure =
  | { kind: 'error'; status?: number }
  | { kind: 'rate-limit'; retryAfterSeconds?: number }
  | { kind: 'hang'; ms?: number };

/** `ags` matches every AGS endpoint; `*` matches everything. */
export type FailureTarget = EndpointName | 'ags' | '*';

interface Pending {
  target: FailureTarget;
  failure: InjectedFailure;
  remaining: number;
}

/** Queue of "the next N calls to X fail like this", consumed in the order they were added. */
export class FailureInjector {
  private readonly pending: Pending[] = [];

  failNext(target: FailureTarget, failure: InjectedFailure, times = 1): this {
    if (times < 1) throw new Error('failNext: times must be >= 1');
    this.pending.push({ target, failure, remaining: times });
    return this;
  }

  /** Shorthands for the three common cases. */
  error(target: FailureTarget, times = 1, status = 500): this {
    return this.failNext(target, { kind: 'error', status }, times);
  }

  rateLimit(target: FailureTarget, times = 1, retryAfterSeconds = 1): this {
    return this.failNext(target, { kind: 'rate-limit', retryAfterSeconds }, times);
  }

  hang(target: FailureTarget, times = 1, ms = 30_000): this {
    return this.failNext(target, { kind: 'hang', ms }, times);
  }

  /** Takes the failure for this call, if any; each call consumes one. */
  take(endpoint: EndpointName): InjectedFailure | undefined {
    const index = this.pending.findIndex((p) => FailureInjector.matches(p.target, endpoint));
    if (index < 0) return undefined;
    const entry = this.pending[index];
    entry.remaining -= 1;
    if (entry.remaining === 0) this.pending.splice(index, 1);
    return entry.failure;
  }

  remaining(target?: FailureTarget): number {
    return this.pending.filter((p) => !target || p.target === target).reduce((n, p) => n + p.remaining, 0);
  }

  clear(): void {
    this.pending.length = 0;
  }

  private static matches(target: FailureTarget, endpoint: EndpointName): boolean {
    if (target === '*') return true;
    if (target === 'ags') return endpoint.startsWith('ags.');
    return target === endpoint;
  }
}
