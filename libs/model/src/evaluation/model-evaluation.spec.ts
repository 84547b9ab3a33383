import { selectBackend } from '../backend/select-backend';
import { generateSyntheticWorld } from '../synthetic/synthetic-data.generator';
import { buildSyntheticExamples } from '../synthetic/synthetic-examples';
import { evaluateSatisfaction } from './model-evaluation';

describe('evaluateSatisfaction over repeated random splits', () => {
  const examples = buildSyntheticExamples(generateSyntheticWorld({ learners: 200, seed: 3, onlineStartsPerWeek: 0.2 }));

  beforeAll(async () => {
    await selectBackend('wasm');
  });

  it('draws a different hold-out per seed and reports mean and spread for the model and both baselines', async () => {
    const report = await evaluateSatisfaction(examples, { split: 'random', seeds: [1, 2, 3], testFraction: 0.25, train: { epochs: 2 } });
    expect(report.runs.map((r) => r.seed)).toEqual([1, 2, 3]);
    for (const run of report.runs) expect(run.trainCount + run.testCount).toBe(examples.length);
    const offline = report.offline!;
    // Another hold-out each time: the popularity baseline, which has no seed of its own, scores differently.
    expect(new Set(offline.popularity.rocAuc.values).size).toBe(3);
    for (const summary of [offline.model, offline.popularity, offline.logistic]) {
      const { values, mean, std } = summary.f1;
      expect(values).toHaveLength(3);
      expect(mean).toBeCloseTo((values[0] + values[1] + values[2]) / 3, 12);
      expect(std).toBeCloseTo(Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / 2), 12);
      expect(std).toBeGreaterThan(0);
    }
    expect(report.runs[0].offline!.model.calibration).toHaveLength(10);
    expect(report.online!.model.brier.values).toHaveLength(3);
  });
});
