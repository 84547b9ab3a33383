import { Injectable, OnModuleInit } from '@nestjs/common';
import { PlanProposals } from '@o2o/core';
import { Locale, translate } from '@o2o/i18n';
import { LtiRejection } from '../launch/lti-rejection.error';
import { field, requireRole } from './action-input.util';
import { CoursePageActions } from './course-page.actions';

/**
 * Approving a draft service plan from the instructor page: administrators only (the plan spends the tenant's budget
 * and may open sessions of other courses), and only a plan the page showed for the launch's course.
 */
@Injectable()
export class PlanProposalActions implements OnModuleInit {
  constructor(
    private readonly actions: CoursePageActions,
    private readonly proposals: PlanProposals,
  ) {}

  onModuleInit(): void {
    this.actions.register('approve-plan', async ({ session, body }) => {
      requireRole(session, 'administrator');
      const planId = field(body, 'planId', 36);
      if (!this.proposals.canApprove || !session.courseId) throw new LtiRejection('NOT_ALLOWED', 403, {}, 'no planner or no course');
      const shown = await this.proposals.forCourse(session.tenantId, session.courseId);
      const plan = shown.find((p) => p.planId === planId);
      if (!plan) throw new LtiRejection('NOT_ALLOWED', 403, {}, `plan ${planId} not proposed for this course`);
      await this.proposals.approve(session.tenantId, planId);
      return { view: 'instructor', flash: { kind: 'notice', text: translate(session.locale as Locale, 'lti.plans.approved', { count: plan.totalSessions }) } };
    });
  }
}
