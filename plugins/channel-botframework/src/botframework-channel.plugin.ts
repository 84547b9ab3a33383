import { Injectable } from '@nestjs/common';
import type { ChannelCapabilities, ChannelPlugin, ChatConversationReference, ChatMessage } from '@o2o/plugin-sdk';
import { renderActivities } from './activity.renderer';
import { BotFrameworkAdapter } from './botframework.adapter';
import { BOTFRAMEWORK_PLUGIN_ID } from './botframework.manifest';
import { fromReference } from './bot-turn.handler';
import { capabilitiesOf } from './channel-capabilities.table';

/** The Bot Framework as the registry's channel: capabilities per channel and proactive sending. */
@Injectable()
export class BotFrameworkChannelPlugin implements ChannelPlugin {
  readonly id = BOTFRAMEWORK_PLUGIN_ID;

  constructor(private readonly adapter: BotFrameworkAdapter) {}

  capabilities(channelId: string): ChannelCapabilities {
    const { quickReply: _, ...caps } = capabilitiesOf(channelId);
    return caps;
  }

  async sendProactive(reference: ChatConversationReference, messages: ChatMessage[]): Promise<void> {
    const activities = renderActivities(messages, capabilitiesOf(reference.channelId), { buffered: false });
    if (activities.length === 0) return;
    await this.adapter.proactive(fromReference(reference), async (context) => {
      await context.sendActivities(activities);
    });
  }
}
