import type { IncomingHttpHeaders } from 'node:http';
import { LtiBrowser, type BrowserResponse, type LtiBrowserOptions } from './lti-browser.client';
import { initiateLogin, type LoginOutcome, type LoginPlatformPort } from './login-initiation.driver';
import type { StoredCookie } from './cookie.jar';
import type { LtiIdTokenClaims } from './id-token.builder';
import type { LaunchCase } from './launch-mutation.types';
import type { LaunchRequestSpec, PreparedLaunch } from './launch.preparer';

export interface LaunchPlatformPort extends LoginPlatformPort {
  readonly flavour: string;
  prepareLaunch(spec: LaunchRequestSpec): PreparedLaunch;
}

export interface LaunchOptions extends LaunchRequestSpec {
  /** Reuse a browser (cookie jar) across launches; a fresh `iframe` browser otherwise. */
  browser?: LtiBrowser;
  browserOptions?: LtiBrowserOptions;
  /** How the LMS page sends the login initiation (default POST for Moodle/Canvas, GET otherwise). */
  loginMethod?: 'GET' | 'POST';
  /** Follow the tool's redirects after the form_post, as a browser does (default true). */
  followRedirects?: boolean;
  /** A catalogue case; its mutation is applied (and wins over `mutation`). */
  case?: LaunchCase;
}

export interface LaunchResult {
  /** Final response (after redirects when followRedirects is on). */
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  url: string;
  location?: string;
  /** Cookies the browser holds for the final URL after the launch. */
  cookies: StoredCookie[];
  /** Cookies the browser refused during the whole flow, with the reason (SameSite, Secure...). */
  blockedCookies: { cookie: string; reason: string }[];
  /** The tool's direct answer to the form_post (before any redirect). */
  launchResponse?: BrowserResponse;
  login: LoginOutcome;
  idToken?: string;
  claims?: LtiIdTokenClaims;
  state?: string;
  hops: BrowserResponse[];
  browser: LtiBrowser;
}

/**
 * The whole LTI 1.3 launch as a browser in an LMS performs it: login initiation -> tool redirect to
 * /auth -> platform form_post of id_token + state -> POST to the tool's redirect_uri (with the
 * cookies the tool set at login) -> the tool's redirects.
 */
export async function launch(platform: LaunchPlatformPort, options: LaunchOptions = {}): Promise<LaunchResult> {
  const { browser: given, browserOptions, loginMethod, followRedirects = true, case: launchCase, ...spec } = options;
  const mutation = launchCase?.mutation ?? spec.mutation ?? {};
  if (mutation.flow?.requiresPriorLaunch) {
    const { mutation: _m, ...validSpec } = spec;
    const prior = await launch(platform, { ...validSpec, browserOptions, loginMethod, followRedirects });
    if (!prior.idToken) throw new Error(`prior launch failed: ${prior.login.failure ?? prior.status}`);
  }
  const browser = given ?? new LtiBrowser(browserOptions);
  const historyStart = browser.history.length;
  const prepared = platform.prepareLaunch({ ...spec, mutation });
  const method = loginMethod ?? (platform.flavour === 'generic' ? 'GET' : 'POST');
  const login = await initiateLogin(platform, browser, prepared, method);

  const finish = (hops: BrowserResponse[], launchResponse?: BrowserResponse): LaunchResult => {
    const last = hops[hops.length - 1];
    const all = browser.history.slice(historyStart);
    return {
      status: last.status,
      headers: last.headers,
      body: last.body,
      url: last.url,
      location: last.location,
      cookies: browser.cookies(last.url),
      blockedCookies: all.flatMap((r) => r.blockedCookies),
      launchResponse,
      login,
      idToken: login.authRecord?.idToken,
      claims: login.authRecord?.claims,
      state: login.formPost?.fields.state,
      hops: all,
      browser,
    };
  };
  if (!login.formPost) return finish(login.hops);

  if (mutation.flow?.dropStateCookie) {
    // The cookies the tool set while handling login are the state/nonce binding; a browser that lost
    // them (blocked, expired, other tab) arrives at the launch without them.
    const names = new Set(login.hops.flatMap((h) => h.setCookies.map((c) => c.split('=')[0].trim())));
    const toolHost = new URL(prepared.loginUrl).hostname;
    browser.clearCookies((c) => names.has(c.name) && c.domain === toolHost);
  }
  const post = { method: 'POST' as const, url: login.formPost.action, form: login.formPost.fields, crossSite: true };
  const hops = followRedirects ? await browser.navigate(post) : [await browser.request(post)];
  return finish(hops, hops[0]);
}
