import type { SplitIndices } from './data-split';

/** One temporal train/test split: train on everything before the cut, test on the window after it. */
export interface TemporalWindow extends SplitIndices {
  /** Earliest and latest test timestamps (ms); every training timestamp is strictly earlier than testFrom. */
  testFrom: number;
  testTo: number;
}

export interface RollingOriginOptions {
  /** Share of the examples in each test window (the last window ends at the newest example). */
  testFraction: number;
  /** Number of successive windows, oldest first. */
  runs: number;
  /** The earliest cut keeps at least this share of the examples for training (default 0.5). */
  minTrainFraction?: number;
}

/**
 * Rolling-origin evaluation: `runs` successive cut points over the later part of the time range, so repeated
 * temporal runs differ in data and not just in the model seed. Each window holds round(n·testFraction) examples;
 * the last one is the newest slice (the classic single temporal split). Earlier cuts step back one window at a
 * time, which keeps windows disjoint while the earliest cut still trains on ≥ minTrainFraction of the data;
 * beyond that the cuts are spread evenly between that floor and the last cut, and the windows overlap.
 * Positions are counted in time order, then moved to the nearest change of timestamp so no test example shares
 * its time with a training example (outcomes of one session, known at one moment, stay on one side). Only when
 * no such boundary exists (a single timestamp) do ties split by input order. No randomness: same data, same cuts.
 */
export function rollingOriginSplits(timestamps: ArrayLike<number>, options: RollingOriginOptions): TemporalWindow[] {
  const { testFraction, runs } = options;
  const minTrainFraction = options.minTrainFraction ?? 0.5;
  if (!(testFraction > 0 && testFraction < 1)) throw new Error(`testFraction must be in (0, 1), got ${testFraction}`);
  if (!(Number.isInteger(runs) && runs >= 1)) throw new Error(`runs must be a positive integer, got ${runs}`);
  if (!(minTrainFraction > 0 && minTrainFraction < 1)) throw new Error(`minTrainFraction must be in (0, 1), got ${minTrainFraction}`);
  const n = timestamps.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => timestamps[a] - timestamps[b] || a - b);
  const window = Math.max(1, Math.round(n * testFraction));
  const last = n - window;
  if (last < runs) throw new Error(`${n} examples are too few for ${runs} temporal run(s) with testFraction ${testFraction}`);
  const floor = Math.min(Math.max(Math.round(n * minTrainFraction), 1), last - (runs - 1));
  const first = Math.max(last - (runs - 1) * window, floor);
  const boundaries = timeBoundaries(timestamps, order);
  const ends = [...boundaries, n];

  const windows: TemporalWindow[] = [];
  let previousCut = 0;
  for (let k = 0; k < runs; k++) {
    const target = runs === 1 ? last : first + Math.round((k * (last - first)) / (runs - 1));
    const cut = snap(boundaries, target, previousCut + 1, n - 1);
    const end = k === runs - 1 ? n : snap(ends, cut + window, cut + 1, n);
    previousCut = cut;
    const test = Int32Array.from(order.slice(cut, end));
    windows.push({
      train: Int32Array.from(order.slice(0, cut)),
      test,
      testFrom: timestamps[order[cut]],
      testTo: timestamps[order[end - 1]],
    });
  }
  return windows;
}

/** Positions p in time order where timestamps[order[p - 1]] < timestamps[order[p]], ascending. */
function timeBoundaries(timestamps: ArrayLike<number>, order: number[]): number[] {
  const out: number[] = [];
  for (let p = 1; p < order.length; p++) if (timestamps[order[p - 1]] < timestamps[order[p]]) out.push(p);
  return out;
}

/**
 * The boundary in [min, max] nearest to `target` (the earlier one on a tie); `target` clamped if there is none.
 * Clamping first is what makes the two neighbours of the clamped target the only candidates: the in-range
 * boundary nearest to an out-of-range target is the one nearest to the end of the range it is beyond.
 */
function snap(boundaries: number[], target: number, min: number, max: number): number {
  const t = Math.min(Math.max(target, min), max);
  let lo = 0;
  let hi = boundaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (boundaries[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  const below = boundaries[lo - 1];
  const above = boundaries[lo];
  const belowOk = below !== undefined && below >= min;
  const aboveOk = above !== undefined && above <= max;
  if (belowOk && (!aboveOk || t - below <= above - t)) return below;
  return aboveOk ? above : t;
}
