import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable } from '@o2o/persistence';

/** Bulk import runs (import-run.entity.ts): what a crashed CSV import left to finish. */
export class ImportRun1733300000420 implements MigrationInterface {
  name = 'ImportRun1733300000420';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, 'ingest_import_run', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, kind: { kind: 'string', length: 16 }, fileKey: { kind: 'string', length: 200 },
      status: { kind: 'string', length: 16 }, sinceEventId: { kind: 'string', length: 36 }, learnerIndexDeferred: { kind: 'bool', default: false },
      ownerHost: { kind: 'string', length: 200 }, ownerPid: { kind: 'int' }, startedAt: { kind: 'timestamp' },
      heartbeatAt: { kind: 'timestamp' }, finishedAt: { kind: 'timestamp', nullable: true },
    }, [{ columns: ['status'] }]);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('ingest_import_run', true);
  }
}
