import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainEvent, DomainEventBus, TenantService } from '@o2o/core';
import { LearnerAggregateUpdater } from '../aggregates/learner-aggregate.updater';
import { AggregateEventFacts } from '../aggregates/learner-aggregate.state';
import { NormalizedLearningEvent } from '../normalized-learning-event';
import { scrubEmails } from '../shared/email-scrubber';
import { LearnerIdCache, learnerRefKey } from './learner-id.cache';
import { LearnerResolver } from './learner.resolver';
import { EventToWrite, writeLearningEvents } from './learning-event.writer';

export interface StoredEvents {
  /** `source\0sourceId` of every event inserted now (not duplicates). */
  inserted: Set<string>;
  duplicates: number;
  learnersCreated: number;
  /** learnerRefKey → learner id for every learner in the input (for the caller's cache after commit). */
  learnerIds: Map<string, string>;
  /** To publish after commit; absent when nothing new was stored. */
  domainEvent?: DomainEvent<'LearningEventsIngested'>;
}

export const eventKey = (e: { source: string; sourceId: string }): string => `${e.source}\u0000${e.sourceId}`;

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

  async store(m: EntityManager, tenantId: string, events: NormalizedLearningEvent[], now: Date, cache?: LearnerIdCache): Promise<StoredEvents> {
    const resolved = await this.learners.resolve(m, tenantId, events.map((e) => e.learnerRef), cache);
    // Identical events within one input are one event (and one aggregate increment).
    const unique = new Map<string, EventToWrite>();
    for (const event of events) {
      const key = eventKey(event);
      if (!unique.has(key)) unique.set(key, { event: withoutEmails(event), learnerId: resolved.ids.get(learnerRefKey(event.learnerRef))! });
    }
    const inserted = await writeLearningEvents(m, tenantId, [...unique.values()], now);
    const result: StoredEvents = {
      inserted, duplicates: events.length - inserted.size, learnersCreated: resolved.created, learnerIds: resolved.ids,
    };
    if (inserted.size === 0) return result;

    const byLearner = new Map<string, AggregateEventFacts[]>();
    for (const [key, { event, learnerId }] of unique) {
      if (!inserted.has(key)) continue;
      const list = byLearner.get(learnerId) ?? [];
      list.push({
        type: event.type, occurredAt: event.occurredAt, courseRef: event.courseRef, durationSeconds: event.durationSeconds,
        scoreScaled: event.score?.scaled, completion: event.completion, amountValue: event.amount?.value, currency: event.amount?.currency,
      });
      byLearner.set(learnerId, list);
    }
    const tenant = await this.tenants.resolve(tenantId);
    await this.aggregates.apply(m, tenantId, tenant.timeZone, byLearner, now);
    result.domainEvent = await this.bus.record(m, 'LearningEventsIngested',
      { tenantId, count: inserted.size, learnerIds: [...byLearner.keys()].sort() }, now);
    return result;
  }
}

/** Activity and course ids are platform text: an exporter that puts an address into one must not leak it here. */
function withoutEmails(event: NormalizedLearningEvent): NormalizedLearningEvent {
  if (!event.activityId.includes('@') && !event.courseRef?.includes('@')) return event;
  return { ...event, activityId: scrubEmails(event.activityId), courseRef: event.courseRef === null ? null : scrubEmails(event.courseRef) };
}
