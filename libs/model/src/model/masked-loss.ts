import * as tf from '@tensorflow/tfjs';

/**
 * Mean binary cross-entropy over the rows whose mask is 1, computed from logits in the numerically stable
 * form max(z,0) − z·y + log(1 + e^−|z|). A batch with no labelled rows contributes exactly 0 (not NaN), which
 * is what lets offline-only and online-only examples share one batch.
 */
export function maskedBceFromLogits(logits: tf.Tensor, labels: tf.Tensor, mask: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const perRow = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, labels)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
    return tf.div(tf.sum(tf.mul(perRow, mask)), tf.maximum(tf.sum(mask), 1)) as tf.Scalar;
  });
}

/** Same quantity in float64 JS over already-computed logits; labels are NaN where the row has no label. */
export function maskedBceFromLogitsJs(logits: Float32Array, labels: Float32Array): { loss: number; count: number } {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < logits.length; i++) {
    const y = labels[i];
    if (Number.isNaN(y)) continue;
    const z = logits[i];
    sum += Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
    count++;
  }
  return { loss: count === 0 ? 0 : sum / count, count };
}

/** Splits NaN-for-missing labels into a 0/1 label array and a 0/1 mask array (NaN·0 would poison the loss). */
export function labelsAndMask(labels: Float32Array): { y: Float32Array; mask: Float32Array } {
  const y = new Float32Array(labels.length);
  const mask = new Float32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    if (Number.isNaN(labels[i])) continue;
    y[i] = labels[i];
    mask[i] = 1;
  }
  return { y, mask };
}
