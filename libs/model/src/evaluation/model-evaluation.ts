import { randomSplit, SplitIndices } from '../data/data-split';
import { rollingOriginSplits } from '../data/rolling-origin-split';
import { encodeExamples, LabelledExample, TrainingExamples } from '../data/labelled-example';
import { FeatureEncoder } from '../features/feature-encoder';
import { SatisfactionModel } from '../model/satisfaction-model';
import type { SatisfactionModelOptions, TrainingHistory, TrainOptions } from '../model/satisfaction-model.options';
import { LogisticRegressionBaseline, LogisticRegressionOptions } from './logistic-regression-baseline';
import { MetricSummary, summarizeDifferences, summarizeMetrics } from './metric-summary';
import { binaryMetrics, BinaryMetrics } from './metrics';
import { PopularityBaseline } from './popularity-baseline';

export type SplitKind = 'random' | 'temporal';

export interface EvaluationOptions {
  split: SplitKind;
  testFraction?: number;
  /**
   * One run per seed: the seed drives weight init, shuffling and, for a random split, the hold-out. A temporal
   * evaluation gives run k the k-th rolling-origin window (oldest first), so the runs differ in data too.
   */
  seeds?: number[];
  model?: Omit<SatisfactionModelOptions, 'inputWidth' | 'seed'>;
  train?: Omit<TrainOptions, 'seed' | 'validation'>;
  logistic?: LogisticRegressionOptions;
  /** Decision threshold for accuracy/precision/recall/F1. */
  threshold?: number;
}

/** The model and both baselines, scored on the same held-out rows of one head. */
export interface HeadEvaluation {
  model: BinaryMetrics;
  popularity: BinaryMetrics;
  logistic: BinaryMetrics;
}

export interface EvaluationRun {
  seed: number;
  trainCount: number;
  testCount: number;
  /** Temporal runs: the first and last outcome time (ms) in the test window; training is strictly earlier. */
  testPeriod?: { from: number; to: number };
  /** null when the test split has no labels for that head. */
  offline: HeadEvaluation | null;
  online: HeadEvaluation | null;
  history: TrainingHistory;
}

export interface HeadSummary {
  model: MetricSummary;
  popularity: MetricSummary;
  logistic: MetricSummary;
  /**
   * Per run, model − logistic regression on the same split. Its spread is the model's instability with the
   * variation both share (drift between temporal windows) taken out; the gate uses it on temporal splits.
   */
  vsLogistic: MetricSummary;
}

export interface EvaluationReport {
  split: SplitKind;
  seeds: number[];
  runs: EvaluationRun[];
  offline: HeadSummary | null;
  online: HeadSummary | null;
}

/**
 * Repeated hold-out evaluation of the satisfaction model against the popularity and logistic-regression
 * baselines: a random hold-out drawn per seed, or successive rolling-origin temporal windows (see
 * rollingOriginSplits), so the spread covers the data as well as the seed for the model and both baselines.
 * The encoder is refitted on each training split so vocabularies and normalisation never see the test rows.
 * Feed `report.offline.model` to decideActivation, with `report.offline.vsLogistic` on a temporal split.
 */
export async function evaluateSatisfaction(
  examples: readonly LabelledExample[],
  options: EvaluationOptions,
): Promise<EvaluationReport> {
  const seeds = options.seeds ?? [1, 2, 3];
  const testFraction = options.testFraction ?? 0.2;
  const windows =
    options.split === 'temporal'
      ? rollingOriginSplits(
          examples.map((e) => e.timestamp),
          { testFraction, runs: seeds.length },
        )
      : null;
  const runs: EvaluationRun[] = [];
  for (const [k, seed] of seeds.entries()) {
    const window = windows?.[k];
    const split = window ?? randomSplit(examples.length, testFraction, seed);
    const run = await evaluateOnSplit(examples, split, seed, options);
    runs.push(window ? { ...run, testPeriod: { from: window.testFrom, to: window.testTo } } : run);
  }
  const summarize = (head: 'offline' | 'online'): HeadSummary | null => {
    const heads = runs.map((r) => r[head]).filter((h): h is HeadEvaluation => h !== null);
    if (heads.length !== runs.length) return null;
    return {
      model: summarizeMetrics(heads.map((h) => h.model)),
      popularity: summarizeMetrics(heads.map((h) => h.popularity)),
      logistic: summarizeMetrics(heads.map((h) => h.logistic)),
      vsLogistic: summarizeDifferences(heads.map((h) => h.model), heads.map((h) => h.logistic)),
    };
  };
  return { split: options.split, seeds, runs, offline: summarize('offline'), online: summarize('online') };
}

/** One train/test run: fit encoder and model on `split.train`, score model and baselines on `split.test`. */
export async function evaluateOnSplit(
  examples: readonly LabelledExample[],
  split: SplitIndices,
  seed: number,
  options: Omit<EvaluationOptions, 'split' | 'seeds' | 'testFraction'> = {},
): Promise<EvaluationRun> {
  const pick = (idx: Int32Array) => Array.from(idx, (i) => examples[i]);
  const trainExamples = pick(split.train);
  const encoder = FeatureEncoder.fit(trainExamples.map((e) => e.input));
  const train = encodeExamples(encoder, trainExamples);
  const test = encodeExamples(encoder, pick(split.test));

  const model = SatisfactionModel.create({ ...options.model, inputWidth: encoder.width, seed });
  try {
    const history = await model.train(train, { ...options.train, seed });
    const head = (which: 'offline' | 'online'): HeadEvaluation | null =>
      scoreHead(which, model, train, test, seed, options);
    return {
      seed,
      trainCount: train.count,
      testCount: test.count,
      offline: head('offline'),
      online: head('online'),
      history,
    };
  } finally {
    model.dispose();
  }
}

function scoreHead(
  head: 'offline' | 'online',
  model: SatisfactionModel,
  train: TrainingExamples,
  test: TrainingExamples,
  seed: number,
  options: Pick<EvaluationOptions, 'logistic' | 'threshold'>,
): HeadEvaluation | null {
  const trainLabels = head === 'offline' ? train.offlineLabels : train.onlineLabels;
  const testLabels = head === 'offline' ? test.offlineLabels : test.onlineLabels;
  if (testLabels.every((y) => Number.isNaN(y)) || trainLabels.every((y) => Number.isNaN(y))) return null;
  const threshold = options.threshold ?? 0.5;
  const predicted =
    head === 'offline' ? model.predictOffline(test.rows, test.count) : model.predictOnline(test.rows, test.count);
  const popularity = PopularityBaseline.fit(train.topics, trainLabels).predict(test.topics);
  const logistic = LogisticRegressionBaseline.fit(train.rows, train.count, train.width, trainLabels, {
    seed,
    ...options.logistic,
  }).predict(test.rows, test.count);
  return {
    model: binaryMetrics(testLabels, predicted, threshold),
    popularity: binaryMetrics(testLabels, popularity, threshold),
    logistic: binaryMetrics(testLabels, logistic, threshold),
  };
}
