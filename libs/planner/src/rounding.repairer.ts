import { comparePairs } from './plan-problem.builder';
import type { EligiblePair, PlanModelScope, PlanSelection, ProblemCandidate } from './plan-problem.types';
import { meetsAttendance } from './plan-tolerance.util';

/**
 * Makes a feasible integer plan out of a solution whose fractional invitations were dropped. Dropping
 * invitations never breaks a "≤" constraint, so only minimum attendance (and with it the number of opened
 * sessions) can fail. A session short of its minimum first gets the likeliest attendees still free in its slot
 * on its empty seats, then swaps its least likely invitees for likelier free learners; only if that is not
 * enough is it closed. Finally every free seat is offered to the best-scoring free learner.
 * Returns undefined when a required session or the minimum number of sessions cannot be kept.
 */
export function repairRounding(scope: PlanModelScope, rounded: PlanSelection): PlanSelection | undefined {
  return new RoundingRepair(scope, rounded).run();
}

class RoundingRepair {
  private readonly open: boolean[];
  private readonly invited = new Set<number>();
  private readonly slotUsed = new Set<string>();
  private readonly perLearner = new Map<number, number>();
  private readonly count: number[];
  private readonly attendance: number[];
  private readonly pairsOf = new Map<number, EligiblePair[]>();

  constructor(
    private readonly scope: PlanModelScope,
    rounded: PlanSelection,
  ) {
    const { problem } = scope;
    this.open = [...rounded.open];
    this.count = problem.candidates.map(() => 0);
    this.attendance = problem.candidates.map(() => 0);
    for (const c of scope.candidates) this.pairsOf.set(c.index, []);
    for (const pair of scope.pairs) this.pairsOf.get(pair.candidate)!.push(pair);
    for (const list of this.pairsOf.values()) list.sort(comparePairs);
    for (const index of rounded.invited) this.add(problem.pairs[index]);
  }

  run(): PlanSelection | undefined {
    const { problem } = this.scope;
    for (const c of this.scope.candidates) {
      if (!this.open[c.index] || this.meets(c)) continue;
      this.raiseAttendance(c);
      if (this.meets(c)) continue;
      if (c.required) return undefined;
      this.open[c.index] = false;
      for (const pair of this.pairsOf.get(c.index)!) if (this.invited.has(pair.index)) this.remove(pair);
    }
    if (this.open.filter(Boolean).length < problem.minOpened) return undefined;
    for (const c of this.scope.candidates) {
      if (!this.open[c.index]) continue;
      for (const pair of this.pairsOf.get(c.index)!) {
        if (this.count[c.index] >= c.capacity) break;
        if (this.isFree(pair)) this.add(pair);
      }
    }
    return { open: this.open, invited: [...this.invited].sort((a, b) => a - b) };
  }

  private raiseAttendance(c: ProblemCandidate): void {
    const free = this.pairsOf
      .get(c.index)!
      .filter((p) => this.isFree(p))
      .sort((a, b) => b.probability - a.probability || comparePairs(a, b));
    let next = 0;
    while (!this.meets(c) && next < free.length && this.count[c.index] < c.capacity) this.add(free[next++]);
    const invitees = this.pairsOf
      .get(c.index)!
      .filter((p) => this.invited.has(p.index))
      .sort((a, b) => a.probability - b.probability);
    let low = 0;
    while (!this.meets(c) && next < free.length && low < invitees.length) {
      if (free[next].probability <= invitees[low].probability) break;
      this.remove(invitees[low++]);
      this.add(free[next++]);
    }
  }

  private meets(c: ProblemCandidate): boolean {
    return meetsAttendance(this.attendance[c.index], c.minAttendance);
  }

  private isFree(pair: EligiblePair): boolean {
    return (
      !this.invited.has(pair.index) &&
      !this.slotUsed.has(this.slotKey(pair)) &&
      (this.perLearner.get(pair.learner) ?? 0) < this.scope.problem.maxInvitations
    );
  }

  private add(pair: EligiblePair): void {
    this.invited.add(pair.index);
    this.slotUsed.add(this.slotKey(pair));
    this.perLearner.set(pair.learner, (this.perLearner.get(pair.learner) ?? 0) + 1);
    this.count[pair.candidate]++;
    this.attendance[pair.candidate] += pair.probability;
  }

  private remove(pair: EligiblePair): void {
    this.invited.delete(pair.index);
    this.slotUsed.delete(this.slotKey(pair));
    this.perLearner.set(pair.learner, this.perLearner.get(pair.learner)! - 1);
    this.count[pair.candidate]--;
    this.attendance[pair.candidate] -= pair.probability;
  }

  private slotKey(pair: EligiblePair): string {
    return `${pair.learner}/${this.scope.problem.candidates[pair.candidate].slot}`;
  }
}
