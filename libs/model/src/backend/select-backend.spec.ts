import * as tf from '@tensorflow/tfjs';
import { selectBackend } from './select-backend';

describe('selectBackend', () => {
  it('falls back past the missing native backend to wasm', async () => {
    const name = await selectBackend();
    expect(['tensorflow', 'wasm']).toContain(name);
    expect(tf.getBackend()).toBe(name);
  });

  it('honours an explicit cpu preference', async () => {
    expect(await selectBackend('cpu')).toBe('cpu');
    expect(await selectBackend('wasm')).toBe('wasm');
    const y = tf.tidy(() => tf.tensor1d([1, 2, 3]).square().dataSync());
    expect(Array.from(y)).toEqual([1, 4, 9]);
  });
});
