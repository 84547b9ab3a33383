import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An LMS course (context) of a deployment linked to our course, with the service endpoints from its launches, kept
 * beyond ltijs' 24-hour launch records so roster imports and grade posts keep working.
 */
@Entity('lti_course_link')
@Index(['registrationId', 'deploymentId', 'contextId'], { unique: true })
@Index(['courseId'])
export class LtiCourseLink {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 36 }) registrationId: string;
  @Column('varchar', { length: 255 }) deploymentId: string;
  @Column('varchar', { length: 255 }) contextId: string;
  @Column('varchar', { length: 36 }) courseId: string;
  @Column('varchar', { length: 300 }) title: string;
  @Column('varchar', { length: 1000, nullable: true }) nrpsUrl: string | null;
  @Column('varchar', { length: 1000, nullable: true }) lineItemsUrl: string | null;
  @Column('simple-json') agsScopes: string[];
  @Column() createdAt: Date;
  @Column() updatedAt: Date;
  @Column({ type: Date, nullable: true }) lastRosterImportAt: Date | null;
}
