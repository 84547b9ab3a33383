/**
 * The channel-neutral conversation model shared by the conversation engine (libs/bot) and every channel plugin.
 * Plain data only: no chat SDK type may appear here, so a WeCom or Microsoft 365 Agents plugin can render the same
 * messages without the engine changing.
 */

export type ChatLocale = 'en' | 'zh-CN';

/** What pressing a button means, carried back to the engine unchanged in the next turn (card submit data). */
export interface ChatCommand {
  /** An intent name of the engine (e.g. `book`, `session_details`, `confirm_yes`). */
  intent: string;
  sessionId?: string;
  bookingId?: string;
  topic?: string;
  city?: string;
  courseId?: string;
  locale?: ChatLocale;
}

export interface ChatAction {
  title: string;
  command: ChatCommand;
  /** A hint for surfaces that colour buttons (Adaptive Cards `style`). */
  style?: 'default' | 'positive' | 'destructive';
}

export interface ChatCardFact {
  label: string;
  value: string;
}

/** One item (an offline session, a booking) with its facts and the buttons that act on it. */
export interface ChatCard {
  title: string;
  subtitle?: string;
  text?: string;
  facts: ChatCardFact[];
  actions: ChatAction[];
}

export interface ChatTextMessage {
  type: 'message';
  locale: ChatLocale;
  text: string;
  cards?: ChatCard[];
  /** Quick replies shown under the message; surfaces without them list the titles in the text. */
  suggestedActions?: ChatAction[];
}

export interface ChatTypingMessage {
  type: 'typing';
}

export type ChatMessage = ChatTextMessage | ChatTypingMessage;

/**
 * Where a conversation lives, in a neutral form that is stored (JSON) and later handed back to the same plugin
 * for proactive messages. `plugin` names the channel plugin that can use it.
 */
export interface ChatConversationReference {
  plugin: string;
  /** The channel inside the plugin, e.g. `msteams`, `webchat`, `emulator`. */
  channelId: string;
  serviceUrl?: string;
  conversationId: string;
  userId: string;
  userName?: string;
  botId?: string;
  botName?: string;
  /** The channel's own tenant (e.g. the Teams/Entra tenant), not an o2o-bridge tenant. */
  channelTenantId?: string;
  locale?: string;
}

/** One inbound turn, as a channel plugin hands it to the engine. */
export interface ChatTurn {
  kind: 'message' | 'conversation_start';
  text?: string;
  /** A pressed button or submitted card, already recognised as the engine's own command. */
  command?: ChatCommand;
  /** The client's UI language (activity locale), if it said. */
  locale?: string;
  reference: ChatConversationReference;
  /** o2o-bridge tenant slug or id the endpoint was called for (e.g. `/api/messages?tenant=acme`). */
  tenant?: string;
}
