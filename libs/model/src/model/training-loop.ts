import * as tf from '@tensorflow/tfjs';
import type { TrainingExamples } from '../data/labelled-example';
import { SeededRandom } from '../random/seeded-random';
import { labelsAndMask, maskedBceFromLogits, maskedBceFromLogitsJs } from './masked-loss';
import type { SatisfactionNetwork } from './satisfaction-network';
import type { EpochLog, ResolvedModelOptions, TrainingHistory, TrainOptions } from './satisfaction-model.options';

type LoopOptions = Required<Omit<TrainOptions, 'validation' | 'validationFraction' | 'onEpochEnd'>> &
  Pick<TrainOptions, 'onEpochEnd'>;

/** Rows per forward pass when scoring a whole set; big batches amortise per-call overhead on WASM. */
export const PREDICT_CHUNK_ROWS = 32768;

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
  const offline = labelsAndMask(train.offlineLabels);
  const online = labelsAndMask(train.onlineLabels);
  const shuffled = {
    x: new Float32Array(count * width),
    yOff: new Float32Array(count),
    mOff: new Float32Array(count),
    yOn: new Float32Array(count),
    mOn: new Float32Array(count),
  };
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
        shuffled.x.set(train.rows.subarray(src * width, (src + 1) * width), i * width);
        shuffled.yOff[i] = offline.y[src];
        shuffled.mOff[i] = offline.mask[src];
        shuffled.yOn[i] = online.y[src];
        shuffled.mOn[i] = online.mask[src];
      }
      let lossSum = 0;
      let batches = 0;
      for (let start = 0; start < count; start += opts.batchSize) {
        const end = Math.min(count, start + opts.batchSize);
        const b = end - start;
        const cost = optimizer.minimize(
          () => {
            const x = tf.tensor2d(shuffled.x.subarray(start * width, end * width), [b, width]);
            const col = (a: Float32Array) => tf.tensor2d(a.subarray(start, end), [b, 1]);
            const [zOff, zOn] = net.full.apply(x, { training: true }) as tf.Tensor[];
            let loss = tf.add(
              tf.mul(model.alpha, maskedBceFromLogits(zOff, col(shuffled.yOff), col(shuffled.mOff))),
              tf.mul(model.beta, maskedBceFromLogits(zOn, col(shuffled.yOn), col(shuffled.mOn))),
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
      const [off, on] = net.full.predict(x) as tf.Tensor[];
      return [off.dataSync(), on.dataSync()];
    });
    zOff.set(a, start);
    zOn.set(b, start);
  }
  const offline = maskedBceFromLogitsJs(zOff, set.offlineLabels).loss;
  const online = maskedBceFromLogitsJs(zOn, set.onlineLabels).loss;
  return { total: model.alpha * offline + model.beta * online, offline, online };
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
