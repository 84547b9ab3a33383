import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { autoSubmitForm } from './auto-submit-form.util';
import { CookieJar, type Embedding, type StoredCookie } from './cookie.jar';

const NO_KEEPALIVE_HTTP = new http.Agent({ keepAlive: false });
const NO_KEEPALIVE_HTTPS = new https.Agent({ keepAlive: false });

export interface LtiBrowserOptions {
  /** Default `iframe`: how LMSs embed tools, and the strictest case for cookies. */
  embedding?: Embedding;
  blockThirdPartyCookies?: boolean;
  timeoutMs?: number;
  /** Time source for cookie expiry (share the platform clock to expire cookies without waiting). */
  now?: () => number;
}

export interface BrowserRequest {
  method: 'GET' | 'POST';
  url: string;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Started by the LMS page (login initiation, form_post) rather than by the tool's own pages. */
  crossSite?: boolean;
}

export interface BrowserResponse {
  method: string;
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  location?: string;
  setCookies: string[];
  blockedCookies: { cookie: string; reason: string }[];
}

/**
 * A minimal browser for driving LTI flows against real HTTP servers: a cookie jar with SameSite
 * rules, form posts and redirect following. It does not run scripts; auto-submitting forms are read
 * with `autoSubmitForm.parse` and submitted by the drivers, which is what the script would do.
 */
export class LtiBrowser {
  readonly jar: CookieJar;
  readonly history: BrowserResponse[] = [];
  private readonly timeoutMs: number;

  constructor(options: LtiBrowserOptions = {}) {
    this.jar = new CookieJar(options.embedding ?? 'iframe', options.blockThirdPartyCookies ?? false, options.now);
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async request(req: BrowserRequest): Promise<BrowserResponse> {
    const url = new URL(req.url);
    const ctx = { url, method: req.method, crossSite: req.crossSite ?? false };
    const body = req.form ? new URLSearchParams(req.form).toString() : undefined;
    const headers: Record<string, string> = { accept: 'text/html,application/json;q=0.9,*/*;q=0.8', ...req.headers };
    const cookie = this.jar.header(ctx);
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const raw = await this.send(url, req.method, headers, body);
    const setCookies = ([] as string[]).concat(raw.headers['set-cookie'] ?? []);
    const blockedCookies: BrowserResponse['blockedCookies'] = [];
    for (const header of setCookies) {
      const stored = this.jar.store(header, ctx);
      if (stored.blocked) blockedCookies.push({ cookie: header.split(';')[0], reason: stored.blocked });
    }
    const location = raw.headers.location ? new URL(raw.headers.location, url).toString() : undefined;
    const response: BrowserResponse = { method: req.method, url: url.toString(), ...raw, location, setCookies, blockedCookies };
    this.history.push(response);
    return response;
  }

  /**
   * Sends a request and follows redirects like a browser: 307/308 keep method and body, other 3xx
   * become GET. A chain that started cross-site stays cross-site (Chromium's redirect-chain rule).
   */
  async navigate(req: BrowserRequest, maxRedirects = 10): Promise<BrowserResponse[]> {
    const hops: BrowserResponse[] = [];
    let current: BrowserRequest = req;
    for (let i = 0; i <= maxRedirects; i += 1) {
      const res = await this.request(current);
      hops.push(res);
      if (res.status < 300 || res.status >= 400 || !res.location) return hops;
      const keep = res.status === 307 || res.status === 308;
      current = { method: keep ? current.method : 'GET', url: res.location, form: keep ? current.form : undefined, crossSite: current.crossSite };
    }
    throw new Error(`more than ${maxRedirects} redirects starting at ${req.url}`);
  }

  /**
   * Submits the first form of a page as its auto-submit script would (e.g. the tool's deep linking
   * response page that posts `JWT` to the platform's deep_link_return_url).
   */
  async submitForm(page: BrowserResponse, crossSite = true): Promise<BrowserResponse[]> {
    const form = autoSubmitForm.parse(page.body, page.url);
    if (!form) throw new Error(`no form in the page from ${page.url}`);
    const url = new URL(form.action);
    if (form.method !== 'POST') for (const [k, v] of Object.entries(form.fields)) url.searchParams.set(k, v);
    return this.navigate({
      method: form.method === 'POST' ? 'POST' : 'GET',
      url: url.toString(),
      form: form.method === 'POST' ? form.fields : undefined,
      crossSite,
    });
  }

  cookies(url?: string): StoredCookie[] {
    return url ? this.jar.forUrl(new URL(url)) : this.jar.all();
  }

  clearCookies(predicate?: (cookie: StoredCookie) => boolean): number {
    return this.jar.clear(predicate);
  }

  private send(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
    const client = url.protocol === 'https:' ? https : http;
    // No keep-alive: pooled sockets would keep the tool's server (and Jest) from shutting down.
    const agent = url.protocol === 'https:' ? NO_KEEPALIVE_HTTPS : NO_KEEPALIVE_HTTP;
    return new Promise((resolve, reject) => {
      const request = client.request(url, { method, headers, agent, timeout: this.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      request.on('timeout', () => request.destroy(new Error(`timeout after ${this.timeoutMs} ms: ${method} ${url}`)));
      request.on('error', reject);
      if (body !== undefined) request.write(body);
      request.end();
    });
  }
}
