import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A chat user linked to a learner (one-time code from the LMS page or an admin). Holds the reference of the user's
 * latest conversation so reminders reach them where they last talked to the bot.
 */
@Entity('bot_user_link')
@Index(['tenantId', 'learnerId'])
export class BotUserLink {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  /** sha256(plugin, channel, user id): a chat account is linked to at most one learner. */
  @Column('varchar', { length: 64, unique: true }) userKey: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 36 }) learnerId: string;
  @Column('simple-json') reference: Record<string, unknown>;
  @Column('varchar', { length: 16 }) locale: string;
  @Column() linkedAt: Date;
  @Column() updatedAt: Date;
}
