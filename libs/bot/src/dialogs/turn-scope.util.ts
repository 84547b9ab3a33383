import type { Locale } from '@o2o/i18n';
import type { Tenant } from '@o2o/core';
import type { ChatAction, ChatCard, ChatConversationReference, ChatMessage, ChatTextMessage } from '@o2o/plugin-sdk';
import type { CatalogueSnapshot } from '../catalogue/catalogue.snapshot';
import type { ConversationState } from '../state/conversation-state.types';
import type { LoadedConversation } from '../state/conversation.store';
import type { TurnLink } from '../state/user-link.store';
import { say } from '../text/say.util';
import type { Understanding } from './understanding.mapper';

/** Everything a dialog step may look at or change during one turn. `state` is this turn's working copy. */
export interface TurnScope {
  tenant: Tenant;
  conversation: LoadedConversation;
  state: ConversationState;
  locale: Locale;
  link: TurnLink | null;
  catalogue: CatalogueSnapshot;
  now: Date;
  reference: ChatConversationReference;
}

export interface EffectResult {
  replies: ChatMessage[];
  /** Carry on as if the user had pressed this (e.g. the booking they wanted before linking). */
  followUp?: Understanding;
}

/**
 * What a dialog step answers. Replies go out as they are; `effect` (a booking, a cancellation, a link) runs only
 * after the new state has been saved, so a double-clicked "Yes" can never book twice.
 */
export interface StepResult {
  replies: ChatMessage[];
  effect?: () => Promise<EffectResult>;
}

export function text(scope: TurnScope, key: string, params: Record<string, unknown> = {}, extra: { cards?: ChatCard[]; actions?: ChatAction[] } = {}): ChatTextMessage {
  const message: ChatTextMessage = { type: 'message', locale: scope.locale, text: say(scope.locale, key, params) };
  if (extra.cards?.length) message.cards = extra.cards;
  if (extra.actions?.length) message.suggestedActions = extra.actions;
  return message;
}

/** A quick reply that means an intent (labels from the bot texts, in the reader's language). */
export function intentAction(scope: TurnScope, intent: string, extra: Omit<ChatAction['command'], 'intent'> = {}): ChatAction {
  return { title: say(scope.locale, `bot.intent.${intent}`), command: { intent, ...extra } };
}

export function yesNo(scope: TurnScope): ChatAction[] {
  return [
    { ...intentAction(scope, 'confirm_yes'), style: 'positive' },
    intentAction(scope, 'confirm_no'),
  ];
}

export const reply = (...replies: ChatMessage[]): StepResult => ({ replies });
