import { Injectable, OnModuleInit } from '@nestjs/common';
import { ATTENDANCE_STATUSES, AttendanceService, AttendanceStatus, OfflineSessionService, SESSION_FORMATS, SessionFormat } from '@o2o/core';
import { Locale, translate } from '@o2o/i18n';
import type { LtiSession } from '../entities/lti-session.entity';
import { LtiRejection } from '../launch/lti-rejection.error';
import { field, requireRole } from './action-input.util';
import { CoursePageActions } from './course-page.actions';
import { zonedTimeToInstant } from './zoned-time.util';

function int(body: Record<string, unknown>, name: string, min: number, max: number): number {
  const n = Number(field(body, name, 10));
  if (!Number.isInteger(n) || n < min || n > max) throw new LtiRejection('INVALID_INPUT', 400, { field: name, reason: `${min}–${max}` });
  return n;
}

/** The instructor page's actions, limited to the sessions of the launch's course. */
@Injectable()
export class InstructorActions implements OnModuleInit {
  constructor(
    private readonly actions: CoursePageActions,
    private readonly sessions: OfflineSessionService,
    private readonly attendance: AttendanceService,
  ) {}

  private async ownSession(session: LtiSession, sessionId: string) {
    requireRole(session, 'instructor', 'administrator');
    const offline = await this.sessions.get(session.tenantId, sessionId);
    if (!session.courseId || offline.courseId !== session.courseId) throw new LtiRejection('NOT_ALLOWED', 403, {}, `session ${sessionId}`);
    return offline;
  }

  onModuleInit(): void {
    this.actions.register('show-session', async ({ session, body }) => {
      const offline = await this.ownSession(session, field(body, 'sessionId', 36));
      return { selectedSessionId: offline.id, view: 'instructor' };
    });

    this.actions.register('attendance', async ({ session, body }) => {
      const offline = await this.ownSession(session, field(body, 'sessionId', 36));
      const status = field(body, 'status', 16) as AttendanceStatus;
      if (!ATTENDANCE_STATUSES.includes(status)) throw new LtiRejection('INVALID_INPUT', 400, { field: 'status', reason: ATTENDANCE_STATUSES.join('/') });
      await this.attendance.record(session.tenantId, offline.id, field(body, 'learnerId', 36), status);
      return { selectedSessionId: offline.id, view: 'instructor', flash: { kind: 'notice', text: translate(session.locale as Locale, 'lti.instructor.recorded') } };
    });

    this.actions.register('create-session', async ({ session, body }) => {
      requireRole(session, 'instructor', 'administrator');
      if (!session.courseId) throw new LtiRejection('NOT_ALLOWED', 403, {}, 'no course in the launch');
      const timeZone = field(body, 'timeZone', 64);
      const startsAt = zonedTimeToInstant(field(body, 'startsAt', 20), timeZone);
      if (!startsAt) throw new LtiRejection('INVALID_INPUT', 400, { field: 'startsAt', reason: 'YYYY-MM-DDTHH:mm' });
      const format = field(body, 'format', 32) as SessionFormat;
      if (!SESSION_FORMATS.includes(format)) throw new LtiRejection('INVALID_INPUT', 400, { field: 'format', reason: SESSION_FORMATS.join('/') });
      const created = await this.sessions.create(session.tenantId, {
        title: field(body, 'title', 300), topic: field(body, 'topic', 100), format, city: field(body, 'city', 100),
        courseId: session.courseId, startsAt, endsAt: new Date(startsAt.getTime() + int(body, 'durationMinutes', 15, 1440) * 60_000),
        timeZone, capacity: int(body, 'capacity', 1, 10_000), waitlistLimit: int(body, 'waitlistLimit', 0, 10_000),
        language: session.locale,
      });
      return { selectedSessionId: created.id, view: 'instructor',
        flash: { kind: 'notice', text: translate(session.locale as Locale, 'lti.instructor.created', { title: created.title }) } };
    });
  }
}
