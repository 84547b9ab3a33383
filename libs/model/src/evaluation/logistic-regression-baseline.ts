import { SeededRandom } from '../random/seeded-random';

export interface LogisticRegressionOptions {
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

/**
 * Logistic regression on the same encoded rows as the model, in plain JS (float64, mini-batch Adam). It is
 * the "do we need a network at all?" baseline; keeping it out of tfjs makes it independent of the backend.
 */
export class LogisticRegressionBaseline {
  private constructor(
    private readonly weights: Float64Array,
    private readonly bias: number,
  ) {}

  /** Rows whose label is NaN are ignored. */
  static fit(
    rows: Float32Array,
    count: number,
    width: number,
    labels: ArrayLike<number>,
    options: LogisticRegressionOptions = {},
  ): LogisticRegressionBaseline {
    const { epochs = 30, batchSize = 128, learningRate = 0.02, l2 = 1e-4, seed = 1 } = options;
    const labelled: number[] = [];
    for (let i = 0; i < count; i++) if (!Number.isNaN(labels[i])) labelled.push(i);
    const params = width + 1; // last slot is the bias
    const w = new Float64Array(params);
    const m = new Float64Array(params);
    const v = new Float64Array(params);
    const grad = new Float64Array(params);
    const rng = new SeededRandom(seed);
    const [b1, b2, eps] = [0.9, 0.999, 1e-8];
    let step = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      rng.shuffle(labelled);
      for (let start = 0; start < labelled.length; start += batchSize) {
        const end = Math.min(labelled.length, start + batchSize);
        grad.fill(0);
        for (let k = start; k < end; k++) {
          const i = labelled[k];
          const base = i * width;
          let z = w[width];
          for (let c = 0; c < width; c++) z += w[c] * rows[base + c];
          const err = sigmoid(z) - labels[i];
          for (let c = 0; c < width; c++) grad[c] += err * rows[base + c];
          grad[width] += err;
        }
        step++;
        const scale = 1 / (end - start);
        for (let c = 0; c < params; c++) {
          const g = grad[c] * scale + (c < width ? l2 * w[c] : 0);
          m[c] = b1 * m[c] + (1 - b1) * g;
          v[c] = b2 * v[c] + (1 - b2) * g * g;
          const mHat = m[c] / (1 - b1 ** step);
          const vHat = v[c] / (1 - b2 ** step);
          w[c] -= (learningRate * mHat) / (Math.sqrt(vHat) + eps);
        }
      }
    }
    return new LogisticRegressionBaseline(w.slice(0, width), w[width]);
  }

  predict(rows: Float32Array, count: number): Float32Array {
    const width = this.weights.length;
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      let z = this.bias;
      for (let c = 0; c < width; c++) z += this.weights[c] * rows[i * width + c];
      out[i] = sigmoid(z);
    }
    return out;
  }
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
