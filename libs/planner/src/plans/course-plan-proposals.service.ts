import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Like } from 'typeorm';
import { Clock, CoursePlanProposal, PlanProposals, ProposedSession } from '@o2o/core';
import type { PlannedSession } from '../service-plan.types';
import { PlanApprovalService } from './plan-approval.service';
import { ServicePlanRecord } from './service-plan.entity';

/** Enough for a course page; older drafts are rarely still wanted. */
const MAX_PLANS = 10;

/**
 * The planner's side of core's PlanProposals port: unapproved plans (draft, or an approval under way) whose opened
 * sessions include upcoming ones for the course. Approval is PlanApprovalService's, for the whole plan.
 */
@Injectable()
export class CoursePlanProposals extends PlanProposals {
  readonly canApprove = true;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly approvals: PlanApprovalService,
    private readonly clock: Clock,
  ) {
    super();
  }

  async forCourse(tenantId: string, courseId: string): Promise<CoursePlanProposal[]> {
    // Candidates are stored as JSON text; the LIKE narrows the scan to plans naming the course, checked again below.
    const plans = await this.dataSource.getRepository(ServicePlanRecord).find({
      where: { tenantId, status: In(['draft', 'approving']), candidates: Like(`%"courseId":${JSON.stringify(courseId)}%`) as never },
      order: { createdAt: 'DESC' }, take: MAX_PLANS,
    });
    const now = this.clock.now().getTime();
    const proposals: CoursePlanProposal[] = [];
    for (const plan of plans) {
      const candidates = new Map(plan.candidates.map((c) => [c.id, c]));
      const planned = (plan.result as { sessions?: PlannedSession[] }).sessions ?? [];
      const sessions: ProposedSession[] = [];
      for (const s of planned) {
        const c = candidates.get(s.candidateId);
        if (!c || c.courseId !== courseId || Date.parse(c.endsAt) <= now) continue;
        sessions.push({
          candidateId: c.id, title: c.title, topic: c.topic, city: c.city, startsAt: new Date(c.startsAt), endsAt: new Date(c.endsAt),
          timeZone: c.timeZone, capacity: s.capacity, expectedAttendance: s.expectedAttendance, invitations: s.invitations.length,
        });
      }
      if (!sessions.length) continue;
      sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      proposals.push({
        planId: plan.id, status: plan.status as CoursePlanProposal['status'], createdAt: plan.createdAt,
        periodStart: plan.periodStart, periodEnd: plan.periodEnd, sessions, totalSessions: planned.length,
      });
    }
    return proposals;
  }

  async approve(tenantId: string, planId: string): Promise<void> {
    await this.approvals.approve(tenantId, planId);
  }
}
