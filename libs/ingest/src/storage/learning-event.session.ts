import type { EntityManager } from 'typeorm';
import { DomainEvent, DomainEventBus } from '@o2o/core';
import { AggregateEventFacts } from '../aggregates/learner-aggregate.state';
import { LearnerAggregateUpdater } from '../aggregates/learner-aggregate.updater';
import { NormalizedLearningEvent } from '../normalized-learning-event';
import { scrubEmails } from '../shared/email-scrubber';
import { LearnerIdCache } from './learner-id.cache';
import { LearnerResolver } from './learner.resolver';
import { EventToWrite, writeLearningEvents } from './learning-event.writer';
import { isPostgres } from './bulk-sql';
import { writeLearningEventsSqlite } from './sqlite-learning-event.writer';

export const eventKey = (e: { source: string; sourceId: string }): string => `${e.source}\u0000${e.sourceId}`;

/** Takes new events' aggregate facts as they are inserted (a bulk import's fold; see ImportAggregateFold). */
export interface AggregateFactSink {
  add(learnerId: string, fact: AggregateEventFacts): void;
}

/**
 * What happens to the new events' aggregate facts: applied to the stored rows at `finish` (the live doors),
 * returned by `finish` for the caller to fold after its commit (`return`), or handed to a sink as inserted.
 */
export type AggregateMode = 'apply' | 'return' | AggregateFactSink;

/** Which events one `add` inserted, by `source\0sourceId` (eventKey). */
export interface InsertedEvents {
  readonly size: number;
  has(key: string): boolean;
}

export interface AddedEvents {
  /** Every event inserted now (not duplicates). */
  inserted: InsertedEvents;
  duplicates: number;
}

export interface FinishedSession {
  learnersCreated: number;
  /** learnerRefKey → learner id for every learner seen (for the caller's cache, after commit). */
  learnerIds: Map<string, string>;
  /**
   * Bulk mode only: the new events' aggregate facts per learner, not yet applied. The import folds them after the
   * commit (a rolled-back or retried transaction must not count) and merges them into the stored rows at its end.
   */
  deferredFacts?: Map<string, AggregateEventFacts[]>;
  /** To publish after commit; absent when nothing new was stored. */
  domainEvent?: DomainEvent<'LearningEventsIngested'>;
}

/**
 * Events written in one transaction, possibly in several `add` calls (a bulk import streams parse chunks into
 * one transaction so each chunk's objects can be dropped as soon as it is written). Each `add` pseudonymises
 * learners and inserts events, keeping only the few facts the aggregates need; `finish` updates every touched
 * learner's aggregate once and records LearningEventsIngested. A bulk import defers the aggregates instead (see
 * AggregateMode); its import run merges them when it ends (or recovery rebuilds them, after a crash).
 */
export class LearningEventSession {
  private readonly facts = new Map<string, AggregateEventFacts[]>();
  /** Learners with new events (for LearningEventsIngested) when a sink takes the facts. */
  private readonly sunkLearners = new Set<string>();
  private readonly learnerIds: LearnerIdCache;
  private learnersCreated = 0;
  private insertedCount = 0;

  constructor(
    private readonly m: EntityManager,
    private readonly tenantId: string,
    private readonly timeZone: string,
    private readonly now: Date,
    private readonly deps: { learners: LearnerResolver; aggregates: LearnerAggregateUpdater; bus: DomainEventBus },
    committed?: LearnerIdCache,
    private readonly aggregates: AggregateMode = 'apply',
  ) {
    this.learnerIds = new LearnerIdCache(Number.MAX_SAFE_INTEGER, committed);
  }

  async add(events: NormalizedLearningEvent[]): Promise<AddedEvents> {
    const resolved = await this.deps.learners.resolve(this.m, this.tenantId, events.map((e) => e.learnerRef), this.learnerIds);
    this.learnerIds.addAll(resolved.fresh);
    this.learnersCreated += resolved.created;
    if (!isPostgres(this.m)) {
      // Row by row, so a repeat within the input is already a conflict when its turn comes.
      const toWrite = events.map((event, i) => ({ event: withoutEmails(event), learnerId: resolved.inOrder[i] }));
      const flags = writeLearningEventsSqlite(this.m, this.tenantId, toWrite, this.now);
      let count = 0;
      for (let i = 0; i < toWrite.length; i++) {
        if (!flags[i]) continue;
        count++;
        this.collect(toWrite[i].learnerId, toWrite[i].event);
      }
      this.insertedCount += count;
      // Keys are built only if a caller asks which (outcome rows do); a bulk import of events only counts.
      let keys: Set<string> | undefined;
      const inserted: InsertedEvents = {
        size: count,
        has: (key) => (keys ??= new Set(toWrite.filter((_, i) => flags[i]).map((w) => eventKey(w.event)))).has(key),
      };
      return { inserted, duplicates: events.length - count };
    }
    // Identical events within one statement would both come back as inserted: one event, one aggregate increment.
    const unique = new Map<string, EventToWrite>();
    for (let i = 0; i < events.length; i++) {
      const key = eventKey(events[i]);
      if (!unique.has(key)) unique.set(key, { event: withoutEmails(events[i]), learnerId: resolved.inOrder[i] });
    }
    const inserted = await writeLearningEvents(this.m, this.tenantId, [...unique.values()], this.now);
    for (const [key, { event, learnerId }] of unique) if (inserted.has(key)) this.collect(learnerId, event);
    this.insertedCount += inserted.size;
    return { inserted, duplicates: events.length - inserted.size };
  }

  private collect(learnerId: string, event: NormalizedLearningEvent): void {
    const fact: AggregateEventFacts = {
      type: event.type, occurredAt: event.occurredAt, courseRef: event.courseRef, durationSeconds: event.durationSeconds,
      scoreScaled: event.score?.scaled, completion: event.completion, amountValue: event.amount?.value, currency: event.amount?.currency,
    };
    if (typeof this.aggregates === 'object') {
      this.aggregates.add(learnerId, fact);
      this.sunkLearners.add(learnerId);
      return;
    }
    let list = this.facts.get(learnerId);
    if (!list) this.facts.set(learnerId, (list = []));
    list.push(fact);
  }

  async finish(): Promise<FinishedSession> {
    const result: FinishedSession = { learnersCreated: this.learnersCreated, learnerIds: this.learnerIds.own() };
    if (this.insertedCount === 0) return result;
    if (this.aggregates === 'apply') await this.deps.aggregates.apply(this.m, this.tenantId, this.timeZone, this.facts, this.now);
    if (this.aggregates === 'return') result.deferredFacts = this.facts;
    // Sorted for the live doors' small batches; a bulk transaction's tens of thousands stay in file order.
    const learnerIds = typeof this.aggregates === 'object' ? [...this.sunkLearners] : [...this.facts.keys()].sort();
    result.domainEvent = await this.deps.bus.record(this.m, 'LearningEventsIngested',
      { tenantId: this.tenantId, count: this.insertedCount, learnerIds }, this.now);
    return result;
  }
}

/** Activity and course ids are platform text: an exporter that puts an address into one must not leak it here. */
function withoutEmails(event: NormalizedLearningEvent): NormalizedLearningEvent {
  if (!event.activityId.includes('@') && !event.courseRef?.includes('@')) return event;
  return { ...event, activityId: scrubEmails(event.activityId), courseRef: event.courseRef === null ? null : scrubEmails(event.courseRef) };
}
