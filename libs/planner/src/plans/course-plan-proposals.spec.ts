import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ManualClock } from '@o2o/core';
import type { ServicePlanInput } from '../plan-input.types';
import { ServicePlanSolver } from '../service-plan.solver';
import { ServicePlans1733300000700 } from './1733300000700-service-plans.migration';
import { CoursePlanProposals } from './course-plan-proposals.service';
import type { PlanApprovalService } from './plan-approval.service';
import type { PlanCandidateRecord } from './plan-candidate.record';
import { PlanInvitation } from './plan-invitation.entity';
import { ServicePlanRecord, ServicePlanStatus } from './service-plan.entity';

const TENANT = randomUUID();
const COURSE = randomUUID();
const OTHER_COURSE = randomUUID();

function candidate(id: string, courseId: string | null, startsAt: string, city: string): PlanCandidateRecord {
  const start = Date.parse(startsAt);
  return {
    id, title: `Session ${id}`, topic: 'python', courseId, format: 'workshop', city, startsAt, timeZone: 'Asia/Shanghai',
    endsAt: new Date(start + 2 * 3_600_000).toISOString(), venueId: null, venueKey: `room-${id}`, capacity: 3, cost: 10,
    instructor: `Teacher ${id}`, price: 0, currency: 'CNY', language: 'zh-CN', required: false, slotId: `slot-${id}`,
  };
}

/** Solves a real plan over the candidates (every learner eligible everywhere) and stores it the way ServicePlanService does. */
async function storePlan(ds: DataSource, candidates: PlanCandidateRecord[], status: ServicePlanStatus, createdAt: Date, tenantId = TENANT) {
  const learners = ['l1', 'l2', 'l3', 'l4'];
  const input: ServicePlanInput = {
    period: { start: '2026-12-01T00:00:00Z', end: '2026-12-31T00:00:00Z' },
    candidates: candidates.map((c) => ({ id: c.id, topic: c.topic, city: c.city, slotId: c.slotId, venueId: c.venueKey, capacity: c.capacity,
      fixedCost: c.cost, instructorId: c.instructor, required: true })),
    scores: learners.flatMap((learnerId, i) => candidates.map((c) => ({ learnerId, candidateId: c.id, score: 0.5 + i / 10, attendProbability: 0.9 }))),
    budget: 1000, minAttendance: 1,
  };
  const plan = await new ServicePlanSolver().solve(input, { timeLimitSeconds: 20 });
  const record = Object.assign(new ServicePlanRecord(), {
    id: randomUUID(), tenantId, status, periodStart: new Date(input.period.start), periodEnd: new Date(input.period.end), budget: 1000,
    minAttendance: 1, candidates, result: { sessions: plan.sessions, stats: plan.stats }, solverStatus: plan.status,
    objectiveValue: plan.objectiveValue, bestBound: plan.bestBound, gap: 0, expectedAttendance: plan.expectedAttendance,
    expectedSatisfaction: plan.expectedSatisfaction, totalCost: plan.totalCost, solveSeconds: plan.solveSeconds, scoreSource: 'catalogue',
    modelVersionId: null, eligibleLearners: learners.length, eligiblePairs: input.scores.length, createdSessions: {}, createdAt,
    approvalStartedAt: null, approvedAt: status === 'approved' ? createdAt : null,
  });
  await ds.getRepository(ServicePlanRecord).insert(record as never);
  return { record, plan };
}

describe('CoursePlanProposals on SQLite', () => {
  let dir: string;
  let ds: DataSource;
  let proposals: CoursePlanProposals;
  const clock = new ManualClock(new Date('2026-12-04T08:00:00Z'));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'o2o-plan-proposals-'));
    ds = new DataSource({
      type: 'better-sqlite3', database: join(dir, 'o2o.sqlite'), entities: [ServicePlanRecord, PlanInvitation],
      migrations: [ServicePlans1733300000700], migrationsRun: true, logging: false,
    });
    await ds.initialize();
    // approve() only forwards to PlanApprovalService (covered by the planner e2e suite); forCourse never touches it.
    proposals = new CoursePlanProposals(ds, null as unknown as PlanApprovalService, clock);
  });
  afterAll(async () => {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns the unapproved plans with upcoming sessions of the course, newest first, with the plan\'s numbers', async () => {
    const mixed = await storePlan(ds, [
      candidate('a-late', COURSE, '2026-12-20T06:00:00Z', 'Shanghai'),
      candidate('b-other', OTHER_COURSE, '2026-12-12T06:00:00Z', 'Hangzhou'),
      candidate('a-early', COURSE, '2026-12-10T06:00:00Z', 'Suzhou'),
    ], 'draft', new Date('2026-12-02T08:00:00Z'));
    const newer = await storePlan(ds, [candidate('n1', COURSE, '2026-12-15T06:00:00Z', 'Beijing')], 'approving', new Date('2026-12-03T08:00:00Z'));
    await storePlan(ds, [candidate('done', COURSE, '2026-12-16T06:00:00Z', 'Beijing')], 'approved', new Date('2026-12-03T09:00:00Z'));
    await storePlan(ds, [candidate('past', COURSE, '2026-12-01T06:00:00Z', 'Beijing')], 'draft', new Date('2026-11-30T09:00:00Z'));
    await storePlan(ds, [candidate('elsewhere', OTHER_COURSE, '2026-12-16T06:00:00Z', 'Beijing')], 'draft', new Date('2026-12-03T10:00:00Z'));
    await storePlan(ds, [candidate('tenant', COURSE, '2026-12-16T06:00:00Z', 'Beijing')], 'draft', new Date('2026-12-03T11:00:00Z'), randomUUID());

    const found = await proposals.forCourse(TENANT, COURSE);
    expect(found.map((p) => p.planId)).toEqual([newer.record.id, mixed.record.id]);
    expect(found[0]).toMatchObject({ status: 'approving', totalSessions: 1, sessions: [{ candidateId: 'n1', city: 'Beijing' }] });

    const [, draft] = found;
    expect(draft.status).toBe('draft');
    expect(draft.totalSessions).toBe(3);
    expect(draft.sessions.map((s) => s.candidateId)).toEqual(['a-early', 'a-late']);
    for (const s of draft.sessions) {
      const planned = mixed.plan.sessions.find((p) => p.candidateId === s.candidateId)!;
      expect(s.expectedAttendance).toBeCloseTo(planned.expectedAttendance, 9);
      expect(s.invitations).toBe(planned.invitations.length);
      expect(s.invitations).toBeGreaterThan(0);
      expect(s.capacity).toBe(3);
    }
    expect(draft.sessions[0]).toMatchObject({ title: 'Session a-early', topic: 'python', city: 'Suzhou', timeZone: 'Asia/Shanghai' });
    expect(draft.sessions[0].startsAt.toISOString()).toBe('2026-12-10T06:00:00.000Z');
    expect(draft.sessions[0].endsAt.toISOString()).toBe('2026-12-10T08:00:00.000Z');
  });

  it('drops sessions once they are over and answers none for a course without plans', async () => {
    clock.set(new Date('2026-12-12T00:00:00Z'));
    const found = await proposals.forCourse(TENANT, COURSE);
    expect(found.map((p) => p.sessions.map((s) => s.candidateId))).toEqual([['n1'], ['a-late']]);
    expect(await proposals.forCourse(TENANT, randomUUID())).toEqual([]);
    expect(proposals.canApprove).toBe(true);
  });
});
