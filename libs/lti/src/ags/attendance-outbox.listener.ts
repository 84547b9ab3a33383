import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainEvent, DomainEventBus } from '@o2o/core';
import { JobQueue } from '@o2o/jobs';
import { rawQuery } from '@o2o/persistence';

export const GRADE_SYNC_JOB = 'lti.ags.score';

/**
 * The gradebook outbox: inside the attendance transaction, one `lti_grade_sync` row and one job per LMS course the
 * session's course is linked to (when the learner came from that LMS). Both exist if and only if the attendance
 * commits; the job then delivers the score however long the LMS takes to recover.
 */
@Injectable()
export class AttendanceOutbox implements OnModuleInit {
  constructor(
    private readonly bus: DomainEventBus,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.bus.subscribeInTransaction('AttendanceRecorded', (event, m) => this.write(event, m));
  }

  private async write(event: DomainEvent<'AttendanceRecorded'>, m: EntityManager): Promise<void> {
    const p = event.payload;
    const links = await rawQuery<{ id: string; issuer: string }>(m,
      'SELECT l."id" AS "id", r."issuer" AS "issuer" FROM "lti_course_link" l ' +
      'JOIN "offline_session" s ON s."courseId" = l."courseId" JOIN "lti_registration" r ON r."id" = l."registrationId" WHERE s."id" = ?',
      [p.sessionId]);
    // The score keeps the attendance's own time on every retry; a correction is a new version with a later time.
    const version = `${p.recordedAt}|${p.status}`;
    for (const link of links) {
      const fromThisLms = await rawQuery(m, 'SELECT 1 AS "x" FROM "learner_identity" WHERE "learnerId" = ? AND "issuer" = ?', [p.learnerId, link.issuer]);
      if (!fromThisLms.length) continue;
      const known = await rawQuery(m, 'SELECT 1 AS "x" FROM "lti_grade_sync" WHERE "courseLinkId" = ? AND "attendanceId" = ? AND "version" = ?',
        [link.id, p.attendanceId, version]);
      if (known.length) continue;
      const id = randomUUID();
      await rawQuery(m, 'INSERT INTO "lti_grade_sync" ("id", "tenantId", "courseLinkId", "sessionId", "learnerId", "attendanceId", "version", ' +
        '"attendanceStatus", "status", "lastError", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [id, p.tenantId, link.id, p.sessionId, p.learnerId, p.attendanceId, version, p.status, 'queued', null, event.occurredAt]);
      // No idempotency key: row and job are born together in this transaction, and the job skips a row already sent.
      // (The BullMQ driver's outbox also turns keys into 42-character ids that PostgreSQL's job.id column refuses.)
      await this.jobs.enqueue(GRADE_SYNC_JOB, { gradeSyncId: id }, { manager: m });
    }
  }
}
