import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * ltijs' short-lived records (idtoken, contexttoken, nonce, state, accesstoken), one row per key. The id is the
 * collection plus a hash of the key fields, so every lookup ltijs makes is a primary-key read.
 */
@Entity('lti_store_record')
@Index(['expiresAt'])
export class LtiStoreRecord {
  @PrimaryColumn('varchar', { length: 100 }) id: string;
  @Column('varchar', { length: 32 }) collection: string;
  @Column('text') data: string;
  @Column() createdAt: Date;
  @Column() expiresAt: Date;
}
