import { rollingOriginSplits } from './rolling-origin-split';

/** Index sets of a window must hold every training time strictly before every test time. */
function expectStrictlyOrdered(timestamps: number[], train: Int32Array, test: Int32Array): void {
  const lastTrain = Math.max(...Array.from(train, (i) => timestamps[i]));
  const firstTest = Math.min(...Array.from(test, (i) => timestamps[i]));
  expect(lastTrain).toBeLessThan(firstTest);
}

describe('rollingOriginSplits', () => {
  // Shuffled input order: the split must sort by time, not trust the array order.
  const timestamps = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) * 1000);

  it('steps the cut back one window per run, each training on everything before its cut', () => {
    const windows = rollingOriginSplits(timestamps, { testFraction: 0.2, runs: 2 });
    expect(windows.map((w) => [w.train.length, w.test.length])).toEqual([[60, 20], [80, 20]]);
    expect(windows.map((w) => [w.testFrom, w.testTo])).toEqual([[60_000, 79_000], [80_000, 99_000]]);
    for (const w of windows) {
      expectStrictlyOrdered(timestamps, w.train, w.test);
      expect(new Set(Array.from(w.train, (i) => timestamps[i]))).toEqual(new Set(Array.from({ length: w.train.length }, (_, t) => t * 1000)));
    }
  });

  it('gives successive runs different, strictly time-ordered cuts, the newest being the single temporal split', () => {
    for (const runs of [3, 5, 10]) {
      const windows = rollingOriginSplits(timestamps, { testFraction: 0.2, runs });
      const cuts = windows.map((w) => w.testFrom);
      for (let k = 1; k < runs; k++) expect(cuts[k]).toBeGreaterThan(cuts[k - 1]);
      for (const w of windows) {
        expectStrictlyOrdered(timestamps, w.train, w.test);
        expect(w.test.length).toBe(20);
        expect(w.train.length).toBeGreaterThanOrEqual(50);
      }
      expect(windows[runs - 1].testFrom).toBe(80_000);
      expect(windows[runs - 1].testTo).toBe(99_000);
    }
    // More windows than fit disjointly above the 50 % floor: cuts spread evenly from 50 % to 80 %.
    expect(rollingOriginSplits(timestamps, { testFraction: 0.2, runs: 4 }).map((w) => w.train.length)).toEqual([50, 60, 70, 80]);
  });

  it('moves a cut off a tie so outcomes known at one moment stay on one side', () => {
    // Ten moments with ten outcomes each; a 15 % window would cut through a moment.
    const tied = Array.from({ length: 100 }, (_, i) => Math.floor(i / 10));
    for (const w of rollingOriginSplits(tied, { testFraction: 0.15, runs: 3 })) {
      expectStrictlyOrdered(tied, w.train, w.test);
      expect(w.train.length % 10).toBe(0);
    }
  });

  it('is deterministic and rejects impossible requests', () => {
    const a = rollingOriginSplits(timestamps, { testFraction: 0.25, runs: 3 });
    const b = rollingOriginSplits(timestamps, { testFraction: 0.25, runs: 3 });
    expect(a.map((w) => Array.from(w.test))).toEqual(b.map((w) => Array.from(w.test)));
    expect(() => rollingOriginSplits(timestamps, { testFraction: 0, runs: 2 })).toThrow(/testFraction/);
    expect(() => rollingOriginSplits(timestamps, { testFraction: 0.2, runs: 0 })).toThrow(/runs/);
    expect(() => rollingOriginSplits([1, 2, 3], { testFraction: 0.4, runs: 3 })).toThrow(/too few/);
  });
});
