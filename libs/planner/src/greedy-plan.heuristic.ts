import { comparePairs } from './plan-problem.builder';
import type { EligiblePair, PlanModelScope, PlanSelection, ProblemCandidate } from './plan-problem.types';
import { atMost, meetsAttendance } from './plan-tolerance.util';

export interface GreedyPlan {
  selection: PlanSelection;
  objective: number;
}

type Priority = (value: number, candidate: ProblemCandidate) => number;

const BY_VALUE: Priority = (value) => value;
const BY_VALUE_PER_COST: Priority = (value, c) => (c.cost > 0 ? value / c.cost : Number.POSITIVE_INFINITY);

/**
 * Builds a feasible plan quickly: open required candidates, then repeatedly open the candidate whose best
 * still-available invitations add the most satisfaction (once per unit cost, once in absolute terms; the better
 * plan wins). It gives HiGHS a start so the gap closes sooner, and it is the fallback plan when the time limit
 * stops HiGHS before it has found one. Returns undefined when it cannot satisfy required or minimum sessions.
 */
export function buildGreedyPlan(scope: PlanModelScope): GreedyPlan | undefined {
  const plans = [BY_VALUE_PER_COST, BY_VALUE]
    .map((priority) => new GreedyRun(scope).run(priority))
    .filter((plan): plan is GreedyPlan => plan !== undefined);
  return plans.sort((a, b) => b.objective - a.objective)[0];
}

interface Offer {
  value: number;
  picks: EligiblePair[];
}

class GreedyRun {
  private readonly open: boolean[];
  private readonly invited: number[] = [];
  private readonly slotUsed = new Set<number>();
  private readonly invitations = new Map<number, number>();
  private readonly busy = new Set<string>();
  private readonly byCandidate = new Map<number, EligiblePair[]>();
  private budget: number;
  private objective = 0;
  private opened = 0;

  constructor(private readonly scope: PlanModelScope) {
    this.open = scope.problem.candidates.map(() => false);
    this.budget = scope.problem.budget;
    for (const c of scope.candidates) this.byCandidate.set(c.index, []);
    for (const pair of scope.pairs) this.byCandidate.get(pair.candidate)!.push(pair);
    for (const list of this.byCandidate.values()) list.sort(comparePairs);
  }

  run(priority: Priority): GreedyPlan | undefined {
    for (const candidate of this.scope.candidates.filter((c) => c.required)) {
      const offer = this.fits(candidate) ? this.offer(candidate) : undefined;
      if (!offer) return undefined;
      this.commit(candidate, offer);
    }
    // Lazy evaluation: an offer only gets worse as learners are used, so a stale priority is an upper bound.
    const stale = new Map<ProblemCandidate, number>();
    for (const c of this.scope.candidates) {
      const offer = this.open[c.index] ? undefined : this.offer(c);
      if (offer) stale.set(c, priority(offer.value, c));
    }
    while (stale.size > 0) {
      const [best, second] = topTwo(stale);
      const offer = this.fits(best) ? this.offer(best) : undefined;
      if (!offer) {
        stale.delete(best);
        continue;
      }
      const current = priority(offer.value, best);
      if (current < (second ?? Number.NEGATIVE_INFINITY)) {
        stale.set(best, current);
        continue;
      }
      if (offer.value <= 0 && this.opened >= this.scope.problem.minOpened) break;
      stale.delete(best);
      this.commit(best, offer);
    }
    if (this.opened < this.scope.problem.minOpened) return undefined;
    return { selection: { open: this.open, invited: this.invited }, objective: this.objective };
  }

  private fits(c: ProblemCandidate): boolean {
    return (
      atMost(c.cost, this.budget) && !this.busy.has(`i${c.instructor}_${c.slot}`) && !this.busy.has(`v${c.venue}_${c.slot}`)
    );
  }

  /** Best invitations still possible: top scores up to capacity, or the likeliest attendees if that is short. */
  private offer(c: ProblemCandidate): Offer | undefined {
    const slots = this.scope.problem.slotIds.length;
    const available = this.byCandidate
      .get(c.index)!
      .filter(
        (p) =>
          !this.slotUsed.has(p.learner * slots + c.slot) &&
          (this.invitations.get(p.learner) ?? 0) < this.scope.problem.maxInvitations,
      );
    for (const order of [available, [...available].sort((a, b) => b.probability - a.probability)]) {
      const picks = order.slice(0, c.capacity);
      const attendance = picks.reduce((sum, p) => sum + p.probability, 0);
      if (meetsAttendance(attendance, c.minAttendance)) {
        return { value: picks.reduce((sum, p) => sum + p.score, 0), picks };
      }
    }
    return undefined;
  }

  private commit(c: ProblemCandidate, offer: Offer): void {
    const slots = this.scope.problem.slotIds.length;
    this.open[c.index] = true;
    this.opened++;
    this.budget -= c.cost;
    this.objective += offer.value;
    this.busy.add(`i${c.instructor}_${c.slot}`);
    this.busy.add(`v${c.venue}_${c.slot}`);
    for (const p of offer.picks) {
      this.invited.push(p.index);
      this.slotUsed.add(p.learner * slots + c.slot);
      this.invitations.set(p.learner, (this.invitations.get(p.learner) ?? 0) + 1);
    }
  }
}

function topTwo(stale: Map<ProblemCandidate, number>): [ProblemCandidate, number | undefined] {
  let best: ProblemCandidate | undefined;
  let bestValue = Number.NEGATIVE_INFINITY;
  let second: number | undefined;
  for (const [candidate, value] of stale) {
    if (best === undefined || value > bestValue) {
      if (best !== undefined) second = bestValue;
      best = candidate;
      bestValue = value;
    } else if (second === undefined || value > second) {
      second = value;
    }
  }
  return [best!, second];
}
