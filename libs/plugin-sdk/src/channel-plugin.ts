import type { ChatConversationReference, ChatMessage } from './chat-message';

/** What a chat surface can show, so the engine's neutral message is rendered to fit. */
export interface ChannelCapabilities {
  adaptiveCards: false | '1.0' | '1.2' | '1.3' | '1.4' | '1.5';
  suggestedActions: boolean;
  markdown: boolean;
  /** Shows a typing indicator. */
  typing: boolean;
}

/**
 * One chat channel (Bot Framework, later WeCom, DingTalk, Feishu…). The conversation engine never imports an SDK.
 * Example:
 * ```ts
 * const channel = registry.channel(reference.plugin);
 * await channel.sendProactive(reference, [{ type: 'message', locale: 'en', text: 'Your workshop starts in 2 hours' }]);
 * ```
 */
export interface ChannelPlugin {
  readonly id: string;
  capabilities(channelId: string): ChannelCapabilities;
  /** Sends messages into an existing conversation outside a user's turn (reminders, notices). */
  sendProactive(reference: ChatConversationReference, messages: ChatMessage[]): Promise<void>;
}
