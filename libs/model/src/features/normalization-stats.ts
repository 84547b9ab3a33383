import { InvalidFeatureError } from './invalid-feature.error';

export interface NormalizationStatsJson {
  columns: { name: string; mean: number; std: number }[];
}

/** Below this a column is treated as constant and only centred, to avoid dividing noise into huge values. */
const MIN_STD = 1e-6;

/**
 * Per-column mean and standard deviation fitted on the training rows. Indicator columns (one-hot, flags,
 * sin/cos) are passed through as mean 0, std 1 so that zeros keep meaning "absent".
 */
export class NormalizationStats {
  constructor(
    readonly columns: readonly string[],
    readonly mean: Float32Array,
    readonly std: Float32Array,
  ) {
    if (mean.length !== columns.length || std.length !== columns.length) {
      throw new Error('NormalizationStats: mean/std length must equal the number of columns');
    }
  }

  static fit(
    rows: Float32Array,
    count: number,
    columns: readonly string[],
    normalized: readonly boolean[],
  ): NormalizationStats {
    const width = columns.length;
    const mean = new Float32Array(width);
    const std = new Float32Array(width).fill(1);
    // Accumulate in float64; float32 sums drift visibly on tens of thousands of rows.
    const sum = new Float64Array(width);
    const sumSq = new Float64Array(width);
    for (let r = 0; r < count; r++) {
      const base = r * width;
      for (let c = 0; c < width; c++) {
        const v = rows[base + c];
        if (!Number.isFinite(v)) throw new InvalidFeatureError(columns[c], v);
        sum[c] += v;
        sumSq[c] += v * v;
      }
    }
    for (let c = 0; c < width; c++) {
      if (!normalized[c] || count === 0) continue;
      const m = sum[c] / count;
      const variance = Math.max(0, sumSq[c] / count - m * m);
      mean[c] = m;
      std[c] = Math.sqrt(variance) < MIN_STD ? 1 : Math.sqrt(variance);
    }
    return new NormalizationStats(columns, mean, std);
  }

  get width(): number {
    return this.columns.length;
  }

  /** Normalises `count` rows in place and returns the same array. */
  applyInPlace(rows: Float32Array, count: number): Float32Array {
    const width = this.width;
    if (rows.length < count * width) throw new Error(`Expected ${count}×${width} values, got ${rows.length}`);
    for (let r = 0; r < count; r++) {
      const base = r * width;
      for (let c = 0; c < width; c++) {
        const v = (rows[base + c] - this.mean[c]) / this.std[c];
        if (!Number.isFinite(v)) throw new InvalidFeatureError(this.columns[c], rows[base + c]);
        rows[base + c] = v;
      }
    }
    return rows;
  }

  toJSON(): NormalizationStatsJson {
    return {
      columns: this.columns.map((name, c) => ({ name, mean: this.mean[c], std: this.std[c] })),
    };
  }

  static fromJSON(json: NormalizationStatsJson): NormalizationStats {
    for (const col of json.columns) {
      if (!Number.isFinite(col.mean)) throw new InvalidFeatureError(col.name, col.mean, 'has a non-finite mean');
      if (!Number.isFinite(col.std) || col.std <= 0) {
        throw new InvalidFeatureError(col.name, col.std, 'has a non-positive or non-finite std');
      }
    }
    return new NormalizationStats(
      json.columns.map((c) => c.name),
      Float32Array.from(json.columns.map((c) => c.mean)),
      Float32Array.from(json.columns.map((c) => c.std)),
    );
  }
}
