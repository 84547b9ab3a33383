import * as tf from '@tensorflow/tfjs';
import type { TrainingExamples } from '../data/labelled-example';
import { SatisfactionModel } from '../model/satisfaction-model';
import { SeededRandom } from '../random/seeded-random';
import { selectBackend } from './select-backend';

function toy(count: number, width: number): TrainingExamples {
  const rng = new SeededRandom(21);
  const rows = Float32Array.from({ length: count * width }, () => rng.normal());
  const label = (i: number, w: number) => (rng.bernoulli(1 / (1 + Math.exp(-w * rows[i * width]))) ? 1 : 0);
  return {
    rows,
    count,
    width,
    offlineLabels: Float32Array.from({ length: count }, (_, i) => (i % 2 ? NaN : label(i, 2))),
    onlineLabels: Float32Array.from({ length: count }, (_, i) => (i % 2 ? label(i, -1) : NaN)),
    topics: new Array(count).fill('t'),
    timestamps: new Float64Array(count),
  };
}

async function trainAndPredict(backend: 'wasm' | 'cpu', data: TrainingExamples): Promise<Float32Array[]> {
  expect(await selectBackend(backend)).toBe(backend);
  const model = SatisfactionModel.create({ inputWidth: data.width, fusion: 'hybrid', seed: 13 });
  await model.train(data, { epochs: 4, batchSize: 128 });
  const out = [model.predictOffline(data.rows, data.count), model.predictOnline(data.rows, data.count)];
  model.dispose();
  return out;
}

describe('selectBackend', () => {
  afterAll(async () => {
    await selectBackend('wasm');
  });

  it('falls back past the missing native backend to wasm', async () => {
    const name = await selectBackend();
    expect(['tensorflow', 'wasm']).toContain(name);
    expect(tf.getBackend()).toBe(name);
  });

  it('honours an explicit preference', async () => {
    expect(await selectBackend('cpu')).toBe('cpu');
    expect(await selectBackend('wasm')).toBe('wasm');
    expect(Array.from(tf.tidy(() => tf.tensor1d([1, 2, 3]).square().dataSync()))).toEqual([1, 4, 9]);
  });

  it('trains and predicts the same seeded model identically (±1e-3) on wasm and cpu', async () => {
    const data = toy(1500, 16);
    const [wasmOff, wasmOn] = await trainAndPredict('wasm', data);
    const [cpuOff, cpuOn] = await trainAndPredict('cpu', data);
    let maxDiff = 0;
    for (let i = 0; i < data.count; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(wasmOff[i] - cpuOff[i]), Math.abs(wasmOn[i] - cpuOn[i]));
    }
    expect(maxDiff).toBeLessThan(1e-3);
  });
});
