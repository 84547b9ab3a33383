import type { Highs, Model } from 'highs';
import { HighsRunResult, runLoadedModel, withHighsModel } from './highs-model.runner';
import { buildLpModel, inviteVariable, LpModel, openVariable } from './lp-model.builder';
import type { PlanModelScope, PlanSelection } from './plan-problem.types';

const CONTINUOUS = 0;
const INTEGER = 1;

export interface PlanSessionSolves {
  relaxation(timeLimitSeconds: number): HighsRunResult;
  fixedOpenings(open: readonly boolean[], timeLimitSeconds: number, integer?: PlanSelection): HighsRunResult;
  mip(
    start: PlanSelection | undefined,
    integerInvitations: boolean,
    timeLimitSeconds: number,
    mipRelGap: number,
  ): HighsRunResult;
}

/**
 * One parsed plan model reused for every solve of a plan. Parsing the LP text is the most expensive step in
 * HiGHS for this model (about as long as solving the LP relaxation), so the text is read once and the variants
 * are made by changing bounds and integrality in place: the LP relaxation (openings continuous), the LP with
 * fixed openings (exact invitations for a heuristic plan), and the MIP (optionally with integer invitations).
 */
export function withPlanSession<T>(
  highs: Highs,
  scope: PlanModelScope,
  use: (session: PlanSessionSolves, model: LpModel, loadSeconds: number) => T,
): T {
  const lp = buildLpModel(scope);
  const started = performance.now();
  return withHighsModel(highs, lp.text, (model) => {
    const session = new PlanSession(model, scope);
    return use(session, lp, (performance.now() - started) / 1000);
  });
}

class PlanSession implements PlanSessionSolves {
  private readonly names: string[] = [];
  /** Column of each candidate's opening variable, by candidate index. */
  private readonly openColumnOf = new Map<number, number>();
  private readonly openColumns: Int32Array;
  private readonly inviteColumns: Int32Array;
  /** Column of each pair's invitation variable, by pair index. */
  private readonly inviteColumnOf = new Map<number, number>();
  private readonly defaultLower: Float64Array;

  constructor(
    private readonly model: Model,
    private readonly scope: PlanModelScope,
  ) {
    const count = model.getDimensions().numCols;
    const byName = new Map<string, number>();
    for (let j = 0; j < count; j++) {
      this.names.push(model.getColName(j));
      byName.set(this.names[j], j);
    }
    for (const c of scope.candidates) this.openColumnOf.set(c.index, byName.get(openVariable(c))!);
    const open = scope.candidates.map((c) => ({ col: this.openColumnOf.get(c.index)!, lower: c.required ? 1 : 0 }));
    open.sort((a, b) => a.col - b.col);
    this.openColumns = Int32Array.from(open.map((o) => o.col));
    this.defaultLower = Float64Array.from(open.map((o) => o.lower));
    for (const p of scope.pairs) this.inviteColumnOf.set(p.index, byName.get(inviteVariable(p))!);
    this.inviteColumns = Int32Array.from(this.inviteColumnOf.values()).sort();
  }

  relaxation(timeLimitSeconds: number): HighsRunResult {
    this.setOpenings(CONTINUOUS, this.defaultLower, undefined);
    this.setInvitations(CONTINUOUS);
    return this.run('lp', timeLimitSeconds, 0);
  }

  /**
   * The best invitations for fixed openings: an LP, or with `integer` (a feasible start for those openings) a
   * MIP with integer invitations, which stays small because closed sessions drop out in presolve.
   */
  fixedOpenings(open: readonly boolean[], timeLimitSeconds: number, integer?: PlanSelection): HighsRunResult {
    const fixed = this.openingValues(open);
    this.setOpenings(CONTINUOUS, fixed, fixed);
    this.setInvitations(integer ? INTEGER : CONTINUOUS);
    if (!integer) return this.run('lp', timeLimitSeconds, 0);
    this.model.setSolution({ colValue: this.startValues(integer) });
    return this.run('mip', timeLimitSeconds, 0);
  }

  mip(
    start: PlanSelection | undefined,
    integerInvitations: boolean,
    timeLimitSeconds: number,
    mipRelGap: number,
  ): HighsRunResult {
    this.setOpenings(INTEGER, this.defaultLower, undefined);
    this.setInvitations(integerInvitations ? INTEGER : CONTINUOUS);
    // Every plan the search holds uses only modelled pairs, so it is a complete feasible start for HiGHS.
    if (start) this.model.setSolution({ colValue: this.startValues(start) });
    return this.run('mip', timeLimitSeconds, mipRelGap);
  }

  private setOpenings(type: 0 | 1, lower: Float64Array, upper: Float64Array | undefined): void {
    const selection = { kind: 'set' as const, indices: this.openColumns };
    this.model.changeColsIntegrality(selection, new Int32Array(this.openColumns.length).fill(type));
    this.model.changeColsBounds(selection, lower, upper ?? new Float64Array(this.openColumns.length).fill(1));
  }

  private setInvitations(type: 0 | 1): void {
    if (this.inviteColumns.length === 0) return;
    const selection = { kind: 'set' as const, indices: this.inviteColumns };
    this.model.changeColsIntegrality(selection, new Int32Array(this.inviteColumns.length).fill(type));
  }

  private startValues(start: PlanSelection): Float64Array {
    const values = new Float64Array(this.names.length);
    for (const c of this.scope.candidates) values[this.openColumnOf.get(c.index)!] = start.open[c.index] ? 1 : 0;
    for (const index of start.invited) values[this.inviteColumnOf.get(index)!] = 1;
    return values;
  }

  /** 0/1 per opening column, in the (ascending) order of openColumns. */
  private openingValues(open: readonly boolean[]): Float64Array {
    const byColumn = new Map(this.scope.candidates.map((c) => [this.openColumnOf.get(c.index)!, open[c.index] ? 1 : 0]));
    return Float64Array.from(this.openColumns, (col) => byColumn.get(col)!);
  }

  private run(kind: 'lp' | 'mip', timeLimitSeconds: number, mipRelGap: number): HighsRunResult {
    return runLoadedModel(this.model, kind, timeLimitSeconds, mipRelGap, (j) => this.names[j]);
  }
}
