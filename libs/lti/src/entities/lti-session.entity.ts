import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type LtiView = 'learner' | 'instructor' | 'administrator' | 'deep-linking';

/**
 * A course-page session created by a successful launch. The page holds the token (never a URL, never a cookie, so it
 * works when third-party cookies are blocked); only its SHA-256 is stored.
 */
@Entity('lti_session')
@Index(['expiresAt'])
export class LtiSession {
  @PrimaryColumn('varchar', { length: 64 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 36 }) registrationId: string;
  @Column('varchar', { length: 255 }) deploymentId: string;
  @Column('varchar', { length: 36, nullable: true }) courseLinkId: string | null;
  @Column('varchar', { length: 36, nullable: true }) courseId: string | null;
  @Column('varchar', { length: 36 }) learnerId: string;
  @Column('simple-json') roles: string[];
  @Column('varchar', { length: 16 }) locale: string;
  @Column('varchar', { length: 16 }) view: LtiView;
  /** Launch facts the pages need later: course title, return URL, deep linking settings, target session. */
  @Column('simple-json') launch: Record<string, unknown>;
  @Column() createdAt: Date;
  @Column() expiresAt: Date;
}
