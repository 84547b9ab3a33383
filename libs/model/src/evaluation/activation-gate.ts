import type { MetricSummary } from './metric-summary';

export interface GateOptions {
  minMeanF1: number;
  minMeanAuc: number;
  /**
   * Largest acceptable spread (sample std across the repeated runs) of F1 and of ROC-AUC: of the model's own
   * metric, or, when decideActivation is given the per-run difference to a baseline, of that difference.
   */
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
 * absolute floors, are stable across runs, and are not worse than the version currently live. Pure, so the
 * decision and its reasons can be stored with the model version and shown to an operator.
 *
 * Stability: with `vsBaseline` (per run, candidate − baseline on the same split, see summarizeDifferences) the
 * spread checked is that difference's ("F1 spread vs baseline"), so variation every model shares — rolling-origin
 * windows that drift over time — does not count against the candidate; without it, the candidate's own std
 * ("F1 std"). The means are the candidate's either way.
 */
export function decideActivation(
  candidate: MetricSummary,
  live: MetricSummary | null,
  options: GateOptions,
  vsBaseline?: MetricSummary | null,
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
  const spread = vsBaseline ?? candidate;
  for (const [name, std] of [['F1', spread.f1.std], ['ROC-AUC', spread.rocAuc.std]] as const) {
    const ok = std <= options.maxStd;
    check(ok, `${name} ${vsBaseline ? 'spread vs baseline' : 'std'} ${f(std)} ${ok ? '≤' : '>'} ${options.maxStd}`);
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
