import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

/** An activity as the bot sends it back (the parts the tests look at). */
export interface BotReply {
  type: string;
  text?: string;
  locale?: string;
  attachments?: { contentType: string; content: AdaptiveCard }[];
  suggestedActions?: { actions: { type: string; title: string; value?: unknown }[] };
}

export interface AdaptiveCard {
  version: string;
  fallbackText: string;
  body: { type: string; text?: string; facts?: { title: string; value: string }[] }[];
  actions: { type: string; title: string; data: { o2o: Record<string, unknown> } }[];
}

export interface ChatOptions {
  channelId?: string;
  locale?: string;
  /** Where the channel would take normal (not buffered) replies; proactive messages go here too. */
  serviceUrl?: string;
  tenant?: string;
  userId?: string;
  headers?: Record<string, string>;
}

/**
 * One chat user in one conversation, talking to the real host over HTTP: activities are POSTed to /api/messages
 * with deliveryMode expectReplies and the bot's replies read from the response, as a Direct Line client would.
 */
export class BotChat {
  readonly conversationId = `conv-${randomUUID()}`;
  readonly userId: string;
  last: BotReply[] = [];

  /** Pass a function to follow a test that restarts the host (the chat carries on against the new one). */
  constructor(private readonly app: TestApp | (() => TestApp), private readonly options: ChatOptions = {}) {
    this.userId = options.userId ?? `user-${randomUUID().slice(0, 8)}`;
  }

  private get t(): TestApp {
    return typeof this.app === 'function' ? this.app() : this.app;
  }

  activity(extra: Record<string, unknown>): Record<string, unknown> {
    return {
      type: 'message', id: randomUUID(), timestamp: new Date().toISOString(),
      channelId: this.options.channelId ?? 'webchat',
      serviceUrl: this.options.serviceUrl ?? 'http://127.0.0.1:9/unused',
      conversation: { id: this.conversationId }, from: { id: this.userId, name: 'Test User' },
      recipient: { id: 'o2o-bot', name: 'o2o-bridge' }, locale: this.options.locale ?? 'en-US',
      deliveryMode: 'expectReplies', ...extra,
    };
  }

  async post(activity: Record<string, unknown>) {
    const path = this.options.tenant ? `/api/messages?tenant=${this.options.tenant}` : '/api/messages';
    return this.t.http().post(path).set(this.options.headers ?? {}).send(activity);
  }

  async say(text: string): Promise<BotReply[]> {
    return this.expect200(await this.post(this.activity({ text })));
  }

  /** Presses a card button or a quick reply: its data goes back as the activity's value, as Web Chat does. */
  async press(command: Record<string, unknown>): Promise<BotReply[]> {
    return this.expect200(await this.post(this.activity({ value: { o2o: command } })));
  }

  private expect200(res: { status: number; body: { activities?: BotReply[] } }): BotReply[] {
    if (res.status !== 200) throw new Error(`bot answered ${res.status}: ${JSON.stringify(res.body)}`);
    this.last = (res.body.activities ?? []).filter((a) => a.type === 'message');
    return this.last;
  }
}

export const texts = (replies: BotReply[]) => replies.map((r) => r.text ?? '').join('\n');
export const cards = (replies: BotReply[]) => replies.flatMap((r) => r.attachments ?? []).map((a) => a.content);
/** The command behind the first card button whose data says `intent`. */
export function cardCommand(replies: BotReply[], intent: string, index = 0): Record<string, unknown> {
  const found = cards(replies).map((c) => c.actions.find((a) => a.data.o2o.intent === intent)).filter(Boolean)[index];
  if (!found) throw new Error(`no "${intent}" button in ${JSON.stringify(cards(replies).map((c) => c.actions))}`);
  return found.data.o2o;
}
export const quickReplies = (replies: BotReply[]) => replies.flatMap((r) => r.suggestedActions?.actions ?? []).map((a) => a.title);
