import * as tf from '@tensorflow/tfjs';
import { selectBackend } from './select-backend';

// A machine where neither the native nor the WASM backend can load (tfjs-node is absent here anyway).
jest.mock('@tensorflow/tfjs-backend-wasm', () => {
  throw new Error('Cannot find module @tensorflow/tfjs-backend-wasm');
});

describe('selectBackend without tfjs-node and WASM', () => {
  it('falls back to the CPU backend, whatever was asked for', async () => {
    expect(await selectBackend()).toBe('cpu');
    expect(await selectBackend('wasm')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(Array.from(tf.tidy(() => tf.tensor1d([1, 2]).add(1).dataSync()))).toEqual([2, 3]);
  });
});
