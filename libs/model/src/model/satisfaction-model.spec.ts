import * as tf from '@tensorflow/tfjs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { selectBackend } from '../backend/select-backend';
import type { TrainingExamples } from '../data/labelled-example';
import { SeededRandom } from '../random/seeded-random';
import { readModelArtifacts, writeModelArtifacts } from './model-artifact-store';
import { ArtifactChecksumError } from './model-artifacts';
import { SatisfactionModel } from './satisfaction-model';

const WIDTH = 12;

/** Rows with a planted logistic signal; every other row is offline-labelled, the rest online-labelled. */
function toyExamples(count: number, seed: number, onlineLabels = true): TrainingExamples {
  const rng = new SeededRandom(seed);
  const rows = new Float32Array(count * WIDTH);
  const offlineLabels = new Float32Array(count).fill(NaN);
  const online = new Float32Array(count).fill(NaN);
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < WIDTH; c++) rows[i * WIDTH + c] = rng.normal();
    const x = rows.subarray(i * WIDTH, (i + 1) * WIDTH);
    if (i % 2 === 0) offlineLabels[i] = rng.bernoulli(1 / (1 + Math.exp(-(2 * x[0] - 1.5 * x[1])))) ? 1 : 0;
    else if (onlineLabels) online[i] = rng.bernoulli(1 / (1 + Math.exp(-(2 * x[0] + x[2])))) ? 1 : 0;
  }
  return {
    rows,
    count,
    width: WIDTH,
    offlineLabels,
    onlineLabels: online,
    topics: new Array(count).fill('t'),
    timestamps: new Float64Array(count),
  };
}

