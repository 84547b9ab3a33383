import type { FeatureEncoder } from '../features/feature-encoder';
import type { FeatureInput } from '../features/feature-input';

/** 1 = satisfied, 0 = not satisfied, null = this example says nothing about that head. */
export type HeadLabel = 0 | 1 | null;

/**
 * One learner × offline session (offlineLabel set) or learner × online item (onlineLabel set) outcome.
 * Offline satisfied = attended and rated ≥ 4 of 5; online satisfied = finished the item and rated it well.
 */
export interface LabelledExample {
  input: FeatureInput;
  offlineLabel: HeadLabel;
  onlineLabel: HeadLabel;
  /** When the outcome became known (ms since epoch); the temporal split trains on earlier outcomes. */
  timestamp: number;
}

/**
 * Encoded examples in the flat layout the training loop wants: `count` rows of `width` floats, and one label
 * per row and head with NaN meaning "no label" (the loss masks those rows out of that head).
 */
export interface TrainingExamples {
  rows: Float32Array;
  count: number;
  width: number;
  offlineLabels: Float32Array;
  onlineLabels: Float32Array;
  /** Per-row topic and timestamp, kept for the popularity baseline and temporal splits. */
  topics: readonly string[];
  timestamps: Float64Array;
}

export function encodeExamples(encoder: FeatureEncoder, examples: readonly LabelledExample[]): TrainingExamples {
  const label = (l: HeadLabel) => (l === null ? NaN : l);
  return {
    rows: encoder.encodeBatch(examples.map((e) => e.input)),
    count: examples.length,
    width: encoder.width,
    offlineLabels: Float32Array.from(examples, (e) => label(e.offlineLabel)),
    onlineLabels: Float32Array.from(examples, (e) => label(e.onlineLabel)),
    topics: examples.map((e) => e.input.session.topic),
    timestamps: Float64Array.from(examples, (e) => e.timestamp),
  };
}

/** Copies the selected rows into a new contiguous set (row copies use subarray, no per-value loop). */
export function selectExamples(set: TrainingExamples, indices: ArrayLike<number>): TrainingExamples {
  const { width } = set;
  const rows = new Float32Array(indices.length * width);
  const offlineLabels = new Float32Array(indices.length);
  const onlineLabels = new Float32Array(indices.length);
  const timestamps = new Float64Array(indices.length);
  const topics: string[] = new Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const src = indices[i];
    rows.set(set.rows.subarray(src * width, (src + 1) * width), i * width);
    offlineLabels[i] = set.offlineLabels[src];
    onlineLabels[i] = set.onlineLabels[src];
    timestamps[i] = set.timestamps[src];
    topics[i] = set.topics[src];
  }
  return { rows, count: indices.length, width, offlineLabels, onlineLabels, topics, timestamps };
}

/**
 * Throws if a set cannot be trained on: wrong array sizes, non-finite feature values (naming row and column
 * index), or labels other than 0, 1 and NaN. Cheap next to one epoch, and it turns silent NaN losses into errors.
 */
export function assertTrainable(set: TrainingExamples): void {
  const { rows, count, width } = set;
  if (rows.length !== count * width || set.offlineLabels.length !== count || set.onlineLabels.length !== count) {
    throw new Error(`Training set arrays do not match count ${count} × width ${width}`);
  }
  for (let i = 0; i < rows.length; i++) {
    if (!Number.isFinite(rows[i])) {
      throw new Error(`Non-finite value ${rows[i]} at row ${Math.floor(i / width)}, column ${i % width}`);
    }
  }
  for (const [head, labels] of [['offline', set.offlineLabels], ['online', set.onlineLabels]] as const) {
    for (let i = 0; i < count; i++) {
      const y = labels[i];
      if (y !== 0 && y !== 1 && !Number.isNaN(y)) throw new Error(`${head} label at row ${i} is ${y}; use 0, 1 or NaN`);
    }
  }
}
