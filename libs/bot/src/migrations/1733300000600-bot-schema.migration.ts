import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable } from '@o2o/persistence';

export class BotSchema1733300000600 implements MigrationInterface {
  name = 'BotSchema1733300000600';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, 'bot_conversation', {
      id: { kind: 'id' }, conversationKey: { kind: 'string', length: 64, unique: true }, tenantId: { kind: 'ref' },
      userKey: { kind: 'string', length: 64 }, state: { kind: 'json' }, reference: { kind: 'json' },
      version: { kind: 'int' }, createdAt: { kind: 'timestamp' }, updatedAt: { kind: 'timestamp' },
    });
    await createTable(qr, 'bot_user_link', {
      id: { kind: 'id' }, userKey: { kind: 'string', length: 64, unique: true }, tenantId: { kind: 'ref' },
      learnerId: { kind: 'ref' }, reference: { kind: 'json' }, locale: { kind: 'string', length: 16 },
      linkedAt: { kind: 'timestamp' }, updatedAt: { kind: 'timestamp' },
    }, [{ columns: ['tenantId', 'learnerId'] }]);
    await createTable(qr, 'bot_faq_entry', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, key: { kind: 'string', length: 64 },
      answerEn: { kind: 'text' }, answerZh: { kind: 'text' }, updatedAt: { kind: 'timestamp' },
    }, [{ columns: ['tenantId', 'key'], unique: true }]);
    await createTable(qr, 'bot_tenant_settings', {
      tenantId: { kind: 'id' }, quietHoursStart: { kind: 'string', length: 5, nullable: true },
      quietHoursEnd: { kind: 'string', length: 5, nullable: true },
      handoffWebhookUrl: { kind: 'string', length: 500, nullable: true }, updatedAt: { kind: 'timestamp' },
    });
    await createTable(qr, 'bot_catalogue_term', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, kind: { kind: 'string', length: 16 }, key: { kind: 'string', length: 100 },
      nameEn: { kind: 'string', length: 200, nullable: true }, nameZh: { kind: 'string', length: 200, nullable: true },
      aliases: { kind: 'json' }, updatedAt: { kind: 'timestamp' },
    }, [{ columns: ['tenantId', 'kind', 'key'], unique: true }]);
    await createTable(qr, 'bot_handoff', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, conversationId: { kind: 'ref' }, learnerId: { kind: 'ref', nullable: true },
      message: { kind: 'text' }, locale: { kind: 'string', length: 16 }, status: { kind: 'string', length: 16 },
      answer: { kind: 'text', nullable: true }, createdAt: { kind: 'timestamp' },
      deliveredAt: { kind: 'timestamp', nullable: true }, answeredAt: { kind: 'timestamp', nullable: true },
    }, [{ columns: ['tenantId', 'status', 'createdAt'] }]);
    await createTable(qr, 'bot_delivery', {
      id: { kind: 'id' }, deliveryKey: { kind: 'string', length: 200, unique: true }, tenantId: { kind: 'ref' },
      learnerId: { kind: 'ref', nullable: true }, kind: { kind: 'string', length: 32 }, sentAt: { kind: 'timestamp' },
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of ['bot_delivery', 'bot_handoff', 'bot_catalogue_term', 'bot_tenant_settings', 'bot_faq_entry',
      'bot_user_link', 'bot_conversation']) {
      await qr.dropTable(table, true);
    }
  }
}
