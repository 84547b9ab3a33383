import { autoSubmitForm, type AutoSubmitForm } from './auto-submit-form.util';
import type { BrowserResponse, LtiBrowser } from './lti-browser.client';
import type { PreparedLaunch } from './launch.preparer';
import type { AuthResponseRecord } from './oidc-auth.fake-handler';

/** The parts of the platform the login driver needs (kept narrow so the driver has no server import). */
export interface LoginPlatformPort {
  readonly authEndpoint: string;
  readonly authResponses: readonly AuthResponseRecord[];
}

export interface LoginOutcome {
  prepared: PreparedLaunch;
  /** Every response from the login initiation request up to and including the platform's /auth answer. */
  hops: BrowserResponse[];
  /** The platform's /auth answer (auto-submitting form_post page, or an error page). */
  authResponse?: BrowserResponse;
  /** What the platform recorded for that /auth call (decoded claims, requested nonce, error). */
  authRecord?: AuthResponseRecord;
  /** The form the page would submit: `action` = tool redirect_uri, `fields` = id_token + state (or error). */
  formPost?: AutoSubmitForm;
  /** Why the flow stopped before a form_post, when it did. */
  failure?: string;
}

/**
 * Third-party initiated login (Security Framework 1.0 §5.1.1): send the login parameters to the tool
 * as the LMS page would (GET link or auto-submitted POST form), follow the tool to the platform's
 * authorization endpoint, and read back the form_post the platform answers with.
 */
export async function initiateLogin(
  platform: LoginPlatformPort,
  browser: LtiBrowser,
  prepared: PreparedLaunch,
  method: 'GET' | 'POST' = 'POST',
): Promise<LoginOutcome> {
  const before = platform.authResponses.length;
  const loginUrl = new URL(prepared.loginUrl);
  if (method === 'GET') for (const [k, v] of Object.entries(prepared.loginParams)) loginUrl.searchParams.set(k, v);
  const hops = await browser.navigate({
    method,
    url: loginUrl.toString(),
    form: method === 'POST' ? { ...prepared.loginParams } : undefined,
    crossSite: true,
  });
  const isAuth = (url: string): boolean => url.split('?')[0] === platform.authEndpoint;

  let authResponse = hops.find((h) => isAuth(h.url));
  if (!authResponse) {
    // Some tools answer the login with a form that POSTs the authentication request.
    const last = hops[hops.length - 1];
    const form = last.status === 200 ? autoSubmitForm.parse(last.body, last.url) : undefined;
    if (form && isAuth(form.action)) {
      const more = await browser.navigate({ method: form.method === 'POST' ? 'POST' : 'GET', url: withQuery(form), form: form.method === 'POST' ? form.fields : undefined, crossSite: true });
      hops.push(...more);
      authResponse = more.find((h) => isAuth(h.url));
    }
  }
  const outcome: LoginOutcome = { prepared, hops, authResponse };
  if (!authResponse) {
    const last = hops[hops.length - 1];
    outcome.failure = `tool login answered ${last.status} without reaching ${platform.authEndpoint}`;
    return outcome;
  }
  outcome.authRecord = platform.authResponses.length > before ? platform.authResponses[platform.authResponses.length - 1] : undefined;
  outcome.formPost = authResponse.status === 200 ? autoSubmitForm.parse(authResponse.body, authResponse.url) : undefined;
  if (!outcome.formPost) outcome.failure = `platform /auth refused the request (${authResponse.status}): ${outcome.authRecord?.errorDescription ?? ''}`;
  else if (outcome.formPost.fields.error) outcome.failure = `platform /auth answered ${outcome.formPost.fields.error}: ${outcome.formPost.fields.error_description}`;
  return outcome;
}

function withQuery(form: AutoSubmitForm): string {
  if (form.method === 'POST') return form.action;
  const url = new URL(form.action);
  for (const [k, v] of Object.entries(form.fields)) url.searchParams.set(k, v);
  return url.toString();
}
