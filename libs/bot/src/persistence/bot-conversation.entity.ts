import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One chat conversation and its dialog state. Lives in the database, not in memory, so any host instance can take
 * the next turn; `version` makes concurrent turns of the same conversation detect each other.
 */
@Entity('bot_conversation')
export class BotConversation {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  /** sha256(plugin, channel, conversation id): conversation ids can be hundreds of characters long (Teams). */
  @Column('varchar', { length: 64, unique: true }) conversationKey: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 64 }) userKey: string;
  @Column('simple-json') state: Record<string, unknown>;
  /** Where to reach this conversation later (neutral ChatConversationReference). */
  @Column('simple-json') reference: Record<string, unknown>;
  @Column('integer') version: number;
  @Column() createdAt: Date;
  @Column() updatedAt: Date;
}
