import { selectBackend } from '../backend/select-backend';
import { generateSyntheticWorld } from '../synthetic/synthetic-data.generator';
import { buildSyntheticExamples } from '../synthetic/synthetic-examples';
import { evaluateSatisfaction } from './model-evaluation';

describe('evaluateSatisfaction over repeated splits', () => {
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

  it('gives temporal runs successive rolling-origin windows, so the popularity baseline has a spread too', async () => {
    const report = await evaluateSatisfaction(examples, { split: 'temporal', seeds: [1, 2, 3], testFraction: 0.2, train: { epochs: 2 } });
    const periods = report.runs.map((r) => r.testPeriod!);
    for (let k = 1; k < periods.length; k++) {
      expect(periods[k].from).toBeGreaterThan(periods[k - 1].from);
      expect(report.runs[k].trainCount).toBeGreaterThan(report.runs[k - 1].trainCount);
    }
    for (const run of report.runs) {
      // Training is exactly the examples strictly before the window, and the window is the next slice in time.
      expect(examples.filter((e) => e.timestamp < run.testPeriod!.from)).toHaveLength(run.trainCount);
      expect(examples.filter((e) => e.timestamp >= run.testPeriod!.from && e.timestamp <= run.testPeriod!.to)).toHaveLength(run.testCount);
    }
    expect(periods[2].to).toBe(Math.max(...examples.map((e) => e.timestamp)));
    const offline = report.offline!;
    // Before rolling origins every temporal run had the same cut, and the seedless popularity baseline's std was 0.
    expect(new Set(offline.popularity.rocAuc.values).size).toBe(3);
    expect(offline.popularity.rocAuc.std).toBeGreaterThan(0);
    expect(offline.logistic.rocAuc.std).toBeGreaterThan(0);
    // The gate's spread on temporal splits: model − logistic regression in the same window, run by run.
    for (const metric of ['f1', 'rocAuc'] as const) {
      const diffs = report.runs.map((r) => r.offline!.model[metric] - r.offline!.logistic[metric]);
      expect(offline.vsLogistic[metric].values).toEqual(diffs);
      const mean = diffs.reduce((a, b) => a + b, 0) / 3;
      expect(offline.vsLogistic[metric].mean).toBeCloseTo(mean, 12);
      expect(offline.vsLogistic[metric].std).toBeCloseTo(Math.sqrt(diffs.reduce((s, v) => s + (v - mean) ** 2, 0) / 2), 12);
    }
  });
});
