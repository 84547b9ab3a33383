import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Attendance, BookingService, Clock, Course, LearnerIdentity, OfflineSessionService, PlanProposals, Tenant } from '@o2o/core';
import { LtiCourseLink } from '../entities/lti-course-link.entity';
import { LtiGradeSync } from '../entities/lti-grade-sync.entity';
import { LtiRosterImport } from '../entities/lti-roster-import.entity';
import type { LtiSession } from '../entities/lti-session.entity';
import type { InstructorPageData, RosterEntry } from '../pages/instructor.page';

const RECENT_MS = 14 * 86_400_000;

/**
 * Reads what the instructor page shows: the course's sessions, one session's bookings, roster and gradebook status, and
 * the planner's draft plans for the course (through core's PlanProposals port: none when no planner runs).
 */
@Injectable()
export class InstructorPageLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: OfflineSessionService,
    private readonly bookings: BookingService,
    private readonly proposals: PlanProposals,
    private readonly clock: Clock,
  ) {}

  async load(session: LtiSession, selectedSessionId?: string): Promise<InstructorPageData> {
    const now = this.clock.now();
    const tenant = await this.dataSource.getRepository(Tenant).findOneBy({ id: session.tenantId });
    const course = session.courseId ? await this.dataSource.getRepository(Course).findOneBy({ id: session.courseId }) : null;
    const sessions = session.courseId
      ? await this.sessions.list(session.tenantId, { courseId: session.courseId, from: new Date(now.getTime() - RECENT_MS), limit: 50 })
      : [];
    const selected = sessions.find((s) => s.id === selectedSessionId);
    let roster: RosterEntry[] = [];
    if (selected) {
      const bookings = await this.bookings.listForSession(session.tenantId, selected.id);
      const learnerIds = [...new Set(bookings.map((b) => b.learnerId))];
      const [identities, attendance] = learnerIds.length
        ? await Promise.all([
          this.dataSource.getRepository(LearnerIdentity).findBy({ learnerId: In(learnerIds) }),
          this.dataSource.getRepository(Attendance).findBy({ sessionId: selected.id }),
        ])
        : [[], []];
      const names = new Map(identities.filter((i) => i.displayName).map((i) => [i.learnerId, i.displayName!]));
      const marks = new Map(attendance.map((a) => [a.learnerId, a.status]));
      roster = bookings.filter((b) => b.status !== 'cancelled').map((b) => ({
        booking: b, waitlistPosition: b.waitlistPosition,
        name: names.get(b.learnerId) ?? `#${b.learnerId.slice(0, 8)}`, attendance: marks.get(b.learnerId) ?? null,
      }));
    }
    const link = session.courseLinkId ? await this.dataSource.getRepository(LtiCourseLink).findOneBy({ id: session.courseLinkId }) : null;
    const lastImport = link
      ? await this.dataSource.getRepository(LtiRosterImport).findOne({ where: { courseLinkId: link.id, status: 'done' }, order: { finishedAt: 'DESC', startedAt: 'DESC' } })
      : null;
    const grades = link ? await this.gradeCounts(link.id) : { sent: 0, queued: 0, failed: 0 };
    const plans = {
      proposals: session.courseId ? await this.proposals.forCourse(session.tenantId, session.courseId) : [],
      canApprove: this.proposals.canApprove && session.roles.includes('administrator'),
    };
    return {
      courseTitle: (session.launch.courseTitle as string | undefined) ?? course?.title,
      courseTopic: course?.topic, timeZone: tenant?.timeZone && tenant.timeZone !== 'UTC' ? tenant.timeZone : 'Asia/Shanghai',
      sessions, selected, roster, rosterAvailable: !!link?.nrpsUrl, lastImport, grades, plans, now,
    };
  }

  private async gradeCounts(courseLinkId: string): Promise<{ sent: number; queued: number; failed: number }> {
    const rows = await this.dataSource.getRepository(LtiGradeSync).createQueryBuilder('g')
      .select('g.status', 'status').addSelect('COUNT(*)', 'n').where('g.courseLinkId = :courseLinkId', { courseLinkId })
      .groupBy('g.status').getRawMany<{ status: string; n: string | number }>();
    const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
    return { sent: count('sent'), queued: count('queued'), failed: count('failed') };
  }
}
