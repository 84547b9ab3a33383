import type { ServicePlanInput } from './plan-input.types';
import { validateServicePlanInput } from './plan-input.validator';
import { buildPlanProblem } from './plan-problem.builder';
import type { PlanSelection } from './plan-problem.types';
import { PlanViolation, verifySelection } from './plan-selection.verifier';
import type { ServicePlan } from './service-plan.types';

/**
 * Checks a plan (for example a draft an operator edited before approval) against the input it was made for.
 * Returns every violated constraint; an empty list means the plan is feasible.
 */
export function verifyServicePlan(input: ServicePlanInput, plan: Pick<ServicePlan, 'sessions'>): PlanViolation[] {
  validateServicePlanInput(input);
  const problem = buildPlanProblem(input);
  const candidateIndex = new Map(problem.candidates.map((c) => [c.source.id, c.index]));
  const pairIndex = new Map(problem.pairs.map((p) => [`${p.candidate}/${problem.learnerIds[p.learner]}`, p.index]));
  const selection: PlanSelection = { open: problem.candidates.map(() => false), invited: [] };
  const violations: PlanViolation[] = [];
  for (const session of plan.sessions) {
    const candidate = candidateIndex.get(session.candidateId);
    if (candidate === undefined) {
      violations.push({ constraint: 'eligibility', message: 'unknown candidate session', candidateId: session.candidateId });
      continue;
    }
    if (selection.open[candidate]) {
      violations.push({ constraint: 'eligibility', message: 'session listed twice', candidateId: session.candidateId });
    }
    selection.open[candidate] = true;
    for (const invitation of session.invitations) {
      const pair = pairIndex.get(`${candidate}/${invitation.learnerId}`);
      if (pair === undefined) {
        violations.push({
          constraint: 'eligibility',
          message: 'learner is not eligible for this session',
          candidateId: session.candidateId,
          learnerId: invitation.learnerId,
        });
      } else {
        selection.invited.push(pair);
      }
    }
  }
  return [...violations, ...verifySelection(problem, selection)];
}
