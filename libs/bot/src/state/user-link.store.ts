import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@o2o/core';
import { TransactionRunner } from '@o2o/persistence';
import type { ChatConversationReference } from '@o2o/plugin-sdk';
import { BotUserLink } from '../persistence/bot-user-link.entity';
import { userKeyOf } from './conversation.store';
import { TurnSql } from './turn-sql.executor';

/** The part of a link a chat turn uses. */
export type TurnLink = Pick<BotUserLink, 'id' | 'tenantId' | 'learnerId' | 'reference' | 'locale'>;

type LinkListener = (link: BotUserLink) => Promise<void> | void;

/** Chat user ↔ learner links, and the latest conversation reference of each linked user. */
@Injectable()
export class UserLinkStore {
  private readonly listeners: LinkListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly sql: TurnSql,
  ) {}

  /** Lets the proactive scheduler catch up on bookings made before the user linked. */
  onLinked(listener: LinkListener): void {
    this.listeners.push(listener);
  }

  async find(reference: ChatConversationReference): Promise<BotUserLink | null> {
    const [row] = await this.sql.select(BotUserLink, 'l', `SELECT ${this.sql.columns(BotUserLink, 'l')} FROM bot_user_link l WHERE l."userKey" = ?`, [userKeyOf(reference)]);
    return row ?? null;
  }

  /** Cheap existence check for the booking path, where most learners have no chat link. */
  async hasLink(tenantId: string, learnerId: string): Promise<boolean> {
    const rows = await this.tx.readSql(
      'SELECT 1 AS "found" FROM "bot_user_link" WHERE "tenantId" = ? AND "learnerId" = ? LIMIT 1', [tenantId, learnerId]);
    return rows.length > 0;
  }

  /** The chat account the learner used last: where proactive messages go. */
  latestFor(tenantId: string, learnerId: string): Promise<BotUserLink | null> {
    return this.dataSource.getRepository(BotUserLink).findOne({ where: { tenantId, learnerId }, order: { updatedAt: 'DESC' } });
  }

  async link(reference: ChatConversationReference, tenantId: string, learnerId: string, locale: string): Promise<BotUserLink> {
    const userKey = userKeyOf(reference);
    const now = this.clock.now();
    await this.tx.run(async (m) => {
      // One chat account links to one learner: a new code replaces the previous link.
      await m.delete(BotUserLink, { userKey });
      await m.insert(BotUserLink, {
        id: randomUUID(), userKey, tenantId, learnerId, reference: reference as never, locale, linkedAt: now, updatedAt: now,
      });
    });
    const link = await this.dataSource.getRepository(BotUserLink).findOneByOrFail({ userKey });
    for (const listener of this.listeners) await listener(link);
    return link;
  }

  async unlink(reference: ChatConversationReference): Promise<boolean> {
    const result = await this.tx.run((m) => m.delete(BotUserLink, { userKey: userKeyOf(reference) }));
    return (result.affected ?? 0) > 0;
  }

  /** Admin side: removes every chat link of a learner. */
  async unlinkLearner(tenantId: string, learnerId: string): Promise<number> {
    const result = await this.tx.run((m) => m.delete(BotUserLink, { tenantId, learnerId }));
    return result.affected ?? 0;
  }

  /** Keeps the reference and language fresh, writing only when something changed (most turns change nothing). */
  async touch(link: TurnLink, reference: ChatConversationReference, locale: string): Promise<void> {
    const same = link.locale === locale && JSON.stringify(link.reference) === JSON.stringify(reference);
    if (same) return;
    await this.tx.run((m) => m.update(BotUserLink, { id: link.id }, { reference: reference as never, locale, updatedAt: this.clock.now() }));
  }
}
