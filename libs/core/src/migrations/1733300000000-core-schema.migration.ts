import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable } from '@o2o/persistence';

export class CoreSchema1733300000000 implements MigrationInterface {
  name = 'CoreSchema1733300000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, 'tenant', {
      id: { kind: 'id' }, slug: { kind: 'string', length: 64, unique: true }, name: { kind: 'string', length: 200 },
      defaultLocale: { kind: 'string', length: 16, default: 'en' }, timeZone: { kind: 'string', length: 64, default: 'UTC' },
      settings: { kind: 'json', default: '{}' }, createdAt: { kind: 'timestamp', now: true },
    });
    await createTable(qr, 'course', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, externalId: { kind: 'string', length: 200 },
      title: { kind: 'string', length: 300 }, topic: { kind: 'string', length: 100 },
      language: { kind: 'string', length: 16, default: 'en' }, createdAt: { kind: 'timestamp', now: true },
    }, [{ columns: ['tenantId', 'externalId'], unique: true }]);
    await createTable(qr, 'learner', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, pseudonym: { kind: 'string', length: 64 },
      locale: { kind: 'string', length: 16, nullable: true }, city: { kind: 'string', length: 100, nullable: true },
      createdAt: { kind: 'timestamp', now: true },
    }, [{ columns: ['tenantId', 'pseudonym'], unique: true }]);
    await createTable(qr, 'learner_identity', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, learnerId: { kind: 'ref' },
      issuer: { kind: 'string', length: 500 }, subject: { kind: 'string', length: 500 },
      displayName: { kind: 'string', length: 200, nullable: true }, createdAt: { kind: 'timestamp', now: true },
    }, [{ columns: ['tenantId', 'issuer', 'subject'], unique: true }, { columns: ['learnerId'] }]);
    await createTable(qr, 'venue', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, name: { kind: 'string', length: 200 },
      city: { kind: 'string', length: 100 }, address: { kind: 'string', length: 500, default: '' },
      capacity: { kind: 'int' }, costMinor: { kind: 'int', default: 0 }, currency: { kind: 'string', length: 3, default: 'CNY' },
      createdAt: { kind: 'timestamp', now: true },
    });
    await createTable(qr, 'offline_session', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, courseId: { kind: 'ref', nullable: true }, venueId: { kind: 'ref', nullable: true },
      title: { kind: 'string', length: 300 }, description: { kind: 'text', default: '' }, topic: { kind: 'string', length: 100 },
      format: { kind: 'string', length: 32 }, city: { kind: 'string', length: 100 },
      instructorName: { kind: 'string', length: 200, nullable: true },
      startsAt: { kind: 'timestamp' }, endsAt: { kind: 'timestamp' }, timeZone: { kind: 'string', length: 64 },
      capacity: { kind: 'int' }, waitlistLimit: { kind: 'int', default: 0 }, priceMinor: { kind: 'int', default: 0 },
      currency: { kind: 'string', length: 3, default: 'CNY' }, language: { kind: 'string', length: 16, default: 'en' },
      status: { kind: 'string', length: 16, default: 'scheduled' }, cancelReason: { kind: 'string', length: 500, nullable: true },
      confirmedCount: { kind: 'int', default: 0 }, waitlistCount: { kind: 'int', default: 0 }, queueSeq: { kind: 'int', default: 0 },
      revision: { kind: 'int', default: 0 },
      createdAt: { kind: 'timestamp', now: true }, updatedAt: { kind: 'timestamp', now: true },
    }, [{ columns: ['tenantId', 'startsAt'] }, { columns: ['courseId'] }]);
    await createTable(qr, 'booking', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, sessionId: { kind: 'ref' }, learnerId: { kind: 'ref' },
      status: { kind: 'string', length: 16 }, queueNumber: { kind: 'int', nullable: true },
      source: { kind: 'string', length: 16, default: 'api' },
      confirmedAt: { kind: 'timestamp', nullable: true }, promotedAt: { kind: 'timestamp', nullable: true },
      cancelledAt: { kind: 'timestamp', nullable: true }, cancelReason: { kind: 'string', length: 64, nullable: true },
      createdAt: { kind: 'timestamp', now: true }, updatedAt: { kind: 'timestamp', now: true },
    }, [
      { columns: ['sessionId', 'status', 'queueNumber'] },
      { columns: ['learnerId'] },
      // Last line of defence behind the session lock: one live booking per learner per session.
      { columns: ['sessionId', 'learnerId'], unique: true, where: `"status" <> 'cancelled'`, name: 'UQ_booking_live' },
    ]);
    await createTable(qr, 'attendance', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, sessionId: { kind: 'ref' }, learnerId: { kind: 'ref' },
      bookingId: { kind: 'ref' }, status: { kind: 'string', length: 16 }, recordedAt: { kind: 'timestamp' },
    }, [{ columns: ['sessionId', 'learnerId'], unique: true }]);
    await createTable(qr, 'feedback', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, bookingId: { kind: 'ref', unique: true }, sessionId: { kind: 'ref' },
      learnerId: { kind: 'ref' }, rating: { kind: 'int' }, comment: { kind: 'text', default: '' }, givenAt: { kind: 'timestamp' },
    });
    await createTable(qr, 'domain_event', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, type: { kind: 'string', length: 64 }, payload: { kind: 'json' },
      occurredAt: { kind: 'timestamp' },
    }, [{ columns: ['tenantId', 'occurredAt'] }]);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of ['domain_event', 'feedback', 'attendance', 'booking', 'offline_session', 'venue',
      'learner_identity', 'learner', 'course', 'tenant']) {
      await qr.dropTable(table, true);
    }
  }
}
