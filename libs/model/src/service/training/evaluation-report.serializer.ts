import type { MetricSummary } from '../../evaluation/metric-summary';
import type { EvaluationReport, HeadEvaluation, HeadSummary } from '../../evaluation/model-evaluation';

/** What a version stores about its evaluation: summaries per head and the per-run metrics with calibration. */
export interface StoredMetrics {
  split: string;
  seeds: number[];
  testFraction: number;
  offline: HeadSummary | null;
  online: HeadSummary | null;
  runs: {
    seed: number;
    trainCount: number;
    testCount: number;
    /** Temporal runs: first and last outcome time (ms) of the test window. */
    testPeriod?: { from: number; to: number };
    epochs: number;
    bestEpoch: number;
    offline: HeadEvaluation | null;
    online: HeadEvaluation | null;
  }[];
}

export function storedMetrics(report: EvaluationReport, testFraction: number): StoredMetrics {
  return {
    split: report.split,
    seeds: report.seeds,
    testFraction,
    offline: report.offline,
    online: report.online,
    runs: report.runs.map((r) => ({
      seed: r.seed, trainCount: r.trainCount, testCount: r.testCount, testPeriod: r.testPeriod, epochs: r.history.epochs.length,
      bestEpoch: r.history.bestEpoch, offline: r.offline, online: r.online,
    })),
  };
}

/** The offline head's summary of the model (what the gate compares), if the version has one. */
export function offlineModelSummary(metrics: unknown): MetricSummary | null {
  const m = metrics as Partial<StoredMetrics> | null;
  return (m?.offline?.model as MetricSummary | undefined) ?? null;
}

/**
 * What the gate reads of a candidate's offline head: the model's summary and, on a temporal split, the per-window
 * difference to logistic regression, whose spread is gated instead of the model's own (rolling-origin windows
 * drift over time, and that drift moves every model alike). A random split's hold-outs are exchangeable, so
 * there the model's own spread is gated as before. Versions stored before the difference existed have none.
 */
export function offlineGateInput(metrics: unknown): { model: MetricSummary; vsBaseline: MetricSummary | null } | null {
  const m = metrics as Partial<StoredMetrics> | null;
  const model = offlineModelSummary(metrics);
  if (!model) return null;
  return { model, vsBaseline: gatesSpreadVsLogistic(m?.split) ? (m?.offline?.vsLogistic ?? null) : null };
}

/** Whether the gate checks the spread of model − logistic (a temporal split) rather than the model's own. */
export function gatesSpreadVsLogistic(split: string | undefined): boolean {
  return split === 'temporal';
}

/**
 * The few numbers a list view shows: mean ± std of ROC-AUC and F1 for the model and the baselines, and of the
 * per-run difference model − logistic regression (`vsLogistic`, null for versions stored before it existed).
 */
export function headline(metrics: unknown): Record<string, unknown> | null {
  const m = metrics as Partial<StoredMetrics> | null;
  const head = (h: HeadSummary | null | undefined) => h && {
    rocAuc: { model: stat(h.model, 'rocAuc'), popularity: stat(h.popularity, 'rocAuc'), logistic: stat(h.logistic, 'rocAuc'), vsLogistic: h.vsLogistic ? stat(h.vsLogistic, 'rocAuc') : null },
    f1: { model: stat(h.model, 'f1'), popularity: stat(h.popularity, 'f1'), logistic: stat(h.logistic, 'f1'), vsLogistic: h.vsLogistic ? stat(h.vsLogistic, 'f1') : null },
  };
  if (!m) return null;
  return { offline: head(m.offline) ?? null, online: head(m.online) ?? null };
}

function stat(summary: MetricSummary, metric: 'rocAuc' | 'f1') {
  const s = summary[metric];
  return { mean: round(s.mean), std: round(s.std) };
}

function round(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : Math.round(x * 10_000) / 10_000;
}
