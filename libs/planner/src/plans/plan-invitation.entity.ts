import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type PlanInvitationStatus = 'pending' | 'sent' | 'declined' | 'booked';

/**
 * One learner invited to one session by an approved plan. Channels (course page, chat) pick up `pending`
 * invitations on PlanApproved and deliver them; the plan that chose them and the predicted satisfaction stay
 * with the row for the funnel (invited → booked → attended → rated ≥ 4).
 */
@Entity('plan_invitation')
@Index(['sessionId', 'learnerId'], { unique: true })
@Index(['planId'])
@Index(['learnerId'])
export class PlanInvitation {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 36 }) planId: string;
  @Column('varchar', { length: 36 }) sessionId: string;
  @Column('varchar', { length: 36 }) learnerId: string;
  @Column('varchar', { length: 100 }) candidateId: string;
  @Column('double precision') score: number;
  @Column('double precision') attendProbability: number;
  @Column('varchar', { length: 16 }) status: PlanInvitationStatus;
  @Column() createdAt: Date;
}
