import { AggregateFactSink } from '../storage/learning-event.session';
import { AggregateEventFacts, applyAggregateEvent, emptyLearnerAggregate, LearnerAggregateState } from '../aggregates/learner-aggregate.state';

/**
 * What one bulk import adds to each learner's aggregate, folded in memory from its committed transactions' new
 * events: one small state per learner instead of one stored-row update per learner per transaction. Memory grows
 * with the file's learners, not its rows (about 1 KB each).
 */
export class ImportAggregateFold implements AggregateFactSink {
  private readonly states = new Map<string, LearnerAggregateState>();

  constructor(private readonly timeZone: string) {}

  /** A committed transaction's new events (never a rolled-back attempt's). */
  absorb(facts: Map<string, AggregateEventFacts[]> | undefined): void {
    if (!facts) return;
    for (const [learnerId, list] of facts) for (const fact of list) this.add(learnerId, fact);
  }

  /** One new event, as it is inserted: only where a failed transaction ends the whole import (SQLite, no retries). */
  add(learnerId: string, fact: AggregateEventFacts): void {
    let state = this.states.get(learnerId);
    if (!state) this.states.set(learnerId, (state = emptyLearnerAggregate()));
    applyAggregateEvent(state, fact, this.timeZone);
  }

  /**
   * The folded states in learner order (the lock order of LearnerAggregateUpdater), `count` at a time, each slice
   * let go of once the next is asked for: the fold is empty (and its memory free) when the iteration ends.
   */
  *drain(count: number): Generator<Map<string, LearnerAggregateState>> {
    const ids = [...this.states.keys()].sort();
    for (let start = 0; start < ids.length; start += count) {
      const slice = ids.slice(start, start + count);
      yield new Map(slice.map((id) => [id, this.states.get(id)!]));
      for (const id of slice) this.states.delete(id);
    }
  }
}
