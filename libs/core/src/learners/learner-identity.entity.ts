import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** The only table holding identifying data about a learner; kept apart so it can be encrypted and erased. */
@Entity('learner_identity')
@Index(['tenantId', 'issuer', 'subject'], { unique: true })
export class LearnerIdentity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 36 }) learnerId: string;
  @Column('varchar', { length: 500 }) issuer: string;
  @Column('varchar', { length: 500 }) subject: string;
  @Column('varchar', { length: 200, nullable: true }) displayName: string | null;
  @CreateDateColumn() createdAt: Date;
}
