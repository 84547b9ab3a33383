import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A deployment of a registration; (issuer, client id, deployment id) maps to exactly one tenant. */
@Entity('lti_deployment')
@Index(['registrationId', 'deploymentId'], { unique: true })
export class LtiDeployment {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) registrationId: string;
  @Column('varchar', { length: 255 }) deploymentId: string;
  @Column('varchar', { length: 36 }) tenantId: string;
  @CreateDateColumn() createdAt: Date;
}
