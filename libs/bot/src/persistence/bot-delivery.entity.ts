import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Every proactive message that reached a channel, by a key naming what it was (`reminder:<booking>:24h:<start>`).
 * The job queue's idempotency key stops a second job; this row stops a re-run of the same job from sending again.
 */
@Entity('bot_delivery')
export class BotDelivery {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 200, unique: true }) deliveryKey: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 36, nullable: true }) learnerId: string | null;
  @Column('varchar', { length: 32 }) kind: string;
  @Column() sentAt: Date;
}
