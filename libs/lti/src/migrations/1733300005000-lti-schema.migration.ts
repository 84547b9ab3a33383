import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable } from '@o2o/persistence';

/**
 * Tables of the LTI tool: registrations and keys, ltijs' records, course-page sessions, and the LMS sync state.
 * Tables keyed by something longer than a UUID get a unique index on `id` (createTable's primary key is a UUID).
 */
export class LtiSchema1733300005000 implements MigrationInterface {
  name = 'LtiSchema1733300005000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, 'lti_registration', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, issuer: { kind: 'string', length: 500 },
      clientId: { kind: 'string', length: 200 }, name: { kind: 'string', length: 200 },
      authLoginUrl: { kind: 'string', length: 1000 }, authTokenUrl: { kind: 'string', length: 1000 },
      authServer: { kind: 'string', length: 1000, nullable: true }, authMethod: { kind: 'string', length: 16, default: 'JWK_SET' },
      authKey: { kind: 'text' }, active: { kind: 'bool', default: false },
      productFamilyCode: { kind: 'string', length: 64, nullable: true }, lmsOrigins: { kind: 'json', default: '[]' },
      source: { kind: 'string', length: 16, default: 'manual' }, details: { kind: 'json', nullable: true },
      createdAt: { kind: 'timestamp', now: true }, activatedAt: { kind: 'timestamp', nullable: true },
    }, [{ columns: ['issuer', 'clientId'], unique: true }]);
    await createTable(qr, 'lti_deployment', {
      id: { kind: 'id' }, registrationId: { kind: 'ref' }, deploymentId: { kind: 'string', length: 255 },
      tenantId: { kind: 'ref' }, createdAt: { kind: 'timestamp', now: true },
    }, [{ columns: ['registrationId', 'deploymentId'], unique: true }]);
    await createTable(qr, 'lti_key', {
      id: { kind: 'string', length: 80 }, kind: { kind: 'string', length: 8 }, kid: { kind: 'string', length: 64 },
      platformUrl: { kind: 'string', length: 500 }, clientId: { kind: 'string', length: 200 },
      iv: { kind: 'string', length: 32 }, data: { kind: 'text' },
    }, [{ columns: ['id'], unique: true, name: 'UQ_lti_key_id' }, { columns: ['kid'] }]);
    await createTable(qr, 'lti_store_record', {
      id: { kind: 'string', length: 100 }, collection: { kind: 'string', length: 32 }, data: { kind: 'text' },
      createdAt: { kind: 'timestamp' }, expiresAt: { kind: 'timestamp' },
    }, [{ columns: ['id'], unique: true, name: 'UQ_lti_store_record_id' }, { columns: ['expiresAt'] }]);
    await createTable(qr, 'lti_session', {
      id: { kind: 'string', length: 64 }, tenantId: { kind: 'ref' }, registrationId: { kind: 'ref' },
      deploymentId: { kind: 'string', length: 255 }, courseLinkId: { kind: 'ref', nullable: true },
      courseId: { kind: 'ref', nullable: true }, learnerId: { kind: 'ref' }, roles: { kind: 'json' },
      locale: { kind: 'string', length: 16 }, view: { kind: 'string', length: 16 }, launch: { kind: 'json' },
      createdAt: { kind: 'timestamp' }, expiresAt: { kind: 'timestamp' },
    }, [{ columns: ['id'], unique: true, name: 'UQ_lti_session_id' }, { columns: ['expiresAt'] }]);
    await createTable(qr, 'lti_course_link', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, registrationId: { kind: 'ref' },
      deploymentId: { kind: 'string', length: 255 }, contextId: { kind: 'string', length: 255 }, courseId: { kind: 'ref' },
      title: { kind: 'string', length: 300 }, nrpsUrl: { kind: 'string', length: 1000, nullable: true },
      lineItemsUrl: { kind: 'string', length: 1000, nullable: true }, agsScopes: { kind: 'json', default: '[]' },
      createdAt: { kind: 'timestamp' }, updatedAt: { kind: 'timestamp' }, lastRosterImportAt: { kind: 'timestamp', nullable: true },
    }, [{ columns: ['registrationId', 'deploymentId', 'contextId'], unique: true }, { columns: ['courseId'] }]);
    await createTable(qr, 'lti_line_item', {
      id: { kind: 'id' }, courseLinkId: { kind: 'ref' }, sessionId: { kind: 'ref' },
      lineItemUrl: { kind: 'string', length: 1000, nullable: true }, state: { kind: 'string', length: 16 },
      source: { kind: 'string', length: 16 }, claimedAt: { kind: 'timestamp' },
    }, [{ columns: ['courseLinkId', 'sessionId'], unique: true }]);
    await createTable(qr, 'lti_grade_sync', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, courseLinkId: { kind: 'ref' }, sessionId: { kind: 'ref' },
      learnerId: { kind: 'ref' }, attendanceId: { kind: 'ref' }, version: { kind: 'string', length: 40 },
      attendanceStatus: { kind: 'string', length: 16 }, status: { kind: 'string', length: 16 },
      lastError: { kind: 'text', nullable: true }, updatedAt: { kind: 'timestamp' },
    }, [{ columns: ['courseLinkId', 'attendanceId', 'version'], unique: true }, { columns: ['sessionId'] }]);
    await createTable(qr, 'lti_enrolment', {
      id: { kind: 'id' }, courseLinkId: { kind: 'ref' }, learnerId: { kind: 'ref' }, roles: { kind: 'json' },
      status: { kind: 'string', length: 16 }, firstSeenAt: { kind: 'timestamp' }, lastSeenAt: { kind: 'timestamp' },
      removedAt: { kind: 'timestamp', nullable: true },
    }, [{ columns: ['courseLinkId', 'learnerId'], unique: true }]);
    await createTable(qr, 'lti_roster_import', {
      id: { kind: 'id' }, tenantId: { kind: 'ref' }, courseLinkId: { kind: 'ref' }, trigger: { kind: 'string', length: 16 },
      status: { kind: 'string', length: 16 }, startedAt: { kind: 'timestamp' }, finishedAt: { kind: 'timestamp', nullable: true },
      pages: { kind: 'int', default: 0 }, members: { kind: 'int', default: 0 }, added: { kind: 'int', default: 0 },
      removed: { kind: 'int', default: 0 }, unchanged: { kind: 'int', default: 0 },
      addedLearnerIds: { kind: 'json', default: '[]' }, removedLearnerIds: { kind: 'json', default: '[]' },
      error: { kind: 'text', nullable: true },
    }, [{ columns: ['courseLinkId', 'startedAt'] }]);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of ['lti_roster_import', 'lti_enrolment', 'lti_grade_sync', 'lti_line_item', 'lti_course_link',
      'lti_session', 'lti_store_record', 'lti_key', 'lti_deployment', 'lti_registration']) {
      await qr.dropTable(table, true);
    }
  }
}
