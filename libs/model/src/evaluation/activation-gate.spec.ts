import { decideActivation, GateOptions } from './activation-gate';
import { summarizeMetrics } from './metric-summary';
import type { BinaryMetrics } from './metrics';

function summary(f1s: number[], aucs: number[]) {
  return summarizeMetrics(f1s.map((f1, i) => ({ f1, rocAuc: aucs[i] }) as BinaryMetrics));
}

const gate: GateOptions = { minMeanF1: 0.6, minMeanAuc: 0.75, maxStd: 0.05 };

describe('decideActivation', () => {
  it('activates a good, stable candidate when nothing is live', () => {
    const d = decideActivation(summary([0.7, 0.72, 0.71], [0.82, 0.83, 0.81]), null, gate);
    expect(d.activate).toBe(true);
    expect(d.reasons.every((r) => r.startsWith('ok:'))).toBe(true);
  });

  it('rejects below the floors and names each failing check first', () => {
    const d = decideActivation(summary([0.5, 0.52], [0.7, 0.71]), null, gate);
    expect(d.activate).toBe(false);
    expect(d.reasons[0]).toMatch(/^fail: mean F1 0\.5100 < 0\.6/);
    expect(d.reasons[1]).toMatch(/^fail: mean ROC-AUC/);
  });

  it('rejects an unstable candidate', () => {
    const d = decideActivation(summary([0.9, 0.6, 0.75], [0.9, 0.8, 0.85]), null, gate);
    expect(d.activate).toBe(false);
    expect(d.reasons.some((r) => /fail: F1 std/.test(r))).toBe(true);
  });

  it('rejects a candidate worse than the live version beyond the tolerance', () => {
    const live = summary([0.75, 0.75], [0.86, 0.86]);
    const candidate = summary([0.74, 0.74], [0.85, 0.85]);
    expect(decideActivation(candidate, live, gate).activate).toBe(false);
    expect(decideActivation(candidate, live, { ...gate, maxRegression: 0.02 }).activate).toBe(true);
  });

  it('never activates on NaN metrics', () => {
    expect(decideActivation(summary([0.7], [NaN]), null, gate).activate).toBe(false);
  });
});
