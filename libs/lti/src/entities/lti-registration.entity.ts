import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type LtiAuthMethod = 'JWK_SET' | 'JWK_KEY' | 'RSA_KEY';

/**
 * One LTI 1.3 platform registration (issuer + client id). Also what ltijs calls a "platform": its `kid` is this id,
 * and the tool's key pair for the registration is stored under the same id in `lti_key`.
 */
@Entity('lti_registration')
@Index(['issuer', 'clientId'], { unique: true })
export class LtiRegistration {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  /** Tenant that new deployments of this registration map to. */
  @Column('varchar', { length: 36 }) tenantId: string;
  @Column('varchar', { length: 500 }) issuer: string;
  @Column('varchar', { length: 200 }) clientId: string;
  @Column('varchar', { length: 200 }) name: string;
  @Column('varchar', { length: 1000 }) authLoginUrl: string;
  @Column('varchar', { length: 1000 }) authTokenUrl: string;
  /** `aud` of client assertions when the platform names one (Canvas); the token URL otherwise. */
  @Column('varchar', { length: 1000, nullable: true }) authServer: string | null;
  @Column('varchar', { length: 16, default: 'JWK_SET' }) authMethod: LtiAuthMethod;
  /** The JWKS URL for JWK_SET, else the JWK or PEM itself. */
  @Column('text') authKey: string;
  @Column('boolean', { default: false }) active: boolean;
  @Column('varchar', { length: 64, nullable: true }) productFamilyCode: string | null;
  /** Origins of the LMS pages that frame the tool (CSP frame-ancestors, CORS), besides the issuer's. */
  @Column('simple-json') lmsOrigins: string[];
  @Column('varchar', { length: 16, default: 'manual' }) source: 'manual' | 'dynamic';
  /** What the platform told us at registration (scopes granted, placements, privacy level), for the admin page. */
  @Column('simple-json', { nullable: true }) details: Record<string, unknown> | null;
  @CreateDateColumn() createdAt: Date;
  @Column({ type: Date, nullable: true }) activatedAt: Date | null;
}
