import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { forUpdate, rowDate } from '@o2o/persistence';
import { LearningEventType } from '../learning-event-type';
import { insertRows } from '../storage/bulk-insert';
import { isPostgres, quote, rowBoolean, rowNumber, selectIn } from '../storage/bulk-sql';
import { BulkTables } from '../storage/bulk-tables';
import { AGGREGATE_COLUMNS, aggregateRowValues, aggregateStateFromRow } from './learner-aggregate.row';
import {
  AggregateEventFacts, applyAggregateEvent, emptyLearnerAggregate, LearnerAggregateState, mergeAggregateStates,
} from './learner-aggregate.state';

/** Learners read, merged and written at a time. */
const SLICE = 500;

/** The running state only; the derived figures are recomputed from it on every write. */
const STATE_COLUMNS = ['learnerId', 'tenantId', 'eventCount', 'countsByType', 'durationMs', 'scoreCount', 'scoreSumMicro', 'ratingCount',
  'ratingSumMicro', 'courseFlags', 'purchaseCount', 'amountMilli', 'firstActivityAt', 'lastActivityAt', 'activeDayRuns'].map(quote).join(', ');
const UPSERT = `("learnerId") DO UPDATE SET ${AGGREGATE_COLUMNS.filter((c) => c !== 'learnerId')
  .map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}`;

/**
 * Keeps learner_aggregate current inside the transaction that stores the events: read the learners' rows (locked
 * on PostgreSQL, where transactions run concurrently; SQLite's single write queue already serialises), add the
 * new events, write them back in one multi-row upsert. `rebuild` recomputes learners from their stored events
 * (backfill, voided statements) with the same state functions, so both paths give identical rows.
 */
@Injectable()
export class LearnerAggregateUpdater {
  async apply(m: EntityManager, tenantId: string, timeZone: string, events: Map<string, AggregateEventFacts[]>, now: Date): Promise<void> {
    // In sorted slices: locks are taken in one global order, and each slice's rows are garbage before the next.
    const learnerIds = [...events.keys()].sort();
    for (let start = 0; start < learnerIds.length; start += SLICE) {
      const slice = learnerIds.slice(start, start + SLICE);
      const states = await this.lockAndRead(m, tenantId, slice, now);
      for (const learnerId of slice) {
        const state = states.get(learnerId) ?? emptyLearnerAggregate();
        for (const fact of events.get(learnerId)!) applyAggregateEvent(state, fact, timeZone);
        states.set(learnerId, state);
      }
      await this.write(m, tenantId, states, now);
    }
  }

  /** Adds states folded elsewhere (a bulk import's, see ImportAggregateFold) to the stored rows, under the same locks. */
  async merge(m: EntityManager, tenantId: string, partials: Map<string, LearnerAggregateState>, now: Date): Promise<void> {
    const states = await this.lockAndRead(m, tenantId, [...partials.keys()], now);
    for (const [learnerId, partial] of partials) {
      const stored = states.get(learnerId);
      if (stored) mergeAggregateStates(stored, partial);
      else states.set(learnerId, partial);
    }
    await this.write(m, tenantId, states, now);
  }

  async rebuild(m: EntityManager, tenantId: string, timeZone: string, learnerIds: string[], now: Date): Promise<number> {
    if (learnerIds.length === 0) return 0;
    // Lock first, then read the events: a concurrent incremental update either committed before (its events are
    // read here) or waits for this lock and then adds its events to the rebuilt row.
    await this.lockAndRead(m, tenantId, learnerIds, now);
    const states = new Map<string, LearnerAggregateState>(learnerIds.map((id) => [id, emptyLearnerAggregate()]));
    const rows = await selectIn<Record<string, unknown>>(m,
      `SELECT "learnerId", "type", "occurredAt", "courseRef", "durationSeconds", "scoreScaled", "completion", "amountValue", "currency"
       FROM "learning_event" WHERE "tenantId" = ? AND "voided" = ? AND "learnerId" {in}`, [tenantId, false], learnerIds);
    for (const row of rows) {
      applyAggregateEvent(states.get(row.learnerId as string)!, {
        type: row.type as LearningEventType,
        occurredAt: rowDate(row.occurredAt),
        courseRef: (row.courseRef as string | null) ?? null,
        durationSeconds: rowNumber(row.durationSeconds),
        scoreScaled: rowNumber(row.scoreScaled),
        completion: rowBoolean(row.completion),
        amountValue: rowNumber(row.amountValue),
        currency: (row.currency as string | null) ?? null,
      }, timeZone);
    }
    await this.write(m, tenantId, states, now);
    return rows.length;
  }

  private async lockAndRead(m: EntityManager, tenantId: string, learnerIds: string[], now: Date): Promise<Map<string, LearnerAggregateState>> {
    const ids = [...learnerIds].sort();
    if (isPostgres(m)) {
      // A row must exist before it can be locked; two transactions seeding the same learner meet on the key.
      await insertRows(m, BulkTables.learnerAggregateSeed, ids.map((id) => [id, tenantId, now]), { onConflict: '("learnerId") DO NOTHING' });
    }
    const rows = await selectIn<Record<string, unknown>>(m,
      `SELECT ${STATE_COLUMNS} FROM "learner_aggregate" WHERE "learnerId" {in} ORDER BY "learnerId"${forUpdate(m)}`, [], ids);
    const states = new Map<string, LearnerAggregateState>();
    for (const row of rows) if (row.tenantId === tenantId) states.set(row.learnerId as string, aggregateStateFromRow(row));
    return states;
  }

  private async write(m: EntityManager, tenantId: string, states: Map<string, LearnerAggregateState>, now: Date): Promise<void> {
    const rows = [...states].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, state]) => aggregateRowValues(id, tenantId, state, now));
    await insertRows(m, BulkTables.learnerAggregate, rows, { onConflict: UPSERT });
  }
}
