import * as tf from '@tensorflow/tfjs';
import type { TrainingExamples } from '../data/labelled-example';
import { SeededRandom } from '../random/seeded-random';
import { maskedBceFromLogitsJs, weightedBceFromLogits } from './masked-loss';
import type { SatisfactionNetwork } from './satisfaction-network';
import type { EpochLog, ResolvedModelOptions, TrainingHistory, TrainOptions } from './satisfaction-model.options';

type LoopOptions = Required<Omit<TrainOptions, 'validation' | 'validationFraction' | 'onEpochEnd'>> &
  Pick<TrainOptions, 'onEpochEnd'>;

/** Rows per forward pass when scoring a whole set; big batches amortise per-call overhead on WASM. */
export const PREDICT_CHUNK_ROWS = 16384;

/**
 * Custom loop rather than model.fit(): tfjs 4.22 compile() ignores lossWeights, and the α/β-weighted masked
 * loss needs both labels and masks per head. Batches are views (subarray) of a per-epoch shuffled copy of the
 * rows, because slicing tensors costs milliseconds per slice on WASM.
 */
export async function runTrainingLoop(
  net: SatisfactionNetwork,
  model: ResolvedModelOptions,
  train: TrainingExamples,
  validation: TrainingExamples,
  opts: LoopOptions,
): Promise<TrainingHistory> {
  const { width, count } = train;
  const rng = new SeededRandom(opts.seed);
  // Per epoch, rows are copied into shuffled order once; batches are then zero-copy subarray views.
  const shuffledRows = new Float32Array(count * width);
  const shuffledLabels = new Float32Array(count * 2); // [offline, online] per row, NaN = no label
  const batchLabels = new Float32Array(opts.batchSize * 2);
  const batchWeights = new Float32Array(opts.batchSize * 2);
  const optimizer = tf.train.adam(model.learningRate);
  const variables = net.full.trainableWeights.map((w) => w.read() as tf.Variable);
  const kernels = variables.filter((v) => v.name.includes('kernel'));

  const epochs: EpochLog[] = [];
  let best = { loss: Infinity, epoch: -1, weights: [] as Float32Array[] };
  let trainSeconds = 0;
  let seen = 0;
  try {
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      const started = performance.now();
      const perm = rng.permutation(count);
      for (let i = 0; i < count; i++) {
        const src = perm[i];
        shuffledRows.set(train.rows.subarray(src * width, (src + 1) * width), i * width);
        shuffledLabels[2 * i] = train.offlineLabels[src];
        shuffledLabels[2 * i + 1] = train.onlineLabels[src];
      }
      let lossSum = 0;
      let batches = 0;
      for (let start = 0; start < count; start += opts.batchSize) {
        const end = Math.min(count, start + opts.batchSize);
        const b = end - start;
        fillLabelsAndWeights(shuffledLabels.subarray(2 * start, 2 * end), model, batchLabels, batchWeights);
        const cost = optimizer.minimize(
          () => {
            const x = tf.tensor2d(shuffledRows.subarray(start * width, end * width), [b, width]);
            const [zOff, zOn] = net.full.apply(x, { training: true }) as tf.Tensor[];
            let loss = weightedBceFromLogits(
              tf.concat([zOff, zOn], 1),
              tf.tensor2d(batchLabels.subarray(0, 2 * b), [b, 2]),
              tf.tensor2d(batchWeights.subarray(0, 2 * b), [b, 2]),
            );
            if (model.l2 > 0) loss = tf.add(loss, tf.mul(model.l2, tf.addN(kernels.map((k) => tf.sum(tf.square(k))))));
            return loss as tf.Scalar;
          },
          true,
          variables,
        );
        lossSum += cost!.dataSync()[0];
        cost!.dispose();
        batches++;
      }
      trainSeconds += (performance.now() - started) / 1000;
      seen += count;

      const validationLoss = datasetLoss(net, model, validation).total;
      const log: EpochLog = {
        epoch,
        trainLoss: lossSum / Math.max(1, batches),
        validationLoss,
        seconds: (performance.now() - started) / 1000,
      };
      epochs.push(log);
      opts.onEpochEnd?.(log);
      if (validationLoss < best.loss - opts.minDelta) {
        best = { loss: validationLoss, epoch, weights: snapshot(net) };
      } else if (epoch - best.epoch >= opts.patience) {
        break;
      }
      // Let the event loop breathe between epochs (job heartbeats, cancellation).
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    optimizer.dispose();
  }
  const last = epochs.length - 1;
  if (best.epoch >= 0 && best.epoch !== last) restore(net, best.weights);
  return {
    epochs,
    bestEpoch: best.epoch,
    bestValidationLoss: best.loss,
    stoppedEarly: epochs.length < opts.epochs,
    examplesPerSecond: trainSeconds > 0 ? seen / trainSeconds : 0,
  };
}

/** α·masked BCE(offline) + β·masked BCE(online) over a whole set, scored in large chunks. */
export function datasetLoss(
  net: SatisfactionNetwork,
  model: Pick<ResolvedModelOptions, 'alpha' | 'beta'>,
  set: TrainingExamples,
): { total: number; offline: number; online: number } {
  const zOff = new Float32Array(set.count);
  const zOn = new Float32Array(set.count);
  for (let start = 0; start < set.count; start += PREDICT_CHUNK_ROWS) {
    const end = Math.min(set.count, start + PREDICT_CHUNK_ROWS);
    const [a, b] = tf.tidy(() => {
      const x = tf.tensor2d(set.rows.subarray(start * set.width, end * set.width), [end - start, set.width]);
      // predictOnBatch, not predict(): predict() re-slices the input into 32-row batches, ~ms per slice on WASM.
      const [off, on] = net.full.predictOnBatch(x) as tf.Tensor[];
      return [off.dataSync(), on.dataSync()];
    });
    zOff.set(a, start);
    zOn.set(b, start);
  }
  const offline = maskedBceFromLogitsJs(zOff, set.offlineLabels).loss;
  const online = maskedBceFromLogitsJs(zOn, set.onlineLabels).loss;
  return { total: model.alpha * offline + model.beta * online, offline, online };
}

/**
 * Labels with NaN replaced by 0 (NaN·0 would still be NaN) and per-entry loss weights
 * mask · α / (labelled offline rows) and mask · β / (labelled online rows) for one batch.
 */
function fillLabelsAndWeights(
  labels: Float32Array,
  model: Pick<ResolvedModelOptions, 'alpha' | 'beta'>,
  outLabels: Float32Array,
  outWeights: Float32Array,
): void {
  const counts = [0, 0];
  for (let i = 0; i < labels.length; i++) if (!Number.isNaN(labels[i])) counts[i & 1]++;
  const scale = [model.alpha / Math.max(1, counts[0]), model.beta / Math.max(1, counts[1])];
  for (let i = 0; i < labels.length; i++) {
    const missing = Number.isNaN(labels[i]);
    outLabels[i] = missing ? 0 : labels[i];
    outWeights[i] = missing ? 0 : scale[i & 1];
  }
}

function snapshot(net: SatisfactionNetwork): Float32Array[] {
  return net.full.getWeights().map((w) => w.dataSync().slice() as Float32Array);
}

function restore(net: SatisfactionNetwork, weights: Float32Array[]): void {
  const current = net.full.getWeights();
  const tensors = weights.map((w, i) => tf.tensor(w, current[i].shape));
  net.full.setWeights(tensors);
  tf.dispose(tensors);
}
