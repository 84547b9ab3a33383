import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per-tenant chat settings: quiet hours for proactive messages and where talk-to-a-person requests go. */
@Entity('bot_tenant_settings')
export class BotTenantSettings {
  @PrimaryColumn('varchar', { length: 36 }) tenantId: string;
  /** Local time `HH:MM` in the tenant's zone; no proactive message to learners between start and end. */
  @Column('varchar', { length: 5, nullable: true }) quietHoursStart: string | null;
  @Column('varchar', { length: 5, nullable: true }) quietHoursEnd: string | null;
  /** Admins' endpoint (e.g. a team chat incoming webhook) that receives talk-to-a-person requests. */
  @Column('varchar', { length: 500, nullable: true }) handoffWebhookUrl: string | null;
  @Column() updatedAt: Date;
}
