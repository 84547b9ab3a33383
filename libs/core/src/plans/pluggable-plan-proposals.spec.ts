import { DomainError } from '../errors/domain.error';
import { CoursePlanProposal, PlanProposals } from './plan-proposals.port';
import { PluggablePlanProposals } from './pluggable-plan-proposals.service';

class OneProposal extends PlanProposals {
  readonly canApprove = true;
  approved: string[] = [];
  async forCourse(tenantId: string, courseId: string): Promise<CoursePlanProposal[]> {
    return [{ planId: `${tenantId}/${courseId}`, status: 'draft', createdAt: new Date(0), periodStart: new Date(0), periodEnd: new Date(1), sessions: [], totalSessions: 0 }];
  }
  async approve(tenantId: string, planId: string): Promise<void> {
    this.approved.push(`${tenantId}:${planId}`);
  }
}

describe('PluggablePlanProposals', () => {
  it('answers no proposals and refuses approval until a planner plugs in, then forwards to it', async () => {
    const port = new PluggablePlanProposals();
    expect(await port.forCourse('t', 'c')).toEqual([]);
    expect(port.canApprove).toBe(false);
    await expect(port.approve('t', 'p')).rejects.toBeInstanceOf(DomainError);

    const reader = new OneProposal();
    port.use(reader);
    expect((await port.forCourse('t', 'c')).map((p) => p.planId)).toEqual(['t/c']);
    expect(port.canApprove).toBe(true);
    await port.approve('t', 'p');
    expect(reader.approved).toEqual(['t:p']);
  });
});
