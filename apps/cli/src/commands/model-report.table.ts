import { gatesSpreadVsLogistic } from '@o2o/model';
import { printTable } from '../cli-ui';

interface Stat {
  mean: number;
  std: number;
}
type Summary = Record<string, Stat>;
interface HeadSummary {
  model: Summary;
  popularity: Summary;
  logistic: Summary;
  /** Per run, model − logistic regression (absent in versions stored before it existed). */
  vsLogistic?: Summary;
}

const METRICS = ['rocAuc', 'prAuc', 'f1', 'precision', 'recall', 'accuracy', 'brier', 'ece'];
const fmt = (s: Stat | undefined) => (s && Number.isFinite(s.mean) ? `${s.mean.toFixed(3)} ± ${s.std.toFixed(3)}` : 'n/a');

/**
 * Model beside both baselines, mean ± std over the runs, one table per head; the last column is the per-run
 * difference model − logistic regression. The title names the spread the gate checks: the difference's on a
 * temporal split (window-to-window drift cancels), the model's own on a random one.
 */
export function printEvaluation(metrics: { offline: HeadSummary | null; online: HeadSummary | null; split?: string; seeds?: number[] }): void {
  for (const head of ['offline', 'online'] as const) {
    const h = metrics[head];
    if (!h) {
      printTable([], `${head} head: no held-out outcomes / 无留出数据`);
      continue;
    }
    printTable(METRICS.map((m) => ({
      metric: m, model: fmt(h.model[m]), popularity: fmt(h.popularity[m]), logistic: fmt(h.logistic[m]), 'model − logistic': fmt(h.vsLogistic?.[m]),
    })),
      `${head === 'offline' ? 'Offline head f (attended and rated ≥ 4) / 线下头' : 'Online head g (completed and rated ≥ 4) / 线上头'} — ` +
      `${metrics.split ?? ''} split, ${metrics.seeds?.length ?? 1} run(s), mean ± std`);
  }
  if (metrics.offline) printSpreads(metrics.offline, metrics.split);
}

/** Both spreads of F1 and ROC-AUC, and which one the gate (MODEL_GATE_MAX_STD) checks for this split. */
function printSpreads(h: HeadSummary, split: string | undefined): void {
  const temporal = gatesSpreadVsLogistic(split);
  const std = (s: Stat | undefined) => (s && Number.isFinite(s.std) ? s.std.toFixed(4) : 'n/a');
  printTable((['f1', 'rocAuc'] as const).map((m) => ({
    metric: m, 'model spread': std(h.model[m]), 'spread vs logistic': std(h.vsLogistic?.[m]),
    gated: temporal ? 'spread vs logistic' : 'model spread',
  })), `Offline head spread (std over runs) / 线下头波动 — gate checks ${temporal ? 'spread vs logistic (drift between windows cancels) / 相对基线波动' : 'model spread / 模型自身波动'}`);
}

/** The first run's calibration table for the offline head (the planner consumes these probabilities). */
export function printCalibration(bins: { lower: number; upper: number; meanPredicted: number | null; observedRate: number | null; count: number }[]): void {
  printTable(bins.map((b) => ({
    bin: `${b.lower.toFixed(1)}–${b.upper.toFixed(1)}`, count: b.count,
    predicted: b.meanPredicted === null ? '' : b.meanPredicted.toFixed(3), observed: b.observedRate === null ? '' : b.observedRate.toFixed(3),
  })), 'Calibration, offline head, first run / 校准表');
}