describe('SatisfactionModel', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  it('learns both heads and is reproducible from the seed', async () => {
    const data = toyExamples(3000, 1);
    const a = SatisfactionModel.create({ inputWidth: WIDTH, seed: 7 });
    const b = SatisfactionModel.create({ inputWidth: WIDTH, seed: 7 });
    const ha = await a.train(data, { epochs: 6 });
    const hb = await b.train(data, { epochs: 6 });
    expect(ha.epochs.map((e) => e.trainLoss)).toEqual(hb.epochs.map((e) => e.trainLoss));
    expect(Array.from(a.predictOffline(data.rows, 50))).toEqual(Array.from(b.predictOffline(data.rows, 50)));
    expect(ha.bestValidationLoss).toBeLessThan(2 * Math.log(2) * 0.8);
    const probe = new Float32Array(WIDTH * 2);
    probe[0] = 2; // x0 high → both heads up
    probe[WIDTH] = -2;
    const off = a.predictOffline(probe, 2);
    const on = a.predictOnline(probe, 2);
    expect(off[0]).toBeGreaterThan(off[1]);
    expect(on[0]).toBeGreaterThan(on[1]);
    a.dispose();
    b.dispose();
  });

  it('masks heads: rows without an online label leave the online output layer untouched', async () => {
    const data = toyExamples(600, 2, false);
    const model = SatisfactionModel.create({ inputWidth: WIDTH, l2: 0, seed: 3 });
    const before = await model.save();
    await model.train(data, { epochs: 2, validationFraction: 0 });
    const after = await model.save();
    const weights = async (bundle: typeof before) => {
      const { model: m } = await SatisfactionModel.load(bundle);
      const layer = m['net'].full.getLayer('online_logit');
      const [kernel] = layer.getWeights().map((w) => Array.from(w.dataSync()));
      const trunk = Array.from(m['net'].full.getLayer('trunk_1').getWeights()[0].dataSync());
      m.dispose();
      return { kernel, trunk };
    };
    const [w0, w1] = [await weights(before), await weights(after)];
    expect(w1.kernel).toEqual(w0.kernel);
    expect(w1.trunk).not.toEqual(w0.trunk);
    model.dispose();
  });

  it('weights the heads by α and β: a head with weight 0 is not trained even when its labels are present', async () => {
    const data = toyExamples(600, 12);
    const outputKernels = async (bundle: Awaited<ReturnType<SatisfactionModel['save']>>) => {
      const { model: m } = await SatisfactionModel.load(bundle);
      const kernel = (name: string) => Array.from(m['net'].full.getLayer(name).getWeights()[0].dataSync());
      const result = { offline: kernel('offline_logit'), online: kernel('online_logit') };
      m.dispose();
      return result;
    };
    for (const [alpha, beta] of [[1, 0], [0, 1]]) {
      const model = SatisfactionModel.create({ inputWidth: WIDTH, alpha, beta, seed: 3 });
      const before = await outputKernels(await model.save());
      await model.train(data, { epochs: 2, validationFraction: 0 });
      const after = await outputKernels(await model.save());
      model.dispose();
      if (beta === 0) {
        expect(after.online).toEqual(before.online);
        expect(after.offline).not.toEqual(before.offline);
      } else {
        expect(after.offline).toEqual(before.offline);
        expect(after.online).not.toEqual(before.online);
      }
    }
  });

  it('builds the three fusion modes', async () => {
    const data = toyExamples(400, 3);
    const counts: Record<string, number> = {};
    for (const fusion of ['fused', 'dual-stream', 'hybrid'] as const) {
      const model = SatisfactionModel.create({ inputWidth: WIDTH, fusion, seed: 1 });
      counts[fusion] = model.parameterCount;
      await model.train(data, { epochs: 1 });
      expect(model.predictOnline(data.rows, 10).every((p) => p > 0 && p < 1)).toBe(true);
      model.dispose();
    }
    expect(counts['dual-stream']).toBeGreaterThan(counts.fused);
    expect(counts.hybrid).toBeGreaterThan(counts.fused);
  });

  it('stops early when validation loss stops improving', async () => {
    const data = toyExamples(800, 4);
    data.offlineLabels = data.offlineLabels.map((y, i) => (Number.isNaN(y) ? y : i % 4 === 0 ? 1 : 0));
    const model = SatisfactionModel.create({ inputWidth: WIDTH, learningRate: 0.02, seed: 5 });
    const history = await model.train(data, { epochs: 60, patience: 2, batchSize: 64 });
    expect(history.stoppedEarly).toBe(true);
    expect(history.epochs.length).toBeLessThan(60);
    expect(history.bestEpoch).toBe(history.epochs.length - 1 - 2);
    model.dispose();
  });

  it('rejects labels other than 0, 1 and NaN and non-finite rows before training', async () => {
    const model = SatisfactionModel.create({ inputWidth: WIDTH });
    const bad = toyExamples(50, 10);
    bad.offlineLabels[4] = 0.5;
    await expect(model.train(bad)).rejects.toThrow(/offline label at row 4/);
    const inf = toyExamples(50, 10);
    inf.rows[3 * WIDTH + 2] = Infinity;
    await expect(model.train(inf)).rejects.toThrow(/row 3, column 2/);
    model.dispose();
  });

  it('keeps tf.memory().numTensors flat over 10,000 batched predictions', () => {
    const model = SatisfactionModel.create({ inputWidth: WIDTH, seed: 9 });
    const rows = toyExamples(100, 5).rows;
    model.predictOffline(rows, 100); // warm-up allocations (kernels, constants)
    const before = tf.memory().numTensors;
    for (let i = 0; i < 100; i++) {
      model.predictOffline(rows, 100);
      model.predictOnline(rows, 100);
    }
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('releases all tensors after training and disposal', async () => {
    const before = tf.memory().numTensors;
    const model = SatisfactionModel.create({ inputWidth: WIDTH, seed: 9 });
    await model.train(toyExamples(300, 6), { epochs: 2 });
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('saves to and loads from an atomically written directory, verifying the checksum', async () => {
    const model = SatisfactionModel.create({ inputWidth: WIDTH, fusion: 'hybrid', seed: 11 });
    await model.train(toyExamples(500, 7), { epochs: 2 });
    const bundle = await model.save({ metadata: { version: 'v1' } });
    expect(bundle.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(bundle.modelJson.toString()).weightsManifest[0].paths).toEqual(['weights.bin']);

    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'o2o-model-'));
    const dir = await writeModelArtifacts(path.join(root, 'v1'), bundle);
    expect((await fs.readdir(root)).sort()).toEqual(['v1']); // no temp directory left behind
    await expect(writeModelArtifacts(dir, bundle)).rejects.toThrow(/already exists/);

    const loaded = await SatisfactionModel.load(await readModelArtifacts(dir, bundle.sha256));
    expect(loaded.metadata).toEqual({ version: 'v1' });
    expect(loaded.model.options.fusion).toBe('hybrid');
    const rows = toyExamples(20, 8).rows;
    expect(Array.from(loaded.model.predictOffline(rows, 20))).toEqual(Array.from(model.predictOffline(rows, 20)));

    const weightsFile = path.join(dir, 'weights.bin');
    const bytes = await fs.readFile(weightsFile);
    bytes[0] ^= 0xff;
    await fs.writeFile(weightsFile, bytes);
    await expect(readModelArtifacts(dir)).rejects.toBeInstanceOf(ArtifactChecksumError);
    const tampered = { ...bundle, weightsBin: bytes };
    await expect(SatisfactionModel.load(tampered)).rejects.toBeInstanceOf(ArtifactChecksumError);
    loaded.model.dispose();
    model.dispose();
    await fs.rm(root, { recursive: true, force: true });
  });
});
