import * as tf from '@tensorflow/tfjs';

/**
 * Σ weights · BCE(labels, σ(logits)) with BCE in the numerically stable form max(z,0) − z·y + log(1 + e^−|z|).
 * The training loop passes weights = mask · α / (labelled offline rows in the batch) for the offline column and
 * mask · β / (labelled online rows) for the online column, which makes this exactly
 * α·mean masked BCE(offline) + β·mean masked BCE(online); a head with no labelled rows in the batch contributes
 * 0 (not NaN). Folding mask, mean and α/β into one constant keeps the per-batch graph to a handful of kernels.
 */
export function weightedBceFromLogits(logits: tf.Tensor, labels: tf.Tensor, weights: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const perEntry = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, labels)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
    return tf.sum(tf.mul(perEntry, weights)) as tf.Scalar;
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
