/** What a chat surface can show, so the engine's neutral message is rendered to fit. */
export interface ChannelCapabilities {
  adaptiveCards: false | '1.0' | '1.2' | '1.3' | '1.4' | '1.5';
  suggestedActions: boolean;
  markdown: boolean;
}

/**
 * One chat channel (Bot Framework, later WeCom, DingTalk, Feishu…). The conversation engine never imports an SDK.
 * Example:
 * ```ts
 * const channel = registry.channel('botframework');
 * await channel.sendProactive(reference, message);
 * ```
 */
export interface ChannelPlugin {
  readonly id: string;
  capabilities(channelId: string): ChannelCapabilities;
  sendProactive(reference: Record<string, unknown>, message: unknown): Promise<void>;
}
