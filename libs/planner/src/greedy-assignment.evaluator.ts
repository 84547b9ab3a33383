import { comparePairs } from './plan-problem.builder';
import type { PlanModelScope } from './plan-problem.types';
import { meetsAttendance } from './plan-tolerance.util';

/**
 * Satisfaction lost per unit of missing expected attendance. Scores are at most 1, so a shortfall outweighs any
 * single invitation, yet opening sets that are slightly short still rank among themselves: greedy-by-score
 * assignment often misses a minimum that swapping in likelier attendees would meet.
 */
const DEFICIT_PENALTY = 10;

/**
 * Fast approximate value of a set of opened sessions: hand out invitations in descending score order while
 * seats, the learner's slot and the learner's invitation limit allow. It is not the exact optimum for the
 * openings (HiGHS computes that), but it ranks opening sets closely enough to drive the heuristics, at well
 * under a millisecond per evaluation on the benchmark.
 *
 * Without a per-learner limit, slots do not interact, so values are kept per slot and a move only re-evaluates
 * the slots it touches. Inner loops use typed arrays and "stamps" (an evaluation counter) instead of clearing.
 */
export class GreedyAssignmentEvaluator {
  readonly perSlot: boolean;
  /** Pair indices per group (one group per slot, or a single group when a per-learner limit links slots). */
  private readonly groups: Int32Array[];
  private readonly pairCandidate: Int32Array;
  private readonly pairLearner: Int32Array;
  /** The learner's slot key: the learner itself within a slot group, learner × slot in the global group. */
  private readonly pairKey: Int32Array;
  private readonly pairScore: Float64Array;
  private readonly pairProbability: Float64Array;
  private readonly capacity: Int32Array;
  private readonly groupOfCandidate: Int32Array;
  private readonly keyStamp: Int32Array;
  private readonly learnerStamp: Int32Array;
  private readonly learnerCount: Int32Array;
  private readonly seats: Int32Array;
  private readonly attendance: Float64Array;
  private readonly candidateStamp: Int32Array;
  private stamp = 0;

  constructor(private readonly scope: PlanModelScope) {
    const { problem } = scope;
    this.perSlot = !Number.isFinite(problem.maxInvitations);
    const slots = problem.slotIds.length;
    const size = problem.pairs.length;
    this.pairCandidate = new Int32Array(size);
    this.pairLearner = new Int32Array(size);
    this.pairKey = new Int32Array(size);
    this.pairScore = new Float64Array(size);
    this.pairProbability = new Float64Array(size);
    for (const pair of scope.pairs) {
      const slot = problem.candidates[pair.candidate].slot;
      this.pairCandidate[pair.index] = pair.candidate;
      this.pairLearner[pair.index] = pair.learner;
      this.pairKey[pair.index] = this.perSlot ? pair.learner : pair.learner * slots + slot;
      this.pairScore[pair.index] = pair.score;
      this.pairProbability[pair.index] = pair.probability;
    }
    const candidates = problem.candidates.length;
    this.capacity = Int32Array.from(problem.candidates, (c) => c.capacity);
    this.groupOfCandidate = Int32Array.from(problem.candidates, (c) => (this.perSlot ? c.slot : 0));
    const lists: number[][] = Array.from({ length: this.perSlot ? slots : 1 }, () => []);
    for (const pair of [...scope.pairs].sort(comparePairs)) lists[this.groupOfCandidate[pair.candidate]].push(pair.index);
    this.groups = lists.map((list) => Int32Array.from(list));
    const learners = problem.learnerIds.length;
    this.keyStamp = new Int32Array(this.perSlot ? learners : learners * slots);
    this.learnerStamp = new Int32Array(learners);
    this.learnerCount = new Int32Array(learners);
    this.seats = new Int32Array(candidates);
    this.attendance = new Float64Array(candidates);
    this.candidateStamp = new Int32Array(candidates);
  }

  get groupCount(): number {
    return this.groups.length;
  }

  /** The group a candidate's invitations fall into. */
  groupOf(candidate: number): number {
    return this.groupOfCandidate[candidate];
  }

  /**
   * Value of one group for the opened candidates, minus a penalty for every opened session of the group that
   * misses its minimum attendance. `invited` collects the invitations when given; they may then need
   * repairRounding, which swaps likelier attendees in.
   */
  evaluateGroup(group: number, open: Uint8Array, invited?: number[]): number {
    const stamp = ++this.stamp;
    const limit = this.scope.problem.maxInvitations;
    const pairs = this.groups[group];
    let value = 0;
    for (let n = 0; n < pairs.length; n++) {
      const p = pairs[n];
      const c = this.pairCandidate[p];
      if (open[c] === 0) continue;
      if (this.candidateStamp[c] !== stamp) {
        this.candidateStamp[c] = stamp;
        this.seats[c] = 0;
        this.attendance[c] = 0;
      }
      if (this.seats[c] >= this.capacity[c]) continue;
      const key = this.pairKey[p];
      if (this.keyStamp[key] === stamp) continue;
      if (!this.perSlot && !this.takeLimit(this.pairLearner[p], stamp, limit)) continue;
      this.keyStamp[key] = stamp;
      this.seats[c]++;
      this.attendance[c] += this.pairProbability[p];
      value += this.pairScore[p];
      invited?.push(p);
    }
    for (const candidate of this.scope.candidates) {
      if (open[candidate.index] === 0 || this.groupOfCandidate[candidate.index] !== group) continue;
      const attendance = this.candidateStamp[candidate.index] === stamp ? this.attendance[candidate.index] : 0;
      if (!meetsAttendance(attendance, candidate.minAttendance)) {
        value -= DEFICIT_PENALTY * (candidate.minAttendance - attendance);
      }
    }
    return value;
  }

  /** Counts one more invitation for the learner if under the per-learner limit. */
  private takeLimit(learner: number, stamp: number, limit: number): boolean {
    if (this.learnerStamp[learner] !== stamp) {
      this.learnerStamp[learner] = stamp;
      this.learnerCount[learner] = 0;
    }
    if (this.learnerCount[learner] >= limit) return false;
    this.learnerCount[learner]++;
    return true;
  }
}
