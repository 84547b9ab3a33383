import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@o2o/core';
import { TransactionRunner } from '@o2o/persistence';
import { BotTenantSettings } from '../persistence/bot-tenant-settings.entity';
import type { QuietHours } from './quiet-hours.util';

export interface BotSettingsInput {
  quietHoursStart?: string | null;
  quietHoursEnd?: string | null;
  handoffWebhookUrl?: string | null;
}

/** Per-tenant chat settings (quiet hours, where talk-to-a-person requests go). */
@Injectable()
export class BotSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async get(tenantId: string): Promise<BotTenantSettings> {
    const row = await this.dataSource.getRepository(BotTenantSettings).findOneBy({ tenantId });
    return row ?? Object.assign(new BotTenantSettings(), {
      tenantId, quietHoursStart: null, quietHoursEnd: null, handoffWebhookUrl: null, updatedAt: null,
    });
  }

  async quietHours(tenantId: string): Promise<QuietHours | undefined> {
    const s = await this.get(tenantId);
    return s.quietHoursStart && s.quietHoursEnd ? { start: s.quietHoursStart, end: s.quietHoursEnd } : undefined;
  }

  async update(tenantId: string, input: BotSettingsInput): Promise<BotTenantSettings> {
    const current = await this.get(tenantId);
    const next = { ...current, ...input, tenantId, updatedAt: this.clock.now() };
    await this.tx.run((m) => m.save(BotTenantSettings, next));
    return this.get(tenantId);
  }
}
