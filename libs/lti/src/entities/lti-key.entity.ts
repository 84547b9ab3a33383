import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The tool's key pair per registration (ltijs `publickey` / `privatekey`), encrypted with AES-256-GCM. */
@Entity('lti_key')
export class LtiKey {
  /** `${kind}:${kid}`. */
  @PrimaryColumn('varchar', { length: 80 }) id: string;
  @Column('varchar', { length: 8 }) kind: 'public' | 'private';
  @Column('varchar', { length: 64 }) kid: string;
  @Column('varchar', { length: 500 }) platformUrl: string;
  @Column('varchar', { length: 200 }) clientId: string;
  @Column('varchar', { length: 32 }) iv: string;
  @Column('text') data: string;
}
