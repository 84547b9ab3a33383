import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';

/** A request as the handlers see it: body already read, so handlers stay synchronous-looking and testable. */
export interface FakeRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Path parameters captured by the router. */
  params: Record<string, string>;
}

/** What a handler answers; the server writes it and the recorder stores it. */
export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are serialised as JSON with `contentType` (default application/json). */
  body?: string | object;
  contentType?: string;
}

const MAX_BODY_BYTES = 1024 * 1024;
// Outgoing calls of the platform (tool JWKS) must not leave pooled sockets behind after a test.
const NO_KEEPALIVE = { http: new http.Agent({ keepAlive: false }), https: new https.Agent({ keepAlive: false }) };

/** Small HTTP helpers shared by the fake's handlers. */
export const httpIo = {
  async readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      // A fake must not be a memory sink if a test posts something absurd.
      if (size > MAX_BODY_BYTES) throw new Error('request body too large');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  },

  form(req: FakeRequest): Record<string, string> {
    return Object.fromEntries(new URLSearchParams(req.rawBody));
  },

  /** Undefined when the body is not JSON, so handlers can answer 400 themselves. */
  json(req: FakeRequest): unknown {
    try {
      return JSON.parse(req.rawBody);
    } catch {
      return undefined;
    }
  },

  mediaType(req: FakeRequest): string {
    return String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  },

  /** Accept check in the spirit of RFC 9110: absent, wildcard, JSON or the exact media type is fine. */
  accepts(req: FakeRequest, mediaType: string): boolean {
    const accept = String(req.headers.accept ?? '').toLowerCase();
    if (!accept) return true;
    return accept
      .split(',')
      .map((part) => part.split(';')[0].trim())
      .some((t) => t === '*/*' || t === 'application/*' || t === 'application/json' || t === mediaType);
  },

  bearer(req: FakeRequest): string | undefined {
    const header = String(req.headers.authorization ?? '');
    const match = /^Bearer\s+(.+)$/i.exec(header);
    return match?.[1].trim();
  },

  json200(body: object, contentType = 'application/json', headers?: Record<string, string>): FakeResponse {
    return { status: 200, body, contentType, headers };
  },

  error(status: number, error: string, description?: string, headers?: Record<string, string>): FakeResponse {
    return { status, body: { error, error_description: description }, headers };
  },

  escapeHtml(value: string): string {
    return value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
  },

  /** GET a JSON document the way a platform's back end does (used for tool key sets). */
  getJson(url: string, timeoutMs: number): Promise<{ status: number; body: unknown }> {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const req = (secure ? https : http).request(
        target,
        { method: 'GET', headers: { accept: 'application/json' }, agent: secure ? NO_KEEPALIVE.https : NO_KEEPALIVE.http, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown;
            try {
              body = JSON.parse(text);
            } catch {
              body = text;
            }
            resolve({ status: res.statusCode ?? 0, body });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms: GET ${url}`)));
      req.on('error', reject);
      req.end();
    });
  },

  html(status: number, title: string, bodyHtml: string): FakeResponse {
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${httpIo.escapeHtml(title)}</title></head><body>${bodyHtml}</body></html>`;
    return { status, body: page, contentType: 'text/html; charset=utf-8' };
  },
};
