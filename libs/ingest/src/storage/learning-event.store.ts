import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainEventBus, TenantService } from '@o2o/core';
import { LearnerAggregateUpdater } from '../aggregates/learner-aggregate.updater';
import { NormalizedLearningEvent } from '../normalized-learning-event';
import { LearnerIdCache } from './learner-id.cache';
import { LearnerResolver } from './learner.resolver';
import { AddedEvents, AggregateMode, FinishedSession, LearningEventSession } from './learning-event.session';

export { eventKey } from './learning-event.session';
export type StoredEvents = AddedEvents & FinishedSession;

/**
 * The one way events reach the database, for all three doors, inside the caller's transaction:
 * pseudonymise learners → insert events (duplicates ignored) → update the learners' aggregates with the new
 * events only → record LearningEventsIngested. The caller publishes `domainEvent` after commit.
 */
@Injectable()
export class LearningEventStore {
  constructor(
    private readonly learners: LearnerResolver,
    private readonly aggregates: LearnerAggregateUpdater,
    private readonly tenants: TenantService,
    private readonly bus: DomainEventBus,
  ) {}

  /** Several `add` calls in one transaction, then `finish`; `committed` is the caller's cache of earlier transactions. */
  async begin(m: EntityManager, tenantId: string, now: Date, committed?: LearnerIdCache, aggregates: AggregateMode = 'apply'): Promise<LearningEventSession> {
    const tenant = await this.tenants.resolve(tenantId, m);
    return new LearningEventSession(m, tenantId, tenant.timeZone, now,
      { learners: this.learners, aggregates: this.aggregates, bus: this.bus }, committed, aggregates);
  }

  async store(m: EntityManager, tenantId: string, events: NormalizedLearningEvent[], now: Date, committed?: LearnerIdCache, aggregates: AggregateMode = 'apply'): Promise<StoredEvents> {
    const session = await this.begin(m, tenantId, now, committed, aggregates);
    const added = await session.add(events);
    return { ...added, ...(await session.finish()) };
  }
}
