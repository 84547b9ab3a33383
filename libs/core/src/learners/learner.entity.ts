import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A learner as the product knows them: a pseudonym and non-identifying attributes only.
 * Names, e-mails and platform subjects live in `LearnerIdentity`.
 */
@Entity('learner')
@Index(['tenantId', 'pseudonym'], { unique: true })
export class Learner {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  /** HMAC-SHA256(tenant key, issuer + subject), hex. Stable for the same platform identity. */
  @Column('varchar', { length: 64 }) pseudonym: string;
  @Column('varchar', { length: 16, nullable: true }) locale: string | null;
  @Column('varchar', { length: 100, nullable: true }) city: string | null;
  @CreateDateColumn() createdAt: Date;
}
