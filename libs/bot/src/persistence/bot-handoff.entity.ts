import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type HandoffStatus = 'open' | 'delivered' | 'answered';

/** A learner's "talk to a person" request: recorded first, then delivered to the tenant's admins by a job. */
@Entity('bot_handoff')
@Index(['tenantId', 'status', 'createdAt'])
export class BotHandoff {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 36 }) conversationId: string;
  @Column('varchar', { length: 36, nullable: true }) learnerId: string | null;
  @Column('text') message: string;
  @Column('varchar', { length: 16 }) locale: string;
  @Column('varchar', { length: 16 }) status: HandoffStatus;
  @Column('text', { nullable: true }) answer: string | null;
  @Column() createdAt: Date;
  @Column({ type: Date, nullable: true }) deliveredAt: Date | null;
  @Column({ type: Date, nullable: true }) answeredAt: Date | null;
}
