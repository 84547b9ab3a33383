import { LearningEventType } from '../learning-event-type';
import { localDayNumber } from '../shared/local-day';

/** What a learner aggregate needs from one stored (non-voided) event. */
export interface AggregateEventFacts {
  type: LearningEventType;
  occurredAt: Date;
  courseRef: string | null;
  durationSeconds?: number | null;
  scoreScaled?: number | null;
  completion?: boolean | null;
  amountValue?: number | null;
  currency?: string | null;
}

/**
 * The running totals behind a learner's aggregate. Every part is commutative (integer sums, set unions, min/max),
 * so applying events one batch at a time, in any order, gives exactly what a backfill over all events gives:
 * durations, scores and amounts are summed as integers (ms, millionths, thousandths) for that reason.
 */
export interface LearnerAggregateState {
  eventCount: number;
  countsByType: Record<string, number>;
  durationMs: number;
  scoreCount: number;
  scoreSumMicro: number;
  ratingCount: number;
  ratingSumMicro: number;
  /** Per course: 1 = active in it, 2 = completed it, 4 = bought it. */
  courseFlags: Record<string, number>;
  purchaseCount: number;
  /** Per ISO 4217 currency, thousandths of the major unit. */
  amountMilli: Record<string, number>;
  /**
   * The earliest and latest event instants in epoch ms, +Infinity and -Infinity before any event. Numbers, not
   * Dates: a history import moves the latest activity on almost every event, and a long-lived state that kept each
   * event's Date promoted a million short-lived objects to the old generation (about 6 s of GC per million rows).
   */
  firstActivityMs: number;
  lastActivityMs: number;
  /** Sorted, disjoint runs of consecutive active days [firstDay, length] in the tenant's time zone. */
  activeDayRuns: Array<[number, number]>;
}

export const COURSE_ACTIVE = 1;
export const COURSE_COMPLETED = 2;
export const COURSE_BOUGHT = 4;

export function emptyLearnerAggregate(): LearnerAggregateState {
  return {
    eventCount: 0, countsByType: {}, durationMs: 0, scoreCount: 0, scoreSumMicro: 0, ratingCount: 0, ratingSumMicro: 0,
    courseFlags: {}, purchaseCount: 0, amountMilli: {}, firstActivityMs: Infinity, lastActivityMs: -Infinity, activeDayRuns: [],
  };
}

/** Adds one event to the state (mutates it). `timeZone` decides which calendar day the event counts for. */
export function applyAggregateEvent(state: LearnerAggregateState, event: AggregateEventFacts, timeZone: string): void {
  state.eventCount++;
  state.countsByType[event.type] = (state.countsByType[event.type] ?? 0) + 1;
  if (event.durationSeconds != null && event.durationSeconds > 0) state.durationMs += Math.round(event.durationSeconds * 1000);
  if (event.scoreScaled != null) {
    // A course rating (1–5 from the outcomes file) is an opinion, not a quiz result: it gets its own mean.
    if (event.type === 'rated') {
      state.ratingCount++;
      state.ratingSumMicro += Math.round(event.scoreScaled * 1e6);
    } else {
      state.scoreCount++;
      state.scoreSumMicro += Math.round(event.scoreScaled * 1e6);
    }
  }
  if (event.courseRef) {
    let flags = state.courseFlags[event.courseRef] ?? 0;
    flags |= COURSE_ACTIVE;
    if (event.completion === true || event.type === 'completed' || event.type === 'passed') flags |= COURSE_COMPLETED;
    if (event.type === 'purchased') flags |= COURSE_BOUGHT;
    state.courseFlags[event.courseRef] = flags;
  }
  if (event.type === 'purchased') state.purchaseCount++;
  if (event.amountValue != null && event.currency) {
    state.amountMilli[event.currency] = (state.amountMilli[event.currency] ?? 0) + Math.round(event.amountValue * 1000);
  }
  const t = event.occurredAt.getTime();
  if (t < state.firstActivityMs) state.firstActivityMs = t;
  if (t > state.lastActivityMs) state.lastActivityMs = t;
  addActiveDay(state.activeDayRuns, localDayNumber(event.occurredAt, timeZone));
}

