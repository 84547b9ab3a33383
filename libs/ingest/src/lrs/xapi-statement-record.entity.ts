import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A statement as this LRS keeps and serves it. `statement` is the prepared statement with every agent replaced by
 * its pseudonym (see pseudonymizeStatement); `contentHash` is taken from the statement as received, so a re-post
 * with the same id can still be told apart as "same" (no-op) or "different" (409).
 */
@Entity('xapi_statement')
@Index(['tenantId', 'statementId'], { unique: true })
export class XapiStatementRecord {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 36 }) statementId: string;
  @Column('varchar', { length: 64 }) contentHash: string;
  @Column('varchar', { length: 36, nullable: true }) learnerId: string | null;
  @Column('varchar', { length: 36 }) credentialId: string;
  @Column('text') statement: string;
  @Column() stored: Date;
  @Column('boolean', { default: false }) voided: boolean;
}
