import { Body, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiV1, CurrentTenant } from '@o2o/api';
import { AccountLinkService, LearnerService, Tenant } from '@o2o/core';
import { UserLinkStore } from '../state/user-link.store';
import { say } from '../text/say.util';
import { ChatLinkCodeDto } from './bot-admin.dto';

/** Admin-issued chat links: a one-time code an admin hands to a learner (e-mail, SMS, support desk). */
@ApiTags('bot')
@ApiBearerAuth()
@ApiV1('learners')
export class ChatLinkController {
  constructor(
    private readonly learners: LearnerService,
    private readonly codes: AccountLinkService,
    private readonly links: UserLinkStore,
  ) {}

  /** 201 with a single-use code; the learner sends "link CODE" to the bot. */
  @Post(':id/chat-link-code')
  async issue(@CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ChatLinkCodeDto) {
    await this.learners.get(tenant.id, id);
    const { code, expiresAt } = await this.codes.issue(tenant.id, id, dto.ttlMinutes ?? 60 * 24);
    return {
      code, expiresAt,
      instructions: { en: say('en', 'bot.admin.link_instructions', { code }), 'zh-CN': say('zh-CN', 'bot.admin.link_instructions', { code }) },
    };
  }

  /** Removes every chat account linked to the learner (they can link again with a new code). */
  @Delete(':id/chat-links')
  @HttpCode(200)
  async unlink(@CurrentTenant() tenant: Tenant, @Param('id', ParseUUIDPipe) id: string) {
    await this.learners.get(tenant.id, id);
    return { removed: await this.links.unlinkLearner(tenant.id, id) };
  }
}
