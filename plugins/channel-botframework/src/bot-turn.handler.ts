import { Injectable } from '@nestjs/common';
import { Activity, ActivityTypes, ConversationReference, DeliveryModes, TurnContext } from 'botbuilder';
import { ChatCommand, ChatConversationReference, ChatEngine, ChatMessage, ChatTurn } from '@o2o/plugin-sdk';
import { renderActivities } from './activity.renderer';
import { capabilitiesOf } from './channel-capabilities.table';
import { BOTFRAMEWORK_PLUGIN_ID } from './botframework.manifest';

/**
 * The bot's turn logic: a Bot Framework activity becomes a neutral ChatTurn for the engine, and the engine's
 * messages become activities for this channel. Nothing here knows what the bot says.
 */
@Injectable()
export class BotTurnHandler {
  constructor(private readonly engine: ChatEngine) {}

  async onTurn(context: TurnContext, tenant: string | undefined): Promise<void> {
    const activity = context.activity;
    const turn = toTurn(activity, tenant);
    if (!turn) return;
    const replies = await this.engine.handle(turn);
    await this.send(context, replies);
  }

  async send(context: TurnContext, messages: ChatMessage[]): Promise<void> {
    const buffered = context.activity.deliveryMode === DeliveryModes.ExpectReplies;
    const activities = renderActivities(messages, capabilitiesOf(context.activity.channelId), { buffered });
    if (activities.length) await context.sendActivities(activities);
  }
}

/** Messages and a user joining are turns; everything else (reactions, typing, invokes) is not for the engine. */
export function toTurn(activity: Activity, tenant: string | undefined): ChatTurn | undefined {
  const reference = toReference(TurnContext.getConversationReference(activity));
  if (activity.type === ActivityTypes.Message) {
    const command = commandOf(activity.value);
    return { kind: 'message', text: command ? undefined : activity.text ?? '', command, locale: activity.locale, reference, tenant };
  }
  if (activity.type === ActivityTypes.ConversationUpdate) {
    const joined = (activity.membersAdded ?? []).some((m) => m.id !== activity.recipient?.id);
    return joined ? { kind: 'conversation_start', locale: activity.locale, reference, tenant } : undefined;
  }
  return undefined;
}

function commandOf(value: unknown): ChatCommand | undefined {
  const o2o = (value as { o2o?: unknown } | undefined)?.o2o;
  return o2o && typeof o2o === 'object' && typeof (o2o as ChatCommand).intent === 'string' ? (o2o as ChatCommand) : undefined;
}

/** botbuilder's reference → the neutral one the engine stores (plain JSON, no SDK types). */
export function toReference(ref: Partial<ConversationReference>): ChatConversationReference {
  const out: ChatConversationReference = {
    plugin: BOTFRAMEWORK_PLUGIN_ID,
    channelId: ref.channelId!,
    conversationId: ref.conversation!.id,
    userId: ref.user!.id,
  };
  if (ref.serviceUrl) out.serviceUrl = ref.serviceUrl;
  if (ref.user?.name) out.userName = ref.user.name;
  if (ref.bot?.id) out.botId = ref.bot.id;
  if (ref.bot?.name) out.botName = ref.bot.name;
  if (ref.conversation?.tenantId) out.channelTenantId = ref.conversation.tenantId;
  if (ref.locale) out.locale = ref.locale;
  return out;
}

/** The neutral reference back into what continueConversationAsync needs. */
export function fromReference(ref: ChatConversationReference): Partial<ConversationReference> {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    conversation: { id: ref.conversationId, tenantId: ref.channelTenantId, isGroup: false, conversationType: '', name: '' },
    user: { id: ref.userId, name: ref.userName ?? '' },
    bot: { id: ref.botId ?? '', name: ref.botName ?? '' },
    locale: ref.locale,
  };
}
