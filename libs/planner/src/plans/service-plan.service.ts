import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { Clock, Course, DomainError, Tenant, Venue } from '@o2o/core';
import { rawQuery, TransactionRunner } from '@o2o/persistence';
import type { ServicePlanInput } from '../plan-input.types';
import { ServicePlanSolver } from '../service-plan.solver';
import type { ServicePlan } from '../service-plan.types';
import type { CreatePlanDto } from './create-plan.dto';
import { resolveInstructorAvailability } from './instructor-availability.resolver';
import { resolveCandidates } from './plan-candidates.resolver';
import { toDomainError } from './plan-errors';
import { PlanScoringService } from './plan-scoring.service';
import { ServicePlanRecord } from './service-plan.entity';

const MAX_LEARNERS = 50_000;
/** create()'s steps: candidates and learners, scoring, solving, storing. */
export const PLAN_STEPS = 4;

/**
 * POST /plans end to end: resolve candidates → predicted f for every eligible learner × candidate (model, or
 * catalogue fallback) → HiGHS MILP with a time limit → stored draft with expected attendance, satisfaction,
 * objective, bound and gap. Approval lives in PlanApprovalService.
 */
@Injectable()
export class ServicePlanService {
  private readonly solver = new ServicePlanSolver();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly scoring: PlanScoringService,
    private readonly clock: Clock,
  ) {}

  /** `progress(step)` is called as each of the PLAN_STEPS starts (the CLI's progress bar). */
  async create(tenant: Tenant, dto: CreatePlanDto, progress?: (step: number) => void): Promise<ServicePlanRecord> {
    progress?.(0);
    const venueIds = [...new Set(dto.candidates.flatMap((c) => (c.venueId ? [c.venueId] : [])))];
    const courseIds = [...new Set(dto.candidates.flatMap((c) => (c.courseId ? [c.courseId] : [])))];
    const venues = venueIds.length ? await this.dataSource.getRepository(Venue).findBy({ tenantId: tenant.id, id: In(venueIds) }) : [];
    const courses = courseIds.length ? await this.dataSource.getRepository(Course).findBy({ tenantId: tenant.id, id: In(courseIds) }) : [];
    const candidates = resolveCandidates(tenant, dto, new Map(venues.map((v) => [v.id, v])), new Set(courses.map((c) => c.id)));
    const instructorAvailability = resolveInstructorAvailability(dto.instructorUnavailable, candidates);
    const learnerIds = await this.eligibleLearners(tenant.id, dto.learnerIds);

    progress?.(1);
    const scored = await this.scoring.score(tenant.id, learnerIds, candidates, dto.maxDistanceKm);
    const input: ServicePlanInput = {
      period: { start: new Date(dto.period.start).toISOString(), end: new Date(dto.period.end).toISOString() },
      candidates: candidates.map((c) => ({
        id: c.id, topic: c.topic, city: c.city, slotId: c.slotId, venueId: c.venueKey, capacity: c.capacity, fixedCost: c.cost,
        instructorId: c.instructor, required: c.required, ...(c.minAttendance !== undefined ? { minAttendance: c.minAttendance } : {}),
      })),
      scores: scored.scores,
      budget: dto.budget,
      minAttendance: dto.minAttendance,
      ...(dto.maxInvitationsPerLearner !== undefined ? { maxInvitationsPerLearner: dto.maxInvitationsPerLearner } : {}),
      ...(dto.minOpenedSessions !== undefined ? { minOpenedSessions: dto.minOpenedSessions } : {}),
      ...(instructorAvailability.length ? { instructorAvailability } : {}),
    };
    let plan: ServicePlan;
    progress?.(2);
    try {
      plan = await this.solver.solve(input, { timeLimitSeconds: dto.timeLimitSeconds ?? this.config.planner.timeLimitSeconds, mipRelGap: 0.01 });
    } catch (err) {
      throw toDomainError(err);
    }
    const record = Object.assign(new ServicePlanRecord(), {
      id: randomUUID(), tenantId: tenant.id, status: 'draft', periodStart: new Date(dto.period.start), periodEnd: new Date(dto.period.end),
      budget: dto.budget, minAttendance: dto.minAttendance, candidates,
      result: { sessions: plan.sessions, stats: plan.stats, request: { ...dto, candidates: undefined } },
      solverStatus: plan.status, objectiveValue: plan.objectiveValue, bestBound: plan.bestBound,
      gap: Number.isFinite(plan.gap) ? plan.gap : null, expectedAttendance: plan.expectedAttendance,
      expectedSatisfaction: plan.expectedSatisfaction, totalCost: plan.totalCost, solveSeconds: plan.solveSeconds,
      scoreSource: scored.source, modelVersionId: scored.modelVersionId, eligibleLearners: scored.eligibleLearners,
      eligiblePairs: scored.scores.length, createdSessions: {}, createdAt: this.clock.now(), approvalStartedAt: null, approvedAt: null,
    } satisfies Partial<ServicePlanRecord>);
    progress?.(3);
    await this.tx.run((m) => m.insert(ServicePlanRecord, record as never));
    progress?.(PLAN_STEPS);
    return record;
  }

  async get(tenantId: string, id: string): Promise<ServicePlanRecord> {
    const plan = await this.dataSource.getRepository(ServicePlanRecord).findOneBy({ tenantId, id });
    if (!plan) throw new DomainError('PLAN_NOT_FOUND', 404, { planId: id });
    return plan;
  }

  list(tenantId: string): Promise<ServicePlanRecord[]> {
    return this.dataSource.getRepository(ServicePlanRecord).find({ where: { tenantId }, order: { createdAt: 'DESC' }, take: 50 });
  }

  /** The listed learners (all must exist, the first unknown one is named) or every learner of the tenant. */
  private async eligibleLearners(tenantId: string, requested?: string[]): Promise<string[]> {
    const m = this.dataSource.manager;
    if (!requested) {
      const rows = await rawQuery<{ id: string }>(m, `SELECT "id" FROM "learner" WHERE "tenantId" = ? ORDER BY "id" LIMIT ${MAX_LEARNERS}`, [tenantId]);
      if (rows.length === 0) throw new DomainError('PLAN_NO_LEARNERS', 422, { field: 'learnerIds' }, 'learnerIds');
      return rows.map((r) => r.id);
    }
    const unique = [...new Set(requested)];
    const found = new Set<string>();
    for (let i = 0; i < unique.length; i += 900) {
      const chunk = unique.slice(i, i + 900);
      const rows = await rawQuery<{ id: string }>(m,
        `SELECT "id" FROM "learner" WHERE "tenantId" = ? AND "id" IN (${chunk.map(() => '?').join(', ')})`, [tenantId, ...chunk]);
      for (const r of rows) found.add(r.id);
    }
    const missing = requested.findIndex((id) => !found.has(id));
    if (missing >= 0) {
      const field = `learnerIds[${missing}]`;
      throw new DomainError('PLAN_LEARNER_NOT_FOUND', 422, { field, learnerId: requested[missing] }, field);
    }
    if (unique.length === 0) throw new DomainError('PLAN_NO_LEARNERS', 422, { field: 'learnerIds' }, 'learnerIds');
    return unique;
  }
}
