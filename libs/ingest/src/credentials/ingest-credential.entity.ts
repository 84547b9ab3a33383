import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type IngestCredentialKind = 'xapi' | 'caliper';

/**
 * A tenant's key for one door. Only a SHA-256 of the secret is stored: secrets are 256 random bits, so a slow
 * password hash would add latency to every statement without adding safety. xAPI clients send `key:secret` as
 * HTTP Basic; Caliper sensors send the token as a bearer (looked up by its hash).
 */
@Entity('ingest_credential')
@Index(['tenantId'])
export class IngestCredential {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 16 }) kind: IngestCredentialKind;
  @Column('varchar', { length: 200 }) label: string;
  /** Public part: the Basic user name for xAPI, a recognisable token prefix for Caliper. */
  @Column('varchar', { length: 64, unique: true }) key: string;
  @Column('varchar', { length: 64, unique: true }) secretHash: string;
  @Column() createdAt: Date;
  @Column({ type: Date, nullable: true }) revokedAt: Date | null;
}
