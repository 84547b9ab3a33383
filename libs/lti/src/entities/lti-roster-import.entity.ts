import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One Names and Roles import of a course roster, with what changed (the added/removed report). */
@Entity('lti_roster_import')
@Index(['courseLinkId', 'startedAt'])
export class LtiRosterImport {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 36 }) courseLinkId: string;
  @Column('varchar', { length: 16 }) trigger: 'manual' | 'schedule' | 'launch';
  @Column('varchar', { length: 16 }) status: 'running' | 'done' | 'failed';
  @Column() startedAt: Date;
  @Column({ type: Date, nullable: true }) finishedAt: Date | null;
  @Column('integer', { default: 0 }) pages: number;
  @Column('integer', { default: 0 }) members: number;
  @Column('integer', { default: 0 }) added: number;
  @Column('integer', { default: 0 }) removed: number;
  @Column('integer', { default: 0 }) unchanged: number;
  @Column('simple-json') addedLearnerIds: string[];
  @Column('simple-json') removedLearnerIds: string[];
  @Column('text', { nullable: true }) error: string | null;
}
