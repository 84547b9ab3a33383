import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JobState } from '../job-queue';

/** A row of the durable job queue. 'outbox' rows wait to be relayed to BullMQ when Redis drives the queue. */
@Entity('job')
@Index(['state', 'runAt'])
export class JobRecord {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 100 }) name: string;
  @Column('simple-json') payload: unknown;
  @Column('varchar', { length: 16 }) state: JobState | 'outbox';
  @Column('integer', { default: 0 }) attempts: number;
  @Column('integer') maxAttempts: number;
  @Column() runAt: Date;
  @Column('varchar', { length: 100, nullable: true }) lockedBy: string | null;
  @Column({ type: Date, nullable: true }) lockedUntil: Date | null;
  @Column('varchar', { length: 300, nullable: true, unique: true }) idempotencyKey: string | null;
  @Column('text', { nullable: true }) lastError: string | null;
  @Column('simple-json', { nullable: true }) result: unknown;
  @Column('integer', { default: 0 }) progress: number;
  @Column('varchar', { length: 500, nullable: true }) progressMessage: string | null;
  @Column() createdAt: Date;
  @Column() updatedAt: Date;
  @Column({ type: Date, nullable: true }) finishedAt: Date | null;
}
