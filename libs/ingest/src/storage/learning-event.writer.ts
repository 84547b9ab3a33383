import { uuidV7 } from '../shared/uuid-v7';
import type { EntityManager } from 'typeorm';
import { NormalizedLearningEvent } from '../normalized-learning-event';
import { insertRows } from './bulk-insert';
import { BulkTables } from './bulk-tables';

export interface EventToWrite {
  event: NormalizedLearningEvent;
  learnerId: string;
}

/**
 * Inserts events in multi-row statements and returns the source ids that were new. ON CONFLICT DO NOTHING on
 * (tenantId, source, sourceId) makes a re-import, a retried request or a concurrent duplicate a no-op, without
 * aborting the transaction as a unique violation would on PostgreSQL. The learnerRef is not written: only the
 * pseudonymous learner id is.
 */
export async function writeLearningEvents(m: EntityManager, tenantId: string, events: EventToWrite[], now: Date): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  // Sorted by source id so concurrent transactions meet on the unique index in one order (no deadlocks).
  const sorted = [...events].sort((a, b) => (a.event.sourceId < b.event.sourceId ? -1 : a.event.sourceId > b.event.sourceId ? 1 : 0));
  const rows = sorted.map(({ event: e, learnerId }) => [
    uuidV7(now.getTime()), tenantId, learnerId, e.courseRef, e.activityId, e.type, e.sourceVerb, e.occurredAt, e.durationSeconds ?? null,
    e.score?.scaled ?? null, e.score?.raw ?? null, e.score?.min ?? null, e.score?.max ?? null, e.completion ?? null,
    e.success ?? null, e.amount?.value ?? null, e.amount?.currency ?? null, e.source, e.sourceId, now,
  ]);
  return insertRows(m, BulkTables.learningEvent, rows,
    { onConflict: '("tenantId", "source", "sourceId") DO NOTHING', returning: ['source', 'sourceId'] });
}
