import { randomUUID } from 'node:crypto';
import { Body, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiV1, CurrentTenant } from '@o2o/api';
import { Clock, DomainError, Tenant } from '@o2o/core';
import { TransactionRunner } from '@o2o/persistence';
import { CatalogueProvider } from '../catalogue/catalogue.provider';
import { BotCatalogueTerm } from '../persistence/bot-catalogue-term.entity';
import { BotFaqEntry } from '../persistence/bot-faq-entry.entity';
import { BotSettingsService } from '../proactive/bot-settings.service';
import { BotSettingsDto, CatalogueTermDto, FAQ_KEYS, FaqEntryDto } from './bot-admin.dto';

/** A tenant's chat settings: quiet hours, the handoff webhook, FAQ answers and catalogue naming terms. */
@ApiTags('bot')
@ApiBearerAuth()
@ApiV1('bot')
export class BotSettingsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly settings: BotSettingsService,
    private readonly catalogue: CatalogueProvider,
    private readonly clock: Clock,
  ) {}

  @Get('settings')
  getSettings(@CurrentTenant() tenant: Tenant) {
    return this.settings.get(tenant.id);
  }

  /** Quiet hours need both ends (or neither): a half-set window would silently never apply. */
  @Put('settings')
  async putSettings(@CurrentTenant() tenant: Tenant, @Body() dto: BotSettingsDto) {
    const merged = { ...(await this.settings.get(tenant.id)), ...dto };
    if ((merged.quietHoursStart == null) !== (merged.quietHoursEnd == null)) {
      throw new DomainError('BOT_QUIET_HOURS_INCOMPLETE', 422, {}, merged.quietHoursStart == null ? 'quietHoursStart' : 'quietHoursEnd');
    }
    return this.settings.update(tenant.id, dto);
  }

  @Get('faq')
  listFaq(@CurrentTenant() tenant: Tenant) {
    return this.dataSource.getRepository(BotFaqEntry).find({ where: { tenantId: tenant.id }, order: { key: 'ASC' } });
  }

  @Put('faq/:key')
  @ApiParam({ name: 'key', enum: FAQ_KEYS })
  async putFaq(@CurrentTenant() tenant: Tenant, @Param('key') key: string, @Body() dto: FaqEntryDto) {
    if (!(FAQ_KEYS as readonly string[]).includes(key)) throw new DomainError('BOT_FAQ_KEY_UNKNOWN', 404, { key, keys: FAQ_KEYS.join(', ') });
    const now = this.clock.now();
    await this.tx.run(async (m) => {
      const existing = await m.findOneBy(BotFaqEntry, { tenantId: tenant.id, key });
      if (existing) await m.update(BotFaqEntry, { id: existing.id }, { answerEn: dto.en, answerZh: dto.zhCN, updatedAt: now });
      else await m.insert(BotFaqEntry, { id: randomUUID(), tenantId: tenant.id, key, answerEn: dto.en, answerZh: dto.zhCN, updatedAt: now });
    });
    return this.dataSource.getRepository(BotFaqEntry).findOneByOrFail({ tenantId: tenant.id, key });
  }

  @Delete('faq/:key')
  @HttpCode(200)
  async deleteFaq(@CurrentTenant() tenant: Tenant, @Param('key') key: string) {
    const result = await this.tx.run((m) => m.delete(BotFaqEntry, { tenantId: tenant.id, key }));
    return { removed: result.affected ?? 0 };
  }

  @Get('catalogue-terms')
  listTerms(@CurrentTenant() tenant: Tenant) {
    return this.dataSource.getRepository(BotCatalogueTerm).find({ where: { tenantId: tenant.id }, order: { kind: 'ASC', key: 'ASC' } });
  }

  /** Names a topic or city in both languages; the bot understands it from the next message on. */
  @Put('catalogue-terms')
  async putTerm(@CurrentTenant() tenant: Tenant, @Body() dto: CatalogueTermDto) {
    const now = this.clock.now();
    const values = { nameEn: dto.en ?? null, nameZh: dto.zhCN ?? null, aliases: dto.aliases ?? [], updatedAt: now };
    await this.tx.run(async (m) => {
      const existing = await m.findOneBy(BotCatalogueTerm, { tenantId: tenant.id, kind: dto.kind, key: dto.key });
      if (existing) await m.update(BotCatalogueTerm, { id: existing.id }, values as never);
      else await m.insert(BotCatalogueTerm, { id: randomUUID(), tenantId: tenant.id, kind: dto.kind, key: dto.key, ...values } as never);
    });
    this.catalogue.invalidate(tenant.id);
    return this.dataSource.getRepository(BotCatalogueTerm).findOneByOrFail({ tenantId: tenant.id, kind: dto.kind, key: dto.key });
  }
}
