import type { Activity, Attachment, CardAction } from 'botbuilder';
import type { ChatAction, ChatCard, ChatMessage, ChatTextMessage } from '@o2o/plugin-sdk';
import { ADAPTIVE_CARD_CONTENT_TYPE, buildAdaptiveCard } from './adaptive-card.builder';
import type { BotFrameworkCapabilities } from './channel-capabilities.table';
import { CHANNEL_TEXTS, channelText } from './channel-texts';

/**
 * Neutral messages → Bot Framework activities for one channel: Adaptive Cards of the declared version with a
 * plain-text fallback, quick replies as suggested actions or as a "Reply with:" line, typing only where it shows.
 */
export function renderActivities(messages: ChatMessage[], caps: BotFrameworkCapabilities, options: { buffered: boolean }): Partial<Activity>[] {
  const out: Partial<Activity>[] = [];
  for (const message of messages) {
    if (message.type === 'typing') {
      // Buffered replies (expectReplies) arrive all at once: a typing indicator would only flash.
      if (caps.typing && !options.buffered) out.push({ type: 'typing' });
      continue;
    }
    out.push(renderMessage(message, caps));
  }
  return out;
}

function renderMessage(message: ChatTextMessage, caps: BotFrameworkCapabilities): Partial<Activity> {
  const activity: Partial<Activity> = { type: 'message', locale: message.locale, textFormat: caps.markdown ? 'markdown' : 'plain' };
  let text = message.text;
  const cards = message.cards ?? [];
  if (cards.length && caps.adaptiveCards) {
    activity.attachments = cards.map((card): Attachment => ({
      contentType: ADAPTIVE_CARD_CONTENT_TYPE,
      content: buildAdaptiveCard(card, caps.adaptiveCards as '1.5', message.locale, fallbackOf(card)),
    }));
    if (cards.length > 1) activity.attachmentLayout = 'carousel';
  } else if (cards.length) {
    text += `\n\n${cards.map((card, i) => plainCard(card, i + 1)).join('\n\n')}`;
    const action = cards.flatMap((c) => c.actions).find((a) => a.command.intent === 'book' || a.command.intent === 'cancel_booking');
    if (action && cards.length > 1) text += `\n${channelText(CHANNEL_TEXTS.cardHint, message.locale, { action: action.title })}`;
  }
  const quick = message.suggestedActions ?? [];
  if (quick.length && caps.suggestedActions) {
    activity.suggestedActions = { to: [], actions: quick.map((a) => quickReply(a, caps.quickReply)) };
  } else if (quick.length) {
    text += `\n${channelText(CHANNEL_TEXTS.replyWith, message.locale, { choices: quick.map((a) => a.title).join(' / ') })}`;
  }
  activity.text = text;
  return activity;
}

function quickReply(action: ChatAction, kind: BotFrameworkCapabilities['quickReply']): CardAction {
  if (kind === 'messageBack') {
    return { type: 'messageBack', title: action.title, text: action.title, displayText: action.title, value: { o2o: action.command } };
  }
  // imBack sends the title as the user's text; the engine recognises the labels it offered.
  return { type: 'imBack', title: action.title, value: action.title };
}

/** A card as text: numbered when part of a list, facts on one line, the buttons' names last. */
export function plainCard(card: ChatCard, index?: number): string {
  const lines = [`${index ? `${index}. ` : ''}${card.title}${card.subtitle ? ` (${card.subtitle})` : ''}`];
  if (card.facts.length) lines.push(`   ${card.facts.map((f) => `${f.label}: ${f.value}`).join(' · ')}`);
  if (card.text) lines.push(`   ${card.text.replace(/\n/g, '\n   ')}`);
  if (card.actions.length) lines.push(`   → ${card.actions.map((a) => a.title).join(' | ')}`);
  return lines.join('\n');
}

/** What a client below the card's version shows instead: the title and the facts, without buttons it cannot press. */
function fallbackOf(card: ChatCard): string {
  return [card.title, ...card.facts.map((f) => `${f.label}: ${f.value}`)].join(' · ');
}
