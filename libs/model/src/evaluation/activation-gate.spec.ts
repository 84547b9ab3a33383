import { decideActivation, GateOptions } from './activation-gate';
import { summarizeDifferences, summarizeMetrics } from './metric-summary';
import type { BinaryMetrics } from './metrics';

const runs = (f1s: number[], aucs: number[]) => f1s.map((f1, i) => ({ f1, rocAuc: aucs[i] }) as BinaryMetrics);

function summary(f1s: number[], aucs: number[]) {
  return summarizeMetrics(runs(f1s, aucs));
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

  describe('on rolling-origin windows, with the spread measured against the baseline', () => {
    // The same windows, oldest first; the second window is easier for every model (drift, not instability).
    const baseline = runs([0.7, 0.79], [0.807, 0.878]);

    it('activates a candidate that drifts together with the baseline', () => {
      const candidate = runs([0.71, 0.8], [0.805, 0.874]);
      const plain = decideActivation(summarizeMetrics(candidate), null, gate);
      expect(plain.activate).toBe(false);
      expect(plain.reasons[0]).toBe('fail: F1 std 0.0636 > 0.05');
      const d = decideActivation(summarizeMetrics(candidate), null, gate, summarizeDifferences(candidate, baseline));
      expect(d.activate).toBe(true);
      expect(d.reasons).toContain('ok: F1 spread vs baseline 0.0000 ≤ 0.05');
      expect(d.reasons).toContain('ok: ROC-AUC spread vs baseline 0.0014 ≤ 0.05');
    });

    it('rejects a candidate that jumps while the baseline holds steady, naming the spread that failed', () => {
      const steady = runs([0.72, 0.72], [0.84, 0.84]);
      const candidate = runs([0.66, 0.8], [0.84, 0.85]);
      const d = decideActivation(summarizeMetrics(candidate), null, gate, summarizeDifferences(candidate, steady));
      expect(d.activate).toBe(false);
      expect(d.reasons.filter((r) => r.startsWith('fail:'))).toEqual(['fail: F1 spread vs baseline 0.0990 > 0.05']);
    });
  });

  it('never activates on NaN metrics', () => {
    expect(decideActivation(summary([0.7], [NaN]), null, gate).activate).toBe(false);
  });
});
