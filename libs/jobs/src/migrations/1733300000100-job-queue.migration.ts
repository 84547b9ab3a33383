import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable } from '@o2o/persistence';

export class JobQueue1733300000100 implements MigrationInterface {
  name = 'JobQueue1733300000100';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, 'job', {
      id: { kind: 'id' }, name: { kind: 'string', length: 100 }, payload: { kind: 'json' },
      state: { kind: 'string', length: 16 }, attempts: { kind: 'int', default: 0 }, maxAttempts: { kind: 'int' },
      runAt: { kind: 'timestamp' }, lockedBy: { kind: 'string', length: 100, nullable: true },
      lockedUntil: { kind: 'timestamp', nullable: true },
      idempotencyKey: { kind: 'string', length: 300, nullable: true, unique: true },
      lastError: { kind: 'text', nullable: true }, result: { kind: 'json', nullable: true },
      progress: { kind: 'int', default: 0 }, progressMessage: { kind: 'string', length: 500, nullable: true },
      createdAt: { kind: 'timestamp' }, updatedAt: { kind: 'timestamp' }, finishedAt: { kind: 'timestamp', nullable: true },
    }, [{ columns: ['state', 'runAt'] }]);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('job', true);
  }
}
