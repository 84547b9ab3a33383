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

  check(f1.mean >= options.minMeanF1, `mean F1 ${f(f1.mean)} ${f1.mean >= options.minMeanF1 ? '≥' : '<'} ${options.minMeanF1}`);
  check(
    rocAuc.mean >= options.minMeanAuc,
    `mean ROC-AUC ${f(rocAuc.mean)} ${rocAuc.mean >= options.minMeanAuc ? '≥' : '<'} ${options.minMeanAuc}`,
  );
  for (const [name, stat] of [['F1', f1], ['ROC-AUC', rocAuc]] as const) {
    check(stat.std <= options.maxStd, `${name} std ${f(stat.std)} ${stat.std <= options.maxStd ? '≤' : '>'} ${options.maxStd}`);
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
