import { comparePairs } from './plan-problem.builder';
import type { PlanModelScope, PlanSelection } from './plan-problem.types';
import { meetsAttendance } from './plan-tolerance';

/**
 * Makes a feasible plan out of a solution whose fractional invitations were dropped: sessions that fell below
 * their minimum attendance get the best still-possible learners added, and are closed if that is not enough.
 * Dropping invitations never breaks a "≤" constraint, so only attendance and opened-session counts can fail.
 * Returns undefined when a required session or the minimum number of sessions cannot be kept.
 */
export function repairRounding(scope: PlanModelScope, rounded: PlanSelection): PlanSelection | undefined {
  const { problem } = scope;
  const open = [...rounded.open];
  const invited = new Set(rounded.invited);
  const slotUsed = new Set<string>();
  const perLearner = new Map<number, number>();
  const count = problem.candidates.map(() => 0);
  const attendance = problem.candidates.map(() => 0);
  for (const index of invited) {
    const pair = problem.pairs[index];
    slotUsed.add(`${pair.learner}/${problem.candidates[pair.candidate].slot}`);
    perLearner.set(pair.learner, (perLearner.get(pair.learner) ?? 0) + 1);
    count[pair.candidate]++;
    attendance[pair.candidate] += pair.probability;
  }
  const pairsOf = (candidate: number) => scope.pairs.filter((p) => p.candidate === candidate).sort(comparePairs);

  for (const candidate of scope.candidates) {
    const c = candidate.index;
    if (!open[c] || meetsAttendance(attendance[c], candidate.minAttendance)) continue;
    for (const pair of pairsOf(c)) {
      if (meetsAttendance(attendance[c], candidate.minAttendance) || count[c] >= candidate.capacity) break;
      const key = `${pair.learner}/${candidate.slot}`;
      if (invited.has(pair.index) || slotUsed.has(key) || (perLearner.get(pair.learner) ?? 0) >= problem.maxInvitations) {
        continue;
      }
      invited.add(pair.index);
      slotUsed.add(key);
      perLearner.set(pair.learner, (perLearner.get(pair.learner) ?? 0) + 1);
      count[c]++;
      attendance[c] += pair.probability;
    }
    if (meetsAttendance(attendance[c], candidate.minAttendance)) continue;
    if (candidate.required) return undefined;
    open[c] = false;
    for (const pair of pairsOf(c)) invited.delete(pair.index);
  }
  if (open.filter(Boolean).length < problem.minOpened) return undefined;
  return { open, invited: [...invited].sort((a, b) => a - b) };
}
