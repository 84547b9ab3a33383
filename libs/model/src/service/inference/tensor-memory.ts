import * as tf from '@tensorflow/tfjs';

/** Live tensors in the TensorFlow.js engine; a service that disposes properly keeps this flat. */
export function tensorCount(): number {
  return tf.memory().numTensors;
}
