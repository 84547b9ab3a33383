import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ChatConversationReference } from '@o2o/plugin-sdk';
import { Clock } from '@o2o/core';
import { isUniqueViolation, TransactionRunner } from '@o2o/persistence';
import { BotConversation } from '../persistence/bot-conversation.entity';
import { BotUserLink } from '../persistence/bot-user-link.entity';
import type { TurnLink } from './user-link.store';
import type { ConversationState } from './conversation-state.types';
import { TurnSql } from './turn-sql.executor';

export interface LoadedConversation {
  id: string;
  tenantId: string;
  userKey: string;
  state: ConversationState;
  reference: ChatConversationReference;
  version: number;
}

/** What a turn starts from: the conversation (null before its first turn) and the chat user's link, if any. */
export interface TurnStart {
  conversation: LoadedConversation | null;
  link: TurnLink | null;
}

// Only what a turn reads: fewer columns to send, parse and hydrate on every turn.
const CONVERSATION_COLUMNS = ['id', 'tenantId', 'userKey', 'state', 'reference', 'version'] as const;
const LINK_COLUMNS = ['id', 'tenantId', 'learnerId', 'reference', 'locale'] as const;

const KEYS_KEPT = 10_000;
const keys = new Map<string, string>();

/** sha256 of the parts; remembered, since every turn of a conversation hashes the same ids again. */
export function keyOf(...parts: string[]): string {
  const joined = parts.join('\u0000');
  let key = keys.get(joined);
  if (key === undefined) {
    key = createHash('sha256').update(joined).digest('hex');
    if (keys.size >= KEYS_KEPT) keys.delete(keys.keys().next().value!);
    keys.set(joined, key);
  }
  return key;
}

/**
 * Per-conversation state in the database. Saving is a compare-and-set on `version`: a turn that lost a race with
 * another turn of the same conversation (another host, a double click) learns it and re-runs on fresh state.
 */
@Injectable()
export class ConversationStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly sql: TurnSql,
  ) {}

  async load(reference: ChatConversationReference): Promise<LoadedConversation | null> {
    const [row] = await this.sql.select(BotConversation, 'c',
      `SELECT ${this.sql.columns(BotConversation, 'c')} FROM bot_conversation c WHERE c."conversationKey" = ?`, [conversationKeyOf(reference)]);
    return row ? toLoaded(row) : null;
  }

  /**
   * The conversation and the user's link in one statement (one round trip instead of two): the one-row `k` keeps
   * the result to exactly one row whether either of them exists or not.
   */
  async start(reference: ChatConversationReference): Promise<TurnStart> {
    const [row] = await this.sql.rows(
      `SELECT ${this.sql.columns(BotConversation, 'c', CONVERSATION_COLUMNS)}, ${this.sql.columns(BotUserLink, 'l', LINK_COLUMNS)}` +
      ' FROM (SELECT 1 AS one) k LEFT JOIN bot_conversation c ON c."conversationKey" = ? LEFT JOIN bot_user_link l ON l."userKey" = ?',
      [conversationKeyOf(reference), userKeyOf(reference)]);
    const conversation = this.sql.entity(BotConversation, 'c', row, CONVERSATION_COLUMNS);
    return { conversation: conversation ? toLoaded(conversation) : null, link: this.sql.entity(BotUserLink, 'l', row, LINK_COLUMNS) };
  }

  /** Creates the row for a new conversation; if another turn created it first, returns that one. */
  async create(reference: ChatConversationReference, tenantId: string, state: ConversationState): Promise<LoadedConversation> {
    const now = this.clock.now();
    const row: BotConversation = Object.assign(new BotConversation(), {
      id: randomUUID(), conversationKey: conversationKeyOf(reference), tenantId, userKey: userKeyOf(reference),
      state, reference, version: 0, createdAt: now, updatedAt: now,
    });
    try {
      await this.tx.run((m) => m.insert(BotConversation, row as never));
      return toLoaded(row);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return (await this.load(reference))!;
    }
  }

  /** Writes the new state if nobody else did since `conversation` was loaded; false means re-run the turn. */
  async save(conversation: LoadedConversation, changes: { state: ConversationState; tenantId?: string; reference?: ChatConversationReference }): Promise<boolean> {
    const tenantId = changes.tenantId ?? conversation.tenantId;
    const reference = changes.reference ?? conversation.reference;
    // One statement, atomic on its own: no transaction around it (PostgreSQL: one round trip).
    const affected = await this.sql.writeOne(
      'UPDATE bot_conversation SET state = ?, reference = ?, "tenantId" = ?, version = ?, "updatedAt" = ? WHERE id = ? AND version = ?',
      [JSON.stringify(changes.state), JSON.stringify(reference), tenantId, conversation.version + 1,
        this.sql.persist(BotConversation, 'updatedAt', this.clock.now()), conversation.id, conversation.version]);
    if (!affected) return false;
    conversation.version += 1;
    conversation.state = changes.state;
    if (changes.tenantId) conversation.tenantId = changes.tenantId;
    if (changes.reference) conversation.reference = changes.reference;
    return true;
  }

  get(id: string): Promise<BotConversation | null> {
    return this.dataSource.getRepository(BotConversation).findOneBy({ id });
  }
}

export function conversationKeyOf(r: ChatConversationReference): string {
  return keyOf(r.plugin, r.channelId, r.conversationId);
}

export function userKeyOf(r: ChatConversationReference): string {
  return keyOf(r.plugin, r.channelId, r.userId);
}

function toLoaded(row: BotConversation): LoadedConversation {
  return {
    id: row.id, tenantId: row.tenantId, userKey: row.userKey, version: row.version,
    state: row.state as unknown as ConversationState, reference: row.reference as unknown as ChatConversationReference,
  };
}
