import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const BOOKING_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'attended', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export type BookingSource = 'api' | 'lti' | 'chat' | 'plan' | 'demo';

@Entity('booking')
@Index(['sessionId', 'status', 'queueNumber'])
@Index(['learnerId'])
export class Booking {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 36 }) sessionId: string;
  @Column('varchar', { length: 36 }) learnerId: string;
  @Column('varchar', { length: 16 }) status: BookingStatus;
  /** Ticket taken when the learner joined the waitlist; null for direct confirmations. */
  @Column('integer', { nullable: true }) queueNumber: number | null;
  @Column('varchar', { length: 16, default: 'api' }) source: BookingSource;
  @Column({ type: Date, nullable: true }) confirmedAt: Date | null;
  @Column({ type: Date, nullable: true }) promotedAt: Date | null;
  @Column({ type: Date, nullable: true }) cancelledAt: Date | null;
  @Column('varchar', { length: 64, nullable: true }) cancelReason: string | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
