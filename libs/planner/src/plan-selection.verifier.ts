import type { PlanConstraintName } from './plan-constraint.types';
import type { PlanProblem, PlanSelection } from './plan-problem.types';
import { atMost, meetsAttendance } from './plan-tolerance.util';

export interface PlanViolation {
  constraint: PlanConstraintName;
  message: string;
  candidateId?: string;
  learnerId?: string;
}

/**
 * Checks a plan in index form against every constraint, independently of the LP model. The solver runs it on
 * every plan it returns, so a modelling or rounding bug surfaces as an error instead of an over-full room.
 */
export function verifySelection(problem: PlanProblem, selection: PlanSelection): PlanViolation[] {
  const violations: PlanViolation[] = [];
  const report = (constraint: PlanConstraintName, message: string, candidate?: number, learner?: number): void => {
    violations.push({
      constraint,
      message,
      ...(candidate === undefined ? {} : { candidateId: problem.candidates[candidate].source.id }),
      ...(learner === undefined ? {} : { learnerId: problem.learnerIds[learner] }),
    });
  };
  const invitedCount = problem.candidates.map(() => 0);
  const attendance = problem.candidates.map(() => 0);
  const perLearnerSlot = new Map<string, number>();
  const perLearner = new Map<number, number>();
  for (const index of selection.invited) {
    const pair = problem.pairs[index];
    const candidate = problem.candidates[pair.candidate];
    if (!selection.open[pair.candidate]) report('eligibility', 'invitation to a session that is not opened', pair.candidate, pair.learner);
    invitedCount[pair.candidate]++;
    attendance[pair.candidate] += pair.probability;
    const key = `${pair.learner}/${candidate.slot}`;
    perLearnerSlot.set(key, (perLearnerSlot.get(key) ?? 0) + 1);
    if (perLearnerSlot.get(key) === 2) {
      report('learner_slot', `more than one invitation in slot "${candidate.source.slotId}"`, pair.candidate, pair.learner);
    }
    perLearner.set(pair.learner, (perLearner.get(pair.learner) ?? 0) + 1);
    if (perLearner.get(pair.learner) === problem.maxInvitations + 1) {
      report('learner_max_invitations', `more than ${problem.maxInvitations} invitations`, pair.candidate, pair.learner);
    }
  }

  let cost = 0;
  let opened = 0;
  const busy = new Map<string, number>();
  for (const candidate of problem.candidates) {
    const i = candidate.index;
    if (!selection.open[i]) {
      if (candidate.required) report('required_session', 'required session is not opened', i);
      continue;
    }
    opened++;
    cost += candidate.cost;
    if (invitedCount[i] > candidate.capacity) {
      report('capacity', `${invitedCount[i]} invitations exceed capacity ${candidate.capacity}`, i);
    }
    if (!meetsAttendance(attendance[i], candidate.minAttendance)) {
      report('min_attendance', `expected attendance ${attendance[i]} is below ${candidate.minAttendance}`, i);
    }
    if (candidate.instructorUnavailable) report('instructor_availability', 'instructor unavailable in this slot', i);
    for (const [family, key] of [
      ['instructor_slot', `i${candidate.instructor}/${candidate.slot}`],
      ['venue_slot', `v${candidate.venue}/${candidate.slot}`],
    ] as const) {
      const other = busy.get(key);
      if (other !== undefined) {
        report(family, `shares its slot with "${problem.candidates[other].source.id}"`, i);
      }
      busy.set(key, i);
    }
  }
  if (!atMost(cost, problem.budget)) report('budget', `total cost ${cost} exceeds the budget ${problem.budget}`);
  if (opened < problem.minOpened) report('min_opened_sessions', `${opened} sessions opened, at least ${problem.minOpened} required`);
  return violations;
}

/** Sum of predicted satisfaction of the invited pairs: the objective of a plan. */
export function selectionObjective(problem: PlanProblem, selection: PlanSelection): number {
  return selection.invited.reduce((sum, index) => sum + problem.pairs[index].score, 0);
}
