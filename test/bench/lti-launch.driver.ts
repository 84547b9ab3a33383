import http from 'node:http';
import type { FakeLtiPlatform } from '@o2o/testing';

interface Answer {
  status: number;
  location?: string;
  body: string;
  cookies: string[];
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function send(method: 'GET' | 'POST', url: string, options: { form?: Record<string, string>; cookie?: string } = {}): Promise<Answer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const headers: Record<string, string> = { accept: 'text/html' };
  if (body) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  if (options.cookie) headers.cookie = options.cookie;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({
        status: res.statusCode ?? 0, location: res.headers.location, body: Buffer.concat(chunks).toString('utf8'),
        cookies: ([] as string[]).concat(res.headers['set-cookie'] ?? []),
      }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout ${method} ${url}`)));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The first form of a page: what a browser would submit. */
function formOf(html: string, base: string): { action: string; method: string; fields: Record<string, string> } {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`no form in ${html.slice(0, 200)}`);
  const attr = (tag: string, name: string) => unescape(new RegExp(`${name}="([^"]*)"`, 'i').exec(tag)?.[1] ?? '');
  const fields: Record<string, string> = {};
  for (const input of form[2].match(/<input\b[^>]*>/gi) ?? []) {
    const name = attr(input, 'name');
    if (name) fields[name] = attr(input, 'value');
  }
  return { action: new URL(attr(form[1], 'action'), base).toString(), method: (attr(form[1], 'method') || 'get').toUpperCase(), fields };
}

/** Cookies a browser would keep for the tool during one launch (names and values; attributes do not matter here). */
class Jar {
  private readonly values = new Map<string, string>();
  take(setCookies: string[]): void {
    for (const c of setCookies) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(c) || /max-age=0/i.test(c)) this.values.delete(name);
      else this.values.set(name, pair.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.values].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * One full LTI launch as an LMS and a browser perform it: login initiation → (tool) → platform /auth → form_post of
 * the id_token to the tool → the tool's page (after ltijs' own redirect with the ltik, for bare ltijs).
 */
export async function fullLaunch(platform: FakeLtiPlatform, clientId: string, userId: string, expect: RegExp): Promise<void> {
  const prepared = platform.prepareLaunch({ clientId, user: { id: userId, name: `Bench ${userId}` }, context: 'course-1' });
  const jar = new Jar();
  const login = await send('POST', prepared.loginUrl, { form: prepared.loginParams });
  jar.take(login.cookies);
  let authUrl: string;
  if (login.status === 302 && login.location) authUrl = login.location;
  else if (login.status === 200) {
    const form = formOf(login.body, prepared.loginUrl);
    const url = new URL(form.action);
    for (const [k, v] of Object.entries(form.fields)) url.searchParams.set(k, v);
    authUrl = url.toString();
  } else throw new Error(`login answered ${login.status}`);
  const auth = await send('GET', authUrl);
  if (auth.status !== 200) throw new Error(`auth answered ${auth.status}`);
  const post = formOf(auth.body, authUrl);
  let page = await send('POST', post.action, { form: post.fields, cookie: jar.header() });
  jar.take(page.cookies);
  for (let hops = 0; page.status === 302 && page.location && hops < 3; hops += 1) {
    page = await send('GET', new URL(page.location, post.action).toString(), { cookie: jar.header() });
    jar.take(page.cookies);
  }
  if (page.status !== 200 || !expect.test(page.body)) throw new Error(`launch answered ${page.status}: ${page.body.slice(0, 200)}`);
}
