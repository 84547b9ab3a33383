import { BinaryMetrics, SCALAR_METRICS, ScalarMetric } from './metrics';

export interface MetricStat {
  mean: number;
  /** Sample standard deviation over the runs (0 for a single run). */
  std: number;
  values: number[];
}

export type MetricSummary = Record<ScalarMetric, MetricStat>;

/** Mean and spread of each scalar metric over repeated runs. NaN in any run propagates, so gates reject it. */
export function summarizeMetrics(runs: readonly BinaryMetrics[]): MetricSummary {
  if (runs.length === 0) throw new Error('summarizeMetrics needs at least one run');
  return summarize((metric) => runs.map((r) => r[metric]));
}

/**
 * Per run, `runs[k] − baseline[k]` for each scalar metric, then mean and spread. Both lists must come from the
 * same splits, run by run: what the two share (a harder test window, drift between windows) cancels, so the
 * spread left is how unevenly the model does relative to the baseline, i.e. its own instability.
 */
export function summarizeDifferences(runs: readonly BinaryMetrics[], baseline: readonly BinaryMetrics[]): MetricSummary {
  if (runs.length === 0) throw new Error('summarizeDifferences needs at least one run');
  if (runs.length !== baseline.length) throw new Error('summarizeDifferences needs one baseline result per run');
  return summarize((metric) => runs.map((r, k) => r[metric] - baseline[k][metric]));
}

function summarize(valuesOf: (metric: ScalarMetric) => number[]): MetricSummary {
  const summary = {} as MetricSummary;
  for (const metric of SCALAR_METRICS) {
    const values = valuesOf(metric);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance =
      values.length > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1) : 0;
    summary[metric] = { mean, std: Math.sqrt(variance), values };
  }
  return summary;
}
