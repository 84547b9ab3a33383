import { uuidV7 } from '../shared/uuid-v7';
import type { EntityManager } from 'typeorm';
import { NormalizedLearningEvent } from '../normalized-learning-event';
import { insertColumnsPostgres } from './bulk-insert';
import { BulkTables } from './bulk-tables';

/** A re-import, a retried request or a concurrent duplicate is a no-op on the door's own id for the event. */
export const LEARNING_EVENT_CONFLICT = '("tenantId", "source", "sourceId") DO NOTHING';

export interface EventToWrite {
  event: NormalizedLearningEvent;
  learnerId: string;
}

/**
 * PostgreSQL: inserts events in multi-row statements and returns the source ids that were new (SQLite's bulk path is
 * writeLearningEventsSqlite). ON CONFLICT DO NOTHING on
 * (tenantId, source, sourceId) makes a re-import, a retried request or a concurrent duplicate a no-op, without
 * aborting the transaction as a unique violation would on PostgreSQL. The learnerRef is not written: only the
 * pseudonymous learner id is.
 */
export async function writeLearningEvents(m: EntityManager, tenantId: string, events: EventToWrite[], now: Date): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  // Sorted by source id so concurrent transactions meet on the unique index in one order (no deadlocks).
  const sorted = [...events].sort((a, b) => (a.event.sourceId < b.event.sourceId ? -1 : a.event.sourceId > b.event.sourceId ? 1 : 0));
  // Column by column, straight from the events: no array per row, no second copy.
  const n = sorted.length;
  const columns = BulkTables.learningEvent.columns.map(() => new Array<unknown>(n));
  const nowMs = now.getTime();
  const ingestedAt = now.toISOString();
  for (let i = 0; i < n; i++) {
    const { event: e, learnerId } = sorted[i];
    columns[0][i] = uuidV7(nowMs);
    columns[1][i] = tenantId;
    columns[2][i] = learnerId;
    columns[3][i] = e.courseRef;
    columns[4][i] = e.activityId;
    columns[5][i] = e.type;
    columns[6][i] = e.sourceVerb;
    columns[7][i] = e.occurredAt.toISOString();
    columns[8][i] = e.durationSeconds ?? null;
    columns[9][i] = e.score?.scaled ?? null;
    columns[10][i] = e.score?.raw ?? null;
    columns[11][i] = e.score?.min ?? null;
    columns[12][i] = e.score?.max ?? null;
    columns[13][i] = e.completion ?? null;
    columns[14][i] = e.success ?? null;
    columns[15][i] = e.amount?.value ?? null;
    columns[16][i] = e.amount?.currency ?? null;
    columns[17][i] = e.source;
    columns[18][i] = e.sourceId;
    columns[19][i] = ingestedAt;
  }
  return insertColumnsPostgres(m, BulkTables.learningEvent, columns, { onConflict: LEARNING_EVENT_CONFLICT, returning: ['source', 'sourceId'] });
}
