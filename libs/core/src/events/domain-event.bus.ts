import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { executorFor, isSqlExecutor, SqlExecutor, SqlStatement } from '@o2o/persistence';
import { DomainEvent, DomainEventMap, DomainEventType } from './domain-events';

type Handler<K extends DomainEventType> = (event: DomainEvent<K>) => void | Promise<void>;
type TransactionalHandler<K extends DomainEventType> = (event: DomainEvent<K>, manager: EntityManager) => Promise<void>;

/**
 * In-process, typed event bus. Writers `record` events inside their transaction (durable log) and `publish`
 * them after commit, so subscribers never see a change that was rolled back. Subscribers should only enqueue
 * jobs: long work never runs inside the request.
 */
@Injectable()
export class DomainEventBus {
  private readonly logger = new Logger('DomainEventBus');
  private readonly handlers = new Map<DomainEventType, Handler<DomainEventType>[]>();
  private readonly transactional = new Map<DomainEventType, TransactionalHandler<DomainEventType>[]>();

  subscribe<K extends DomainEventType>(type: K, handler: Handler<K>): () => void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as Handler<DomainEventType>);
    this.handlers.set(type, list);
    return () => list.splice(list.indexOf(handler as Handler<DomainEventType>), 1);
  }

  /**
   * Runs `handler` inside the writer's transaction, right after the event is logged: for outbox writers that must
   * exist if and only if the change commits (e.g. gradebook sync jobs enqueued with `manager`). A throw rolls the
   * change back, so such handlers only write rows; anything slow belongs in the job they enqueue.
   */
  subscribeInTransaction<K extends DomainEventType>(type: K, handler: TransactionalHandler<K>): () => void {
    const list = this.transactional.get(type) ?? [];
    list.push(handler as TransactionalHandler<DomainEventType>);
    this.transactional.set(type, list);
    return () => list.splice(list.indexOf(handler as TransactionalHandler<DomainEventType>), 1);
  }

  /** Builds an event and writes it to the durable log within the caller's transaction. */
  /**
   * Logs an event in the writer's unit of work. `alongWith` are the writer's own writes, sent in the same round trip
   * as the event row where the database allows (see SqlExecutor.writeAll).
   */
  async record<K extends DomainEventType>(
    unitOfWork: EntityManager | SqlExecutor,
    type: K,
    payload: DomainEventMap[K],
    occurredAt: Date,
    alongWith: SqlStatement[] = [],
  ): Promise<DomainEvent<K>> {
    const event: DomainEvent<K> = { id: randomUUID(), type, payload, occurredAt };
    // Raw insert: this runs inside every booking, where the ORM's insert machinery cost more than the write.
    const sql = isSqlExecutor(unitOfWork) ? unitOfWork : executorFor(unitOfWork);
    await sql.writeAll([...alongWith, {
      sql: 'INSERT INTO "domain_event" ("id", "tenantId", "type", "payload", "occurredAt") VALUES (?, ?, ?, ?, ?)',
      params: [event.id, (payload as { tenantId: string }).tenantId, type, JSON.stringify(payload), occurredAt],
    }]);
    for (const handler of this.transactional.get(type) ?? []) await handler(event as DomainEvent<DomainEventType>, sql.manager);
    return event;
  }

  async publish(events: DomainEvent[]): Promise<void> {
    for (const event of events) {
      for (const handler of this.handlers.get(event.type) ?? []) {
        try {
          await handler(event);
        } catch (err) {
          // A failing subscriber must not undo or fail a change that is already committed.
          this.logger.error(`subscriber of ${event.type} failed: ${(err as Error).stack ?? err}`);
        }
      }
    }
  }
}
