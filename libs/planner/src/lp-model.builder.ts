import type { PlanConstraintName } from './plan-constraint.types';
import type { EligiblePair, PlanModelScope, ProblemCandidate } from './plan-problem.types';
import { formatLpNumber, LpTextWriter } from './lp-text.writer';

export interface LpBuildOptions {
  /** Constraint families left out; the infeasibility diagnosis drops them one at a time. */
  omit?: ReadonlySet<PlanConstraintName>;
  /** Declare invitation variables integer (the diagnosis of an integer re-solve needs it). */
  integerInvitations?: boolean;
  /** Zero objective: the diagnosis only asks whether any plan exists. */
  feasibilityOnly?: boolean;
}

export interface LpModel {
  text: string;
  rows: number;
  columns: number;
}

/** Column names; results are read back by name, so they carry the global candidate and pair indices. */
export const openVariable = (candidate: ProblemCandidate): string => `y${candidate.index}`;
export const inviteVariable = (pair: EligiblePair): string => `x${pair.index}`;

/**
 * Writes the service-plan MIP (README.md, "Model") in CPLEX LP format. y_s ∈ {0,1} opens candidate s,
 * x_is ∈ [0,1] invites learner i to s. Row names are the constraint family's short prefix plus indices:
 * budget, cap_s, att_s, ls_<learner>_<slot>, mi_<learner>, is_<instructor>_<slot>, vs_<venue>_<slot>, minopen.
 * The capacity row Σ_i x_is ≤ cap_s·y_s also links invitations to opened sessions; disaggregated x_is ≤ y_s rows
 * would tighten the relaxation a little but add one row per pair, and made the benchmark several times slower.
 */
export function buildLpModel(scope: PlanModelScope, options: LpBuildOptions = {}): LpModel {
  const omit = options.omit ?? new Set<PlanConstraintName>();
  const { problem, candidates, pairs } = scope;
  const slotOf = (pair: EligiblePair): number => problem.candidates[pair.candidate].slot;
  const names = new Map(pairs.map((p) => [p.index, inviteVariable(p)]));
  const scores = new Map(pairs.map((p) => [p.index, formatLpNumber(p.score)]));
  const byCandidate = groupBy(pairs, (p) => String(p.candidate));
  const lp = new LpTextWriter();
  let rows = 0;
  const row = (name: string, write: () => void, sense: '<=' | '>=', rhs: number): void => {
    lp.begin(name);
    write();
    if (lp.endConstraint(sense, rhs)) rows++;
  };
  const sumOf = (group: EligiblePair[]) => () => group.forEach((p) => lp.term(1, names.get(p.index)!));

  lp.section('Maximize');
  lp.begin('satisfaction');
  if (!options.feasibilityOnly) for (const p of pairs) lp.term(p.score, names.get(p.index)!, scores.get(p.index));
  lp.endObjective(openVariable(candidates[0]));

  lp.section('Subject To');
  if (!omit.has('budget')) {
    row('budget', () => candidates.forEach((c) => lp.term(c.cost, openVariable(c))), '<=', problem.budget);
  }
  for (const c of candidates) {
    const invites = byCandidate.get(String(c.index)) ?? [];
    const capacity = (): void => {
      sumOf(invites)();
      lp.term(-c.capacity, openVariable(c));
    };
    row(`cap_${c.index}`, capacity, '<=', 0);
    if (omit.has('min_attendance')) continue;
    const attendance = (): void => {
      for (const p of invites) lp.term(p.probability, names.get(p.index)!);
      lp.term(-c.minAttendance, openVariable(c));
    };
    row(`att_${c.index}`, attendance, '>=', 0);
  }
  if (!omit.has('learner_slot')) {
    for (const [key, group] of groupBy(pairs, (p) => `${p.learner}_${slotOf(p)}`)) {
      if (group.length > 1) row(`ls_${key}`, sumOf(group), '<=', 1);
    }
  }
  if (!omit.has('learner_max_invitations') && Number.isFinite(problem.maxInvitations)) {
    for (const [learner, group] of groupBy(pairs, (p) => String(p.learner))) {
      // With one invitation per slot, a learner seen in few slots can never exceed the limit.
      const reach = omit.has('learner_slot') ? group.length : new Set(group.map(slotOf)).size;
      if (reach > problem.maxInvitations) row(`mi_${learner}`, sumOf(group), '<=', problem.maxInvitations);
    }
  }
  const oneOf = (family: PlanConstraintName, prefix: string, key: (c: ProblemCandidate) => string): void => {
    if (omit.has(family)) return;
    for (const [k, group] of groupBy(candidates, key)) {
      if (group.length > 1) row(`${prefix}_${k}`, () => group.forEach((c) => lp.term(1, openVariable(c))), '<=', 1);
    }
  };
  oneOf('instructor_slot', 'is', (c) => `${c.instructor}_${c.slot}`);
  oneOf('venue_slot', 'vs', (c) => `${c.venue}_${c.slot}`);
  if (!omit.has('min_opened_sessions') && problem.minOpened > 0) {
    row('minopen', () => candidates.forEach((c) => lp.term(1, openVariable(c))), '>=', problem.minOpened);
  }

  lp.section('Bounds');
  for (const c of candidates) lp.bound(openVariable(c), c.required ? 1 : 0, 1);
  for (const p of pairs) lp.bound(names.get(p.index)!, 0, 1);
  lp.section('Generals');
  lp.names(candidates.map(openVariable));
  if (options.integerInvitations) lp.names(pairs.map((p) => names.get(p.index)!));
  lp.section('End');
  return { text: lp.toString(), rows, columns: candidates.length + pairs.length };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
