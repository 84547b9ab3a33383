import type { ChatMessage, ChatTurn } from './chat-message';

/**
 * The conversation engine as a channel plugin sees it. libs/bot provides the implementation under this token, so
 * plugins depend on the SDK only and never on the engine's internals.
 * Example:
 * ```ts
 * constructor(private readonly engine: ChatEngine) {}
 * const replies = await this.engine.handle({ kind: 'message', text: 'hi', reference });
 * ```
 */
export abstract class ChatEngine {
  abstract handle(turn: ChatTurn): Promise<ChatMessage[]>;
}
