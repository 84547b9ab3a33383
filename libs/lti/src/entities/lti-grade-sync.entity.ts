import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type GradeSyncStatus = 'queued' | 'sent' | 'failed' | 'skipped';

/** One attendance record on its way to one LMS gradebook; written in the attendance transaction (outbox). */
@Entity('lti_grade_sync')
@Index(['courseLinkId', 'attendanceId', 'version'], { unique: true })
@Index(['sessionId'])
export class LtiGradeSync {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 36 }) courseLinkId: string;
  @Column('varchar', { length: 36 }) sessionId: string;
  @Column('varchar', { length: 36 }) learnerId: string;
  @Column('varchar', { length: 36 }) attendanceId: string;
  /** The attendance's recordedAt (ISO 8601): the score timestamp, identical on every retry. */
  @Column('varchar', { length: 40 }) version: string;
  @Column('varchar', { length: 16 }) attendanceStatus: string;
  @Column('varchar', { length: 16 }) status: GradeSyncStatus;
  @Column('text', { nullable: true }) lastError: string | null;
  @Column() updatedAt: Date;
}
