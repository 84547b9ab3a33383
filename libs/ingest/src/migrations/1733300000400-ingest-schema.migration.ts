import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable } from '@o2o/persistence';

/** Learning events, stored xAPI statements, raw Caliper events, ingest credentials and learner aggregates. */
export class IngestSchema1733300000400 implements MigrationInterface {
  name = 'IngestSchema1733300000400';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, 'learning_event', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, learnerId: { kind: 'ref' },
      courseRef: { kind: 'text', nullable: true }, activityId: { kind: 'text' }, type: { kind: 'string', length: 32 },
      sourceVerb: { kind: 'text' }, occurredAt: { kind: 'timestamp' },
      durationSeconds: { kind: 'real', nullable: true }, scoreScaled: { kind: 'real', nullable: true },
      scoreRaw: { kind: 'real', nullable: true }, scoreMin: { kind: 'real', nullable: true }, scoreMax: { kind: 'real', nullable: true },
      completion: { kind: 'bool', nullable: true }, success: { kind: 'bool', nullable: true },
      amountValue: { kind: 'real', nullable: true }, currency: { kind: 'string', length: 3, nullable: true },
      source: { kind: 'string', length: 16 }, sourceId: { kind: 'string', length: 200 },
      voided: { kind: 'bool', default: false }, ingestedAt: { kind: 'timestamp' },
    }, [
      // Re-imports, retries and re-sends insert nothing: ON CONFLICT DO NOTHING against this index.
      { columns: ['tenantId', 'source', 'sourceId'], unique: true, name: 'UQ_learning_event_source' },
      { columns: ['tenantId', 'learnerId', 'occurredAt'] },
    ]);
    await createTable(qr, 'xapi_statement', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, statementId: { kind: 'string', length: 36 },
      contentHash: { kind: 'string', length: 64 }, learnerId: { kind: 'ref', nullable: true }, credentialId: { kind: 'ref' },
      statement: { kind: 'text' }, stored: { kind: 'timestamp' }, voided: { kind: 'bool', default: false },
    }, [{ columns: ['tenantId', 'statementId'], unique: true, name: 'UQ_xapi_statement_id' }]);
    await createTable(qr, 'caliper_raw_event', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, eventId: { kind: 'string', length: 200 },
      eventType: { kind: 'string', length: 200 }, reason: { kind: 'string', length: 500 }, sensor: { kind: 'text' },
      payload: { kind: 'text' }, receivedAt: { kind: 'timestamp' },
    }, [
      { columns: ['tenantId', 'eventId'], unique: true, name: 'UQ_caliper_raw_event_id' },
      { columns: ['tenantId', 'eventType'] },
    ]);
    await createTable(qr, 'ingest_credential', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, kind: { kind: 'string', length: 16 },
      label: { kind: 'string', length: 200 }, key: { kind: 'string', length: 64, unique: true },
      secretHash: { kind: 'string', length: 64, unique: true }, createdAt: { kind: 'timestamp' },
      revokedAt: { kind: 'timestamp', nullable: true },
    }, [{ columns: ['tenantId'] }]);
    const zero = { kind: 'int', default: 0 } as const;
    const zeroReal = { kind: 'real', default: 0 } as const;
    await createTable(qr, 'learner_aggregate', {
      learnerId: { kind: 'id' }, tenantId: { kind: 'ref' }, eventCount: zero, countsByType: { kind: 'json', default: '{}' },
      durationMs: zeroReal, minutes: zeroReal, scoreCount: zero, scoreSumMicro: zeroReal, scoreMean: { kind: 'real', nullable: true },
      ratingCount: zero, ratingSumMicro: zeroReal, ratingMean: { kind: 'real', nullable: true },
      courseFlags: { kind: 'json', default: '{}' }, coursesActive: zero, coursesCompleted: zero,
      completionRate: { kind: 'real', nullable: true }, coursesBought: zero, purchaseCount: zero,
      amountMilli: { kind: 'json', default: '{}' }, firstActivityAt: { kind: 'timestamp', nullable: true },
      lastActivityAt: { kind: 'timestamp', nullable: true }, activeDayRuns: { kind: 'json', default: '[]' },
      activeDays: zero, currentStreak: zero, longestStreak: zero, updatedAt: { kind: 'timestamp', now: true },
    }, [{ columns: ['tenantId'] }]);
    if (qr.connection.options.type === 'postgres') {
      // Every batch rewrites its learners' rows without touching an indexed column: room on the page lets
      // PostgreSQL update them in place (HOT) instead of adding index entries for each new row version.
      await qr.query('ALTER TABLE "learner_aggregate" SET (fillfactor = 70)');
    }
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of ['learner_aggregate', 'ingest_credential', 'caliper_raw_event', 'xapi_statement', 'learning_event']) {
      await qr.dropTable(table, true);
    }
  }
}
