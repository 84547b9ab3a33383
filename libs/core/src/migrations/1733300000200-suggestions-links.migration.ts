import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable } from '@o2o/persistence';

export class AccountLinkCodes1733300000200 implements MigrationInterface {
  name = 'AccountLinkCodes1733300000200';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, 'account_link_code', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, learnerId: { kind: 'ref' },
      codeHash: { kind: 'string', length: 64, unique: true }, expiresAt: { kind: 'timestamp' },
      usedAt: { kind: 'timestamp', nullable: true }, createdAt: { kind: 'timestamp' },
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('account_link_code', true);
  }
}
