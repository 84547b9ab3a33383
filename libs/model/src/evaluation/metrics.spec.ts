import { averagePrecision, binaryMetrics, rocAuc } from './metrics';

describe('binaryMetrics', () => {
  it('computes confusion-based metrics at the threshold and skips unlabelled rows', () => {
    const labels = [1, 1, 0, 0, NaN, 1];
    const scores = [0.9, 0.4, 0.6, 0.1, 0.99, 0.8];
    const m = binaryMetrics(labels, scores);
    // predicted positive: 0.9 (tp), 0.6 (fp), 0.8 (tp); 0.4 is a fn
    expect(m.count).toBe(5);
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.f1).toBeCloseTo(2 / 3);
    expect(m.accuracy).toBeCloseTo(3 / 5);
    expect(m.brier).toBeCloseTo((0.01 + 0.36 + 0.36 + 0.01 + 0.04) / 5);
  });

  it('matches scikit-learn on a small case with ties', () => {
    const y = [0, 0, 1, 1, 1, 0];
    const s = [0.1, 0.4, 0.35, 0.8, 0.4, 0.2];
    // sklearn.metrics.roc_auc_score → 0.83333, average_precision_score → 0.80555
    expect(rocAuc(y, s)).toBeCloseTo(0.83333, 4);
    expect(averagePrecision(y, s)).toBeCloseTo(0.80556, 4);
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeNaN();
  });

  it('builds a 10-bin calibration table', () => {
    const m = binaryMetrics([1, 0, 1, 1], [0.05, 0.05, 0.95, 1]);
    expect(m.calibration).toHaveLength(10);
    expect(m.calibration[0]).toEqual({ lower: 0, upper: 0.1, meanPredicted: 0.05, observedRate: 0.5, count: 2 });
    expect(m.calibration[9].count).toBe(2);
    expect(m.calibration[5].meanPredicted).toBeNull();
    expect(m.ece).toBeCloseTo((2 * 0.45 + 2 * 0.025) / 4);
  });
});
