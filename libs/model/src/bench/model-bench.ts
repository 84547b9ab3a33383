import * as tf from '@tensorflow/tfjs';
import { BackendPreference, selectBackend } from '../backend/select-backend';
import type { TrainingExamples } from '../data/labelled-example';
import { SatisfactionModel } from '../model/satisfaction-model';
import type { FusionMode } from '../model/satisfaction-model.options';
import { SeededRandom } from '../random/seeded-random';

export interface ModelBenchOptions {
  backend?: BackendPreference;
  /** Encoded row width; the default is close to FeatureEncoder.width on the synthetic world. */
  width?: number;
  trainExamples?: number;
  epochs?: number;
  batchSizes?: number[];
  fusions?: FusionMode[];
  inferenceRows?: number;
  /** Print the result table with console.table (default true). */
  print?: boolean;
}

export interface ModelBenchRow {
  backend: string;
  fusion: FusionMode;
  batchSize: number;
  parameters: number;
  trainExamplesPerSecond: number;
  inferenceRowsPerSecond: number;
}

/**
 * Throughput of SatisfactionModel on random rows: training examples/s through the real training loop
 * (shuffle, masked α/β loss, Adam; validation excluded) and offline-head inference rows/s over one large
 * batch. Targets on WASM: ≥ 50,000 training examples/s and ≥ 1,000,000 inference rows/s.
 */
export async function runModelBench(options: ModelBenchOptions = {}): Promise<ModelBenchRow[]> {
  const backend = await selectBackend(options.backend ?? 'wasm');
  const width = options.width ?? 80;
  const train = randomExamples(options.trainExamples ?? 40_000, width);
  const inferenceRows = options.inferenceRows ?? 200_000;
  const rows = randomExamples(inferenceRows, width).rows;
  const results: ModelBenchRow[] = [];
  for (const fusion of options.fusions ?? (['fused', 'dual-stream', 'hybrid'] as FusionMode[])) {
    for (const batchSize of options.batchSizes ?? [256, 512, 1024]) {
      const model = SatisfactionModel.create({ inputWidth: width, fusion, seed: 1 });
      const history = await model.train(train, {
        epochs: options.epochs ?? 3,
        batchSize,
        patience: 1_000,
        validationFraction: 0,
      });
      model.predictOffline(rows, Math.min(inferenceRows, 1024)); // warm-up
      const started = performance.now();
      model.predictOffline(rows, inferenceRows);
      const seconds = (performance.now() - started) / 1000;
      results.push({
        backend,
        fusion,
        batchSize,
        parameters: model.parameterCount,
        trainExamplesPerSecond: Math.round(history.examplesPerSecond),
        inferenceRowsPerSecond: Math.round(inferenceRows / seconds),
      });
      model.dispose();
    }
  }
  if (options.print ?? true) {
    console.table(results);
    console.log(`tf.memory().numTensors after bench: ${tf.memory().numTensors}`);
  }
  return results;
}

function randomExamples(count: number, width: number): TrainingExamples {
  const rng = new SeededRandom(99);
  const rows = new Float32Array(count * width);
  for (let i = 0; i < rows.length; i++) rows[i] = rng.normal();
  const offlineLabels = new Float32Array(count);
  const onlineLabels = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const z = rows[i * width] - rows[i * width + 1];
    // Half the rows are offline-only, half online-only, as in the real mixed dataset.
    offlineLabels[i] = i % 2 ? NaN : rng.bernoulli(1 / (1 + Math.exp(-z))) ? 1 : 0;
    onlineLabels[i] = i % 2 ? (rng.bernoulli(1 / (1 + Math.exp(z))) ? 1 : 0) : NaN;
  }
  const topics = new Array<string>(count).fill('');
  return { rows, count, width, offlineLabels, onlineLabels, topics, timestamps: new Float64Array(count) };
}