/** Inserts a day into sorted runs, merging neighbours; events arrive in any order (history imports, retries). */
export function addActiveDay(runs: Array<[number, number]>, day: number): void {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid][0] <= day) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1; // the last run starting on or before `day`, or -1
  if (i >= 0 && day < runs[i][0] + runs[i][1]) return;
  const joinsPrevious = i >= 0 && runs[i][0] + runs[i][1] === day;
  const joinsNext = i + 1 < runs.length && runs[i + 1][0] === day + 1;
  if (joinsPrevious && joinsNext) {
    runs[i][1] += 1 + runs[i + 1][1];
    runs.splice(i + 1, 1);
  } else if (joinsPrevious) {
    runs[i][1]++;
  } else if (joinsNext) {
    runs[i + 1][0] = day;
    runs[i + 1][1]++;
  } else {
    runs.splice(i + 1, 0, [day, 1]);
  }
}

/** The figures the feature builder and the API read, derived from the state. */
export interface LearnerAggregateFigures {
  minutes: number;
  scoreMean: number | null;
  ratingMean: number | null;
  coursesActive: number;
  coursesCompleted: number;
  /** Completed courses / courses with any activity; null without course activity. */
  completionRate: number | null;
  coursesBought: number;
  /** Total paid per currency, in major units. */
  amounts: Record<string, number>;
  activeDays: number;
  /** Length of the run of consecutive active days that ends on the last active day. */
  currentStreak: number;
  longestStreak: number;
}

export function learnerAggregateFigures(state: LearnerAggregateState): LearnerAggregateFigures {
  let coursesActive = 0;
  let coursesCompleted = 0;
  let coursesBought = 0;
  for (const flags of Object.values(state.courseFlags)) {
    coursesActive++;
    if (flags & COURSE_COMPLETED) coursesCompleted++;
    if (flags & COURSE_BOUGHT) coursesBought++;
  }
  let activeDays = 0;
  let longestStreak = 0;
  for (const [, length] of state.activeDayRuns) {
    activeDays += length;
    longestStreak = Math.max(longestStreak, length);
  }
  const amounts: Record<string, number> = {};
  for (const currency of Object.keys(state.amountMilli).sort()) amounts[currency] = state.amountMilli[currency] / 1000;
  return {
    minutes: state.durationMs / 60_000,
    scoreMean: state.scoreCount ? state.scoreSumMicro / state.scoreCount / 1e6 : null,
    ratingMean: state.ratingCount ? state.ratingSumMicro / state.ratingCount / 1e6 : null,
    coursesActive,
    coursesCompleted,
    completionRate: coursesActive ? coursesCompleted / coursesActive : null,
    coursesBought,
    amounts,
    activeDays,
    currentStreak: state.activeDayRuns.length ? state.activeDayRuns[state.activeDayRuns.length - 1][1] : 0,
    longestStreak,
  };
}

/**
 * Adds `from` into `into` (mutates `into`): the state of two disjoint sets of events is the state of their union,
 * because every part is a sum, a union or a min/max. A bulk import folds its events into a state per learner and
 * merges it into the stored row once, at its end.
 */
export function mergeAggregateStates(into: LearnerAggregateState, from: LearnerAggregateState): void {
  into.eventCount += from.eventCount;
  for (const [type, n] of Object.entries(from.countsByType)) into.countsByType[type] = (into.countsByType[type] ?? 0) + n;
  into.durationMs += from.durationMs;
  into.scoreCount += from.scoreCount;
  into.scoreSumMicro += from.scoreSumMicro;
  into.ratingCount += from.ratingCount;
  into.ratingSumMicro += from.ratingSumMicro;
  for (const [course, flags] of Object.entries(from.courseFlags)) into.courseFlags[course] = (into.courseFlags[course] ?? 0) | flags;
  into.purchaseCount += from.purchaseCount;
  for (const [currency, milli] of Object.entries(from.amountMilli)) into.amountMilli[currency] = (into.amountMilli[currency] ?? 0) + milli;
  into.firstActivityMs = Math.min(into.firstActivityMs, from.firstActivityMs);
  into.lastActivityMs = Math.max(into.lastActivityMs, from.lastActivityMs);
  into.activeDayRuns = unionOfDayRuns(into.activeDayRuns, from.activeDayRuns);
}

function unionOfDayRuns(a: Array<[number, number]>, b: Array<[number, number]>): Array<[number, number]> {
  if (b.length === 0) return a;
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [first, length] of all) {
    const last = out[out.length - 1];
    // Overlapping or touching runs become one (day d+length follows the run [d, length] directly).
    if (last && first <= last[0] + last[1]) last[1] = Math.max(last[1], first + length - last[0]);
    else out.push([first, length]);
  }
  return out;
}
