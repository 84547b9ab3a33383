import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { IngestSource } from '../normalized-learning-event';

/**
 * One normalised learning event, whichever door it came through. Pseudonymous by construction: the learner is
 * our learner id, never an e-mail, name or platform user id. (tenantId, source, sourceId) is unique, so
 * re-imports and retries add nothing. Written in bulk by LearningEventWriter (plain SQL); this entity is for reads.
 */
@Entity('learning_event')
@Index(['tenantId', 'source', 'sourceId'], { unique: true })
@Index(['tenantId', 'learnerId', 'occurredAt'])
export class LearningEvent {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 36 }) learnerId: string;
  @Column('text', { nullable: true }) courseRef: string | null;
  @Column('text') activityId: string;
  @Column('varchar', { length: 32 }) type: string;
  @Column('text') sourceVerb: string;
  @Column() occurredAt: Date;
  @Column('double precision', { nullable: true }) durationSeconds: number | null;
  @Column('double precision', { nullable: true }) scoreScaled: number | null;
  @Column('double precision', { nullable: true }) scoreRaw: number | null;
  @Column('double precision', { nullable: true }) scoreMin: number | null;
  @Column('double precision', { nullable: true }) scoreMax: number | null;
  @Column('boolean', { nullable: true }) completion: boolean | null;
  @Column('boolean', { nullable: true }) success: boolean | null;
  @Column('double precision', { nullable: true }) amountValue: number | null;
  @Column('varchar', { length: 3, nullable: true }) currency: string | null;
  @Column('varchar', { length: 16 }) source: IngestSource;
  @Column('varchar', { length: 200 }) sourceId: string;
  /** Retracted by an xAPI voiding statement: kept for audit, left out of aggregates and features. */
  @Column('boolean', { default: false }) voided: boolean;
  @Column() ingestedAt: Date;
}
