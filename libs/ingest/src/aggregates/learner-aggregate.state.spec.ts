import {
  addActiveDay, AggregateEventFacts, applyAggregateEvent, emptyLearnerAggregate, learnerAggregateFigures, mergeAggregateStates,
} from './learner-aggregate.state';

const at = (iso: string) => new Date(iso);
const events: AggregateEventFacts[] = [
  { type: 'viewed', occurredAt: at('2024-05-01T02:00:00Z'), courseRef: 'py101', durationSeconds: 90.5 },
  { type: 'scored', occurredAt: at('2024-05-02T02:00:00Z'), courseRef: 'py101', scoreScaled: 0.8 },
  { type: 'scored', occurredAt: at('2024-05-03T02:00:00Z'), courseRef: 'py101', scoreScaled: 0.1 },
  { type: 'completed', occurredAt: at('2024-05-03T03:00:00Z'), courseRef: 'py101', completion: true },
  { type: 'purchased', occurredAt: at('2024-05-06T02:00:00Z'), courseRef: 'ml201', amountValue: 199.99, currency: 'CNY' },
  { type: 'rated', occurredAt: at('2024-05-07T02:00:00Z'), courseRef: 'ml201', scoreScaled: 0.75 },
  { type: 'logged_in', occurredAt: at('2024-05-08T02:00:00Z'), courseRef: null },
];

describe('learner aggregate state', () => {
  it('counts, sums and derives the figures', () => {
    const state = emptyLearnerAggregate();
    for (const e of events) applyAggregateEvent(state, e, 'UTC');
    expect(state.eventCount).toBe(7);
    expect(state.countsByType).toEqual({ viewed: 1, scored: 2, completed: 1, purchased: 1, rated: 1, logged_in: 1 });
    expect(learnerAggregateFigures(state)).toEqual({
      minutes: 90.5 / 60, scoreMean: 0.45, ratingMean: 0.75, coursesActive: 2, coursesCompleted: 1, completionRate: 0.5,
      coursesBought: 1, amounts: { CNY: 199.99 }, activeDays: 6, currentStreak: 3, longestStreak: 3,
    });
    expect(state.firstActivityMs).toBe(Date.parse('2024-05-01T02:00:00Z'));
    expect(state.lastActivityMs).toBe(Date.parse('2024-05-08T02:00:00Z'));
  });

  it('gives the same state whatever the order and batching of the events', () => {
    const forward = emptyLearnerAggregate();
    for (const e of events) applyAggregateEvent(forward, e, 'Asia/Shanghai');
    const backward = emptyLearnerAggregate();
    for (const e of [...events].reverse()) applyAggregateEvent(backward, e, 'Asia/Shanghai');
    expect(backward).toEqual(forward);
  });

  it('merges active-day runs however days arrive', () => {
    const runs: Array<[number, number]> = [];
    for (const day of [5, 1, 3, 2, 9, 4, 3, 10, 7]) addActiveDay(runs, day);
    expect(runs).toEqual([[1, 5], [7, 1], [9, 2]]);
    addActiveDay(runs, 8);
    expect(runs).toEqual([[1, 5], [7, 4]]);
    addActiveDay(runs, 6);
    expect(runs).toEqual([[1, 10]]);
  });

  it('merges two states into the state of all their events, however the events are split', () => {
    const all = emptyLearnerAggregate();
    for (const e of events) applyAggregateEvent(all, e, 'Asia/Shanghai');
    // Every split: the first part's days interleave with the second's, so runs must join across the two states.
    for (let mask = 0; mask < 1 << events.length; mask++) {
      const [a, b] = [emptyLearnerAggregate(), emptyLearnerAggregate()];
      events.forEach((e, i) => applyAggregateEvent(mask & (1 << i) ? a : b, e, 'Asia/Shanghai'));
      mergeAggregateStates(a, b);
      expect(a).toEqual(all);
    }
  });

  it('joins touching and overlapping day runs when merging', () => {
    const a = emptyLearnerAggregate();
    const b = emptyLearnerAggregate();
    a.activeDayRuns = [[1, 3], [10, 2]];
    b.activeDayRuns = [[4, 2], [8, 3], [20, 1]];
    mergeAggregateStates(a, b);
    expect(a.activeDayRuns).toEqual([[1, 5], [8, 4], [20, 1]]);
  });
});
