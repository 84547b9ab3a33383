import { Injectable } from '@nestjs/common';
import { DomainError } from '../errors/domain.error';
import { CoursePlanProposal, PlanProposals } from './plan-proposals.port';

/**
 * Core's binding of PlanProposals (CoreModule is global, so a capability cannot rebind the token): no proposals
 * until a capability hands over its reader with use(), as the planner does in its module's init.
 */
@Injectable()
export class PluggablePlanProposals extends PlanProposals {
  private reader: PlanProposals | null = null;

  use(reader: PlanProposals): void {
    this.reader = reader;
  }

  get canApprove(): boolean {
    return this.reader?.canApprove ?? false;
  }

  forCourse(tenantId: string, courseId: string): Promise<CoursePlanProposal[]> {
    return this.reader ? this.reader.forCourse(tenantId, courseId) : Promise.resolve([]);
  }

  approve(tenantId: string, planId: string): Promise<void> {
    if (!this.reader) return Promise.reject(new DomainError('PLAN_NOT_FOUND', 404, { planId }));
    return this.reader.approve(tenantId, planId);
  }
}
