import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedActivity {
  conversationId: string;
  activity: { type: string; text?: string; locale?: string; attachments?: unknown[] };
}

/**
 * A Bot Framework channel's serviceUrl on 127.0.0.1: records every activity the bot sends to a conversation
 * (POST /v3/conversations/{id}/activities[/{replyTo}]) and answers like the real connector. Also takes webhook
 * POSTs on /webhook.
 */
export class ServiceUrlRecorder {
  readonly received: RecordedActivity[] = [];
  /** JSON bodies POSTed to /webhook (the tenant admins' handoff endpoint in tests). */
  readonly hooks: Record<string, unknown>[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const m = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        if (req.method === 'POST' && m) {
          this.received.push({ conversationId: decodeURIComponent(m[1]), activity: JSON.parse(body || '{}') });
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `a-${this.received.length}` }));
          return;
        }
        if (req.method === 'POST' && req.url === '/webhook') {
          this.hooks.push(JSON.parse(body || '{}'));
          res.writeHead(204).end();
          return;
        }
        res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  messages(conversationId?: string): RecordedActivity['activity'][] {
    return this.received.filter((r) => r.activity.type === 'message' && (!conversationId || r.conversationId === conversationId)).map((r) => r.activity);
  }

  /** Polls until `count` messages arrived (jobs run on a 50 ms poll in tests). */
  async waitFor(count: number, conversationId?: string, timeoutMs = 10_000): Promise<RecordedActivity['activity'][]> {
    const until = Date.now() + timeoutMs;
    while (this.messages(conversationId).length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    return this.messages(conversationId);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
