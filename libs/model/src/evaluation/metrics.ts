export interface CalibrationBin {
  lower: number;
  upper: number;
  /** Mean predicted probability in the bin; null when the bin is empty. */
  meanPredicted: number | null;
  /** Share of positives in the bin; null when the bin is empty. */
  observedRate: number | null;
  count: number;
}

export interface BinaryMetrics {
  count: number;
  positives: number;
  threshold: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  /** NaN when the set holds only one class. */
  rocAuc: number;
  /** Average precision (area under the precision–recall step curve); NaN without positives. */
  prAuc: number;
  brier: number;
  /** Expected calibration error: count-weighted |meanPredicted − observedRate| over the bins. */
  ece: number;
  calibration: CalibrationBin[];
}

/** The scalar metrics, i.e. the ones repeated evaluation averages. */
export const SCALAR_METRICS = ['accuracy', 'precision', 'recall', 'f1', 'rocAuc', 'prAuc', 'brier', 'ece'] as const;
export type ScalarMetric = (typeof SCALAR_METRICS)[number];

const CALIBRATION_BINS = 10;

/**
 * Classification, ranking and calibration metrics for one head. Rows whose label is NaN (no label for this
 * head) are skipped, so a head's label array can be passed as is. Precision is 0 when nothing is predicted
 * positive, like scikit-learn's default.
 */
export function binaryMetrics(labels: ArrayLike<number>, scores: ArrayLike<number>, threshold = 0.5): BinaryMetrics {
  if (labels.length !== scores.length) throw new Error('labels and scores differ in length');
  const y: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (Number.isNaN(labels[i])) continue;
    if (!Number.isFinite(scores[i])) throw new Error(`Score ${i} is not finite (${scores[i]})`);
    y.push(labels[i] > 0.5 ? 1 : 0);
    p.push(scores[i]);
  }
  const n = y.length;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let brier = 0;
  const bins = Array.from({ length: CALIBRATION_BINS }, () => ({ sumP: 0, pos: 0, count: 0 }));
  for (let i = 0; i < n; i++) {
    const predicted = p[i] >= threshold;
    if (predicted && y[i]) tp++;
    else if (predicted) fp++;
    else if (y[i]) fn++;
    brier += (p[i] - y[i]) ** 2;
    const bin = bins[Math.min(CALIBRATION_BINS - 1, Math.max(0, Math.floor(p[i] * CALIBRATION_BINS)))];
    bin.sumP += p[i];
    bin.pos += y[i];
    bin.count++;
  }
  const positives = tp + fn;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = positives === 0 ? 0 : tp / positives;
  const calibration = bins.map((b, i) => ({
    lower: i / CALIBRATION_BINS,
    upper: (i + 1) / CALIBRATION_BINS,
    meanPredicted: b.count ? b.sumP / b.count : null,
    observedRate: b.count ? b.pos / b.count : null,
    count: b.count,
  }));
  return {
    count: n,
    positives,
    threshold,
    accuracy: n ? (n - fp - fn) / n : NaN,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    rocAuc: rocAuc(y, p),
    prAuc: averagePrecision(y, p),
    brier: n ? brier / n : NaN,
    ece: n ? bins.reduce((s, b) => s + (b.count ? Math.abs(b.sumP - b.pos) : 0), 0) / n : NaN,
    calibration,
  };
}

/** Mann–Whitney form with average ranks for ties, so a constant scorer gets exactly 0.5. */
export function rocAuc(labels: readonly number[], scores: readonly number[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k]]) {
        positives++;
        rankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Σ (R_k − R_{k−1}) · P_k over distinct thresholds, highest first (scikit-learn's average_precision_score). */
export function averagePrecision(labels: readonly number[], scores: readonly number[]): number {
  const total = labels.reduce((s, y) => s + y, 0);
  if (total === 0) return NaN;
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let tp = 0;
  let seen = 0;
  let ap = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    let groupPositives = 0;
    while (j < order.length && scores[order[j]] === scores[order[i]]) groupPositives += labels[order[j++]];
    tp += groupPositives;
    seen = j;
    ap += (groupPositives / total) * (tp / seen);
    i = j;
  }
  return ap;
}
