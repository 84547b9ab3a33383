/**
 * Where the browser runs the tool. LMS launches are cross-site in production, which decides which
 * cookies survive; tests on 127.0.0.1 would be same-site, so the embedding is simulated explicitly.
 * - `iframe`: tool inside the LMS page (third-party context): only `SameSite=None; Secure` cookies are
 *   stored or sent on cross-site requests; with `blockThirdPartyCookies` none at all.
 * - `top-level`: tool opened in a new window: cross-site POSTs carry only `SameSite=None` cookies,
 *   cross-site GETs also carry `Lax` (the default when SameSite is absent).
 * - `same-site`: no SameSite rules (a tool and LMS on one site).
 */
export type Embedding = 'iframe' | 'top-level' | 'same-site';

export interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite?: 'Strict' | 'Lax' | 'None';
  expiresAt?: number;
}

export interface CookieContext {
  url: URL;
  method: string;
  /** The request was started from another site (the LMS), directly or through a redirect chain. */
  crossSite: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** RFC 6265 cookie storage with the SameSite/Secure behaviour of current Chromium and Firefox. */
export class CookieJar {
  private cookies: StoredCookie[] = [];

  constructor(
    private readonly embedding: Embedding,
    private readonly blockThirdPartyCookies: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores one Set-Cookie header; returns the reason when a browser would refuse it. */
  store(header: string, ctx: CookieContext): { cookie?: StoredCookie; blocked?: string } {
    const [pair, ...attrs] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq < 1) return { blocked: 'malformed cookie' };
    const cookie: StoredCookie = {
      name: pair.slice(0, eq).trim(),
      value: pair.slice(eq + 1).trim(),
      domain: ctx.url.hostname.toLowerCase(),
      hostOnly: true,
      path: CookieJar.defaultPath(ctx.url.pathname),
      secure: false,
      httpOnly: false,
    };
    for (const attr of attrs) {
      const [rawKey, ...rest] = attr.split('=');
      const key = rawKey.trim().toLowerCase();
      const value = rest.join('=').trim();
      if (key === 'path' && value.startsWith('/')) cookie.path = value;
      else if (key === 'domain' && value) {
        const domain = value.replace(/^\./, '').toLowerCase();
        if (!CookieJar.domainMatches(ctx.url.hostname.toLowerCase(), domain)) return { blocked: `Domain=${value} does not match the host` };
        cookie.domain = domain;
        cookie.hostOnly = false;
      } else if (key === 'max-age' && /^-?\d+$/.test(value)) cookie.expiresAt = this.now() + Number(value) * 1000;
      else if (key === 'expires' && cookie.expiresAt === undefined && !Number.isNaN(Date.parse(value))) cookie.expiresAt = Date.parse(value);
      else if (key === 'secure') cookie.secure = true;
      else if (key === 'httponly') cookie.httpOnly = true;
      else if (key === 'samesite') {
        const v = value.toLowerCase();
        cookie.sameSite = v === 'none' ? 'None' : v === 'strict' ? 'Strict' : 'Lax';
      }
    }
    if (cookie.secure && !CookieJar.isTrustworthy(ctx.url)) return { blocked: 'Secure cookie from an insecure origin' };
    if (cookie.sameSite === 'None' && !cookie.secure) return { blocked: 'SameSite=None requires Secure' };
    if (this.isCrossSite(ctx) && this.embedding === 'iframe') {
      if (this.blockThirdPartyCookies) return { blocked: 'third-party cookies are blocked' };
      if (cookie.sameSite !== 'None') return { blocked: `SameSite=${cookie.sameSite ?? 'Lax (default)'} cookie set in a cross-site iframe` };
    }
    this.cookies = this.cookies.filter(
      (c) => !(c.name === cookie.name && c.domain === cookie.domain && c.path === cookie.path),
    );
    // Max-Age<=0 or a past Expires is how servers delete cookies.
    if (cookie.expiresAt === undefined || cookie.expiresAt > this.now()) this.cookies.push(cookie);
    return { cookie };
  }

  /** Value of the Cookie header for this request (empty string when nothing is sent). */
  header(ctx: CookieContext): string {
    return this.matching(ctx)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  matching(ctx: CookieContext): StoredCookie[] {
    return this.forUrl(ctx.url).filter((c) => {
      if (!this.isCrossSite(ctx) || this.embedding === 'same-site') return true;
      if (this.embedding === 'iframe') return !this.blockThirdPartyCookies && c.sameSite === 'None';
      if (c.sameSite === 'None') return true;
      return c.sameSite !== 'Strict' && ctx.method === 'GET';
    });
  }

  /** Cookies stored for a URL by host, path and Secure only (for inspection; ignores SameSite). */
  forUrl(url: URL): StoredCookie[] {
    const host = url.hostname.toLowerCase();
    return this.all().filter(
      (c) =>
        (c.hostOnly ? c.domain === host : CookieJar.domainMatches(host, c.domain)) &&
        CookieJar.pathMatches(url.pathname, c.path) &&
        (!c.secure || CookieJar.isTrustworthy(url)),
    );
  }

  all(): StoredCookie[] {
    const now = this.now();
    this.cookies = this.cookies.filter((c) => c.expiresAt === undefined || c.expiresAt > now);
    return [...this.cookies];
  }

  clear(predicate: (cookie: StoredCookie) => boolean = () => true): number {
    const before = this.cookies.length;
    this.cookies = this.cookies.filter((c) => !predicate(c));
    return before - this.cookies.length;
  }

  /** Inside an LMS iframe every request to the tool is third-party: the top-level site is the LMS. */
  private isCrossSite(ctx: CookieContext): boolean {
    return ctx.crossSite || this.embedding === 'iframe';
  }

  /** Browsers treat loopback as a secure context, so Secure cookies work on http://127.0.0.1. */
  private static isTrustworthy(url: URL): boolean {
    return url.protocol === 'https:' || LOOPBACK.has(url.hostname);
  }

  private static domainMatches(host: string, domain: string): boolean {
    return host === domain || (host.endsWith(`.${domain}`) && !/^[\d.]+$/.test(host));
  }

  private static pathMatches(requestPath: string, cookiePath: string): boolean {
    if (requestPath === cookiePath) return true;
    if (!requestPath.startsWith(cookiePath)) return false;
    return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
  }

  private static defaultPath(path: string): string {
    if (!path.startsWith('/') || path.lastIndexOf('/') === 0) return '/';
    return path.slice(0, path.lastIndexOf('/'));
  }
}
