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
  const summary = {} as MetricSummary;
  for (const metric of SCALAR_METRICS) {
    const values = runs.map((r) => r[metric]);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance =
      values.length > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1) : 0;
    summary[metric] = { mean, std: Math.sqrt(variance), values };
  }
  return summary;
}
