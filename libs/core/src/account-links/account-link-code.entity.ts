import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A one-time code a learner copies from the course page into a chat to link the two; stored only as a hash. */
@Entity('account_link_code')
export class AccountLinkCode {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 36 }) learnerId: string;
  @Column('varchar', { length: 64, unique: true }) codeHash: string;
  @Column() expiresAt: Date;
  @Column({ type: Date, nullable: true }) usedAt: Date | null;
  @Column() createdAt: Date;
}
