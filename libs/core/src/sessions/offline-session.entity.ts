import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const SESSION_FORMATS = ['workshop', 'lab', 'study_group', 'bootcamp', 'lecture', 'office_hours'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];
export const SESSION_STATUSES = ['scheduled', 'cancelled', 'completed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

@Entity('offline_session')
@Index(['tenantId', 'startsAt'])
export class OfflineSession {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 36, nullable: true }) courseId: string | null;
  @Column('varchar', { length: 36, nullable: true }) venueId: string | null;
  @Column('varchar', { length: 300 }) title: string;
  @Column('text', { default: '' }) description: string;
  @Column('varchar', { length: 100 }) topic: string;
  @Column('varchar', { length: 32 }) format: SessionFormat;
  @Column('varchar', { length: 100 }) city: string;
  @Column('varchar', { length: 200, nullable: true }) instructorName: string | null;
  @Column() startsAt: Date;
  @Column() endsAt: Date;
  /** IANA zone the session is held in; instants are stored in UTC. */
  @Column('varchar', { length: 64 }) timeZone: string;
  @Column('integer') capacity: number;
  @Column('integer', { default: 0 }) waitlistLimit: number;
  @Column('integer', { default: 0 }) priceMinor: number;
  @Column('varchar', { length: 3, default: 'CNY' }) currency: string;
  @Column('varchar', { length: 16, default: 'en' }) language: string;
  @Column('varchar', { length: 16, default: 'scheduled' }) status: SessionStatus;
  @Column('varchar', { length: 500, nullable: true }) cancelReason: string | null;
  /** Denormalised counters, changed only under the session's lock, so capacity checks are one row read. */
  @Column('integer', { default: 0 }) confirmedCount: number;
  @Column('integer', { default: 0 }) waitlistCount: number;
  /** Monotonic ticket counter: waitlist order is the order of these numbers. */
  @Column('integer', { default: 0 }) queueSeq: number;
  /** Bumped on every change; also the iCalendar SEQUENCE. */
  @Column('integer', { default: 0 }) revision: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
