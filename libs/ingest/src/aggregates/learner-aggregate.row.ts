import { rowDate } from '@o2o/persistence';
import { rowNumber } from '../storage/bulk-sql';
import { BulkTables } from '../storage/bulk-tables';
import { emptyLearnerAggregate, learnerAggregateFigures, LearnerAggregateState } from './learner-aggregate.state';

/** Column order of learner_aggregate rows written by the updater (aggregateRowValues follows it). */
export const AGGREGATE_COLUMNS = BulkTables.learnerAggregate.columns.map((c) => c.name);

/** JSON with sorted keys, so the same state is always the same text (incremental and backfill compare equal). */
function sortedJson(value: Record<string, number>): string {
  const out: Record<string, number> = {};
  for (const key of Object.keys(value).sort()) out[key] = value[key];
  return JSON.stringify(out);
}

const instantOrNull = (ms: number): Date | null => (Number.isFinite(ms) ? new Date(ms) : null);

const parse = <T>(value: unknown, fallback: T): T => (typeof value === 'string' && value ? JSON.parse(value) : (value as T) ?? fallback);

export function aggregateStateFromRow(row: Record<string, unknown>): LearnerAggregateState {
  const state = emptyLearnerAggregate();
  state.eventCount = rowNumber(row.eventCount) ?? 0;
  state.countsByType = parse(row.countsByType, {});
  state.durationMs = rowNumber(row.durationMs) ?? 0;
  state.scoreCount = rowNumber(row.scoreCount) ?? 0;
  state.scoreSumMicro = rowNumber(row.scoreSumMicro) ?? 0;
  state.ratingCount = rowNumber(row.ratingCount) ?? 0;
  state.ratingSumMicro = rowNumber(row.ratingSumMicro) ?? 0;
  state.courseFlags = parse(row.courseFlags, {});
  state.purchaseCount = rowNumber(row.purchaseCount) ?? 0;
  state.amountMilli = parse(row.amountMilli, {});
  if (row.firstActivityAt) state.firstActivityMs = rowDate(row.firstActivityAt).getTime();
  if (row.lastActivityAt) state.lastActivityMs = rowDate(row.lastActivityAt).getTime();
  state.activeDayRuns = parse(row.activeDayRuns, []);
  return state;
}

export function aggregateRowValues(learnerId: string, tenantId: string, state: LearnerAggregateState, now: Date): unknown[] {
  const f = learnerAggregateFigures(state);
  return [
    learnerId, tenantId, state.eventCount, sortedJson(state.countsByType), state.durationMs, f.minutes, state.scoreCount,
    state.scoreSumMicro, f.scoreMean, state.ratingCount, state.ratingSumMicro, f.ratingMean, sortedJson(state.courseFlags),
    f.coursesActive, f.coursesCompleted, f.completionRate, f.coursesBought, state.purchaseCount, sortedJson(state.amountMilli),
    instantOrNull(state.firstActivityMs), instantOrNull(state.lastActivityMs), JSON.stringify(state.activeDayRuns), f.activeDays, f.currentStreak,
    f.longestStreak, now,
  ];
}
