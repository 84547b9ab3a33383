import type { ManualClock } from '@o2o/core';

/**
 * Polls `check` until it stops throwing. Jobs in e2e apps run on the test's ManualClock, so retries with backoff
 * only become due when time moves: each round advances the clock a little.
 */
export async function eventually<T>(check: () => Promise<T>, options: { clock?: ManualClock; timeoutMs?: number; advanceMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (err) {
      lastError = err;
    }
    options.clock?.advance(options.advanceMs ?? 2_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw lastError;
}
