import type { MetricSummary } from './metric-summary';

export interface GateOptions {
  minMeanF1: number;
  minMeanAuc: number;
  /** Largest acceptable std of F1 and of ROC-AUC across the repeated runs. */
  maxStd: number;
  /** How far below the live version's mean F1 / AUC the candidate may be; 0 = must be at least as good. */
  maxRegression?: number;
}

export interface ActivationDecision {
  activate: boolean;
  /** One line per check; failures first when there are any. */
  reasons: string[];
}

/**
 * Evaluate-then-enable: a candidate model version becomes active only if its repeated-split metrics clear the
 * absolute floors, are stable across seeds, and are not worse than the version currently live. Pure, so the
 * decision and its reasons can be stored with the model version and shown to an operator.
 */
export function decideActivation(
  candidate: MetricSummary,
  live: MetricSummary | null,
  options: GateOptions,
): ActivationDecision {
  const tolerance = options.maxRegression ?? 0;
  const checks: { ok: boolean; text: string }[] = [];
  const check = (ok: boolean, text: string) => checks.push({ ok, text });
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : String(x));
  const { f1, rocAuc } = candidate;

  const floor = (name: string, value: number, min: number) =>
    check(value >= min, `mean ${name} ${f(value)} ${value >= min ? '≥' : '<'} ${min}`);
  floor('F1', f1.mean, options.minMeanF1);
  floor('ROC-AUC', rocAuc.mean, options.minMeanAuc);
  for (const [name, stat] of [['F1', f1], ['ROC-AUC', rocAuc]] as const) {
    const ok = stat.std <= options.maxStd;
    check(ok, `${name} std ${f(stat.std)} ${ok ? '≤' : '>'} ${options.maxStd}`);
  }
  if (live) {
    for (const [name, c, l] of [
      ['F1', f1.mean, live.f1.mean],
      ['ROC-AUC', rocAuc.mean, live.rocAuc.mean],
    ] as const) {
      const ok = c >= l - tolerance;
      check(ok, `mean ${name} ${f(c)} ${ok ? 'not worse than' : 'worse than'} live ${f(l)} (tolerance ${tolerance})`);
    }
  } else {
    check(true, 'no live version to compare with');
  }
  // NaN fails every comparison above, so a head evaluated on a single-class test set can never activate.
  const failed = checks.filter((c) => !c.ok);
  return {
    activate: failed.length === 0,
    reasons: [...failed.map((c) => `fail: ${c.text}`), ...checks.filter((c) => c.ok).map((c) => `ok: ${c.text}`)],
  };
}
