import type { EntityManager } from 'typeorm';
import { sqliteDateTimeOfMs } from '@o2o/persistence';
import { uuidV7 } from '../shared/uuid-v7';
import { sqliteInsertStatement } from './bulk-insert';
import { BulkTables } from './bulk-tables';
import { EventToWrite, LEARNING_EVENT_CONFLICT } from './learning-event.writer';

const flag = (v: boolean | null | undefined) => (v == null ? null : v ? 1 : 0);

/**
 * SQLite's side of writeLearningEvents, for the bulk path: one cached statement run per event straight from the
 * event's fields (no row arrays, no key strings), answering per event whether it was inserted (1) or was already
 * stored — including an identical event earlier in the same call, since rows go in one by one.
 */
export function writeLearningEventsSqlite(m: EntityManager, tenantId: string, events: readonly EventToWrite[], now: Date): Uint8Array {
  const statement = sqliteInsertStatement(m, BulkTables.learningEvent, LEARNING_EVENT_CONFLICT);
  const inserted = new Uint8Array(events.length);
  const ingestedAt = sqliteDateTimeOfMs(now.getTime());
  const nowMs = now.getTime();
  const p = new Array<unknown>(20);
  p[1] = tenantId;
  p[19] = ingestedAt;
  for (let i = 0; i < events.length; i++) {
    const { event: e, learnerId } = events[i];
    p[0] = uuidV7(nowMs);
    p[2] = learnerId;
    p[3] = e.courseRef ?? null;
    p[4] = e.activityId;
    p[5] = e.type;
    p[6] = e.sourceVerb;
    p[7] = sqliteDateTimeOfMs(e.occurredAt.getTime());
    p[8] = e.durationSeconds ?? null;
    p[9] = e.score?.scaled ?? null;
    p[10] = e.score?.raw ?? null;
    p[11] = e.score?.min ?? null;
    p[12] = e.score?.max ?? null;
    p[13] = flag(e.completion);
    p[14] = flag(e.success);
    p[15] = e.amount?.value ?? null;
    p[16] = e.amount?.currency ?? null;
    p[17] = e.source;
    p[18] = e.sourceId;
    inserted[i] = statement.run(p).changes > 0 ? 1 : 0;
  }
  return inserted;
}
