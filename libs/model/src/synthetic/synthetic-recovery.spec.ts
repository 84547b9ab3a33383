import { selectBackend } from '../backend/select-backend';
import { randomSplit } from '../data/data-split';
import { decideActivation } from '../evaluation/activation-gate';
import { rocAuc } from '../evaluation/metrics';
import { evaluateOnSplit, evaluateSatisfaction } from '../evaluation/model-evaluation';
import { generateSyntheticWorld } from './synthetic-data.generator';
import { buildSyntheticExamples } from './synthetic-examples';

/**
 * The end-to-end claim of issue 3: on a world whose preferences we planted, the trained offline head ranks
 * held-out bookings well (ROC-AUC ≥ 0.80), close to the oracle that knows the true probabilities, and better
 * than suggesting popular topics.
 */
describe('training recovers the hidden preference model', () => {
  jest.setTimeout(60_000);
  const world = generateSyntheticWorld({ learners: 1000, seed: 11, onlineStartsPerWeek: 0.35, bookingsPerLearner: 6 });
  const examples = buildSyntheticExamples(world);

  beforeAll(async () => {
    await selectBackend('wasm');
  });

  it('beats 0.80 ROC-AUC and the popularity baseline on a random held-out split', async () => {
    const split = randomSplit(examples.length, 0.2, 5);
    const run = await evaluateOnSplit(examples, split, 5, { train: { epochs: 20 } });
    const offline = run.offline!;
    const heldOut = Array.from(split.test, (i) => examples[i]).filter((e) => e.offlineLabel !== null);
    const oracle = rocAuc(
      heldOut.map((e) => e.offlineLabel as number),
      heldOut.map((e) => e.trueProbability),
    );
    expect(offline.model.count).toBe(heldOut.length);
    expect(offline.model.rocAuc).toBeGreaterThanOrEqual(0.8);
    expect(offline.model.rocAuc).toBeGreaterThan(offline.popularity.rocAuc + 0.1);
    expect(offline.model.rocAuc).toBeGreaterThan(oracle - 0.04);
    expect(offline.model.prAuc).toBeGreaterThan(offline.popularity.prAuc);
    expect(offline.model.brier).toBeLessThan(offline.popularity.brier);
    expect(offline.model.ece).toBeLessThan(0.08);
    expect(run.online!.model.rocAuc).toBeGreaterThan(run.online!.popularity.rocAuc);
  });

  it('holds up on a temporal split over repeated seeds and passes the activation gate', async () => {
    const report = await evaluateSatisfaction(examples, {
      split: 'temporal',
      seeds: [1, 2],
      model: { fusion: 'hybrid' },
      train: { epochs: 15 },
    });
    const offline = report.offline!;
    expect(offline.model.rocAuc.values).toHaveLength(2);
    expect(offline.model.rocAuc.mean).toBeGreaterThanOrEqual(0.8);
    expect(offline.model.rocAuc.std).toBeLessThan(0.02);
    const gate = { minMeanF1: 0.6, minMeanAuc: 0.8, maxStd: 0.03 };
    const decision = decideActivation(offline.model, offline.popularity, gate);
    expect(decision).toEqual({ activate: true, reasons: expect.any(Array) });
    // What the training service gates on a temporal split: the spread of model − logistic regression per window.
    expect(decideActivation(offline.model, offline.popularity, gate, offline.vsLogistic).activate).toBe(true);
    expect(decideActivation(offline.popularity, offline.model, gate).activate).toBe(false);
  });
});
