import { SeededRandom } from '../random/seeded-random';
import { rollingOriginSplits } from './rolling-origin-split';

export interface SplitIndices {
  train: Int32Array;
  test: Int32Array;
}

/** Seeded random hold-out: `testFraction` of the indices go to test. */
export function randomSplit(count: number, testFraction: number, seed: number): SplitIndices {
  assertFraction(testFraction);
  const order = new SeededRandom(seed).permutation(count);
  const testSize = Math.round(count * testFraction);
  return { test: order.slice(0, testSize).sort(), train: order.slice(testSize).sort() };
}

/**
 * Train on the earlier outcomes, test on the later ones — the situation the model is deployed in, and the
 * split that exposes leakage from features computed with hindsight. This is the newest window of
 * rollingOriginSplits: the cut sits at the change of timestamp nearest to the last `testFraction` of the rows.
 */
export function temporalSplit(timestamps: ArrayLike<number>, testFraction: number): SplitIndices {
  assertFraction(testFraction);
  const [{ train, test }] = rollingOriginSplits(timestamps, { testFraction, runs: 1 });
  return { train, test };
}

function assertFraction(f: number): void {
  if (!(f > 0 && f < 1)) throw new Error(`testFraction must be in (0, 1), got ${f}`);
}
