import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A pseudonymous learner's membership in a linked LMS course, as the last roster import saw it. */
@Entity('lti_enrolment')
@Index(['courseLinkId', 'learnerId'], { unique: true })
export class LtiEnrolment {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) courseLinkId: string;
  @Column('varchar', { length: 36 }) learnerId: string;
  @Column('simple-json') roles: string[];
  @Column('varchar', { length: 16 }) status: 'active' | 'removed';
  @Column() firstSeenAt: Date;
  @Column() lastSeenAt: Date;
  @Column({ type: Date, nullable: true }) removedAt: Date | null;
}
