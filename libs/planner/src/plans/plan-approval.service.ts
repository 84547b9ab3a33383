import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, DomainError, DomainEvent, DomainEventBus, OfflineSessionService, SessionFormat } from '@o2o/core';
import { forUpdate, rawQuery, TransactionRunner } from '@o2o/persistence';
import type { PlannedSession } from '../service-plan.types';
import { ServicePlanRecord } from './service-plan.entity';

/** An approval that stopped (crash, restart) may be resumed after this long. */
const STALE_APPROVAL_MS = 2 * 60_000;
const INVITATIONS_PER_STATEMENT = 400;

/**
 * Approving a draft plan: creates its sessions through OfflineSessionService (each recorded on the plan as it is
 * created, so a retried approval continues where it stopped rather than creating duplicates), then writes the
 * invitation list and PlanApproved in one transaction. Channels subscribe to PlanApproved to send invitations.
 */
@Injectable()
export class PlanApprovalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly sessions: OfflineSessionService,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
  ) {}

  async approve(tenantId: string, planId: string): Promise<ServicePlanRecord> {
    const now = this.clock.now();
    const claimed = await this.tx.run((m) => m.createQueryBuilder().update(ServicePlanRecord)
      .set({ status: 'approving', approvalStartedAt: now })
      .where('id = :id AND "tenantId" = :tenantId', { id: planId, tenantId })
      .andWhere('("status" = :draft OR ("status" = :approving AND "approvalStartedAt" < :stale))', {
        draft: 'draft', approving: 'approving', stale: new Date(now.getTime() - STALE_APPROVAL_MS),
      })
      .execute());
    const plan = await this.dataSource.getRepository(ServicePlanRecord).findOneBy({ tenantId, id: planId });
    if (!plan) throw new DomainError('PLAN_NOT_FOUND', 404, { planId });
    if (!claimed.affected) {
      if (plan.status === 'approved') return plan; // approving twice is harmless
      throw new DomainError('PLAN_APPROVAL_IN_PROGRESS', 409, { planId });
    }
    const planned = ((plan.result as { sessions?: PlannedSession[] }).sessions ?? []);
    const candidates = new Map(plan.candidates.map((c) => [c.id, c]));
    for (const s of planned) {
      if (plan.createdSessions[s.candidateId]) continue;
      const c = candidates.get(s.candidateId)!;
      const session = await this.sessions.create(tenantId, {
        title: c.title, description: `Opened by service plan ${plan.id} / 由服务方案 ${plan.id} 开设`, topic: c.topic,
        courseId: c.courseId, venueId: c.venueId, format: c.format as SessionFormat, city: c.city, instructorName: c.instructor,
        startsAt: new Date(c.startsAt), endsAt: new Date(c.endsAt), timeZone: c.timeZone, capacity: c.capacity,
        waitlistLimit: Math.ceil(c.capacity / 2), priceMinor: Math.round(c.price * 100), currency: c.currency, language: c.language,
      });
      plan.createdSessions = await this.recordCreated(plan.id, s.candidateId, session.id);
    }
    const events: DomainEvent[] = [];
    await this.tx.run(async (m) => {
      const invitations = planned.flatMap((s) => s.invitations.map((i) => [
        randomUUID(), tenantId, plan.id, plan.createdSessions[s.candidateId], i.learnerId, s.candidateId, i.score, i.attendProbability,
        'pending', now,
      ]));
      const head = 'INSERT INTO "plan_invitation" ("id", "tenantId", "planId", "sessionId", "learnerId", "candidateId", "score", ' +
        '"attendProbability", "status", "createdAt") VALUES ';
      for (let k = 0; k < invitations.length; k += INVITATIONS_PER_STATEMENT) {
        const chunk = invitations.slice(k, k + INVITATIONS_PER_STATEMENT);
        await rawQuery(m, head + chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', '), chunk.flat());
      }
      await m.update(ServicePlanRecord, { id: plan.id }, { status: 'approved', approvedAt: now });
      const sessionIds = planned.map((s) => plan.createdSessions[s.candidateId]);
      const payload = {
        tenantId, planId: plan.id, sessionIds,
        invitations: planned.flatMap((s) => s.invitations.map((i) => ({ sessionId: plan.createdSessions[s.candidateId], learnerId: i.learnerId }))),
      };
      events.push(await this.bus.record(m, 'PlanApproved', payload, now));
    });
    await this.bus.publish(events);
    return this.dataSource.getRepository(ServicePlanRecord).findOneByOrFail({ id: plan.id });
  }

  /** Adds one created session to the plan under a row lock, returning the updated map. */
  private recordCreated(planId: string, candidateId: string, sessionId: string): Promise<Record<string, string>> {
    return this.tx.run(async (m) => {
      const [row] = await rawQuery<{ createdSessions: unknown }>(m,
        `SELECT "createdSessions" FROM "service_plan" WHERE "id" = ?${forUpdate(m)}`, [planId]);
      const current = typeof row.createdSessions === 'string' ? JSON.parse(row.createdSessions) : (row.createdSessions ?? {});
      const next = { ...current, [candidateId]: sessionId };
      await rawQuery(m, 'UPDATE "service_plan" SET "createdSessions" = ? WHERE "id" = ?', [JSON.stringify(next), planId]);
      return next;
    });
  }
}
