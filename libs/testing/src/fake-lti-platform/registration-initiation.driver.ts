import { autoSubmitForm } from './auto-submit-form.util';
import { LtiBrowser, type BrowserResponse } from './lti-browser.client';
import type { DynamicRegistrationRecord } from './dynamic-registration.fake-handler';

export interface RegistrationPlatformPort {
  readonly openidConfigurationUrl: string;
  readonly registrations: readonly DynamicRegistrationRecord[];
  issueRegistrationToken(): Promise<string>;
}

export interface RegistrationInitiationOptions {
  browser?: LtiBrowser;
  /** Submit the first form of the tool's page once, as an admin confirming the tool's setup screen. */
  submitFirstForm?: boolean;
  /** Use this token instead of a fresh one (e.g. an expired or already used token). */
  registrationToken?: string;
}

export interface RegistrationInitiationResult {
  /** The URL the LMS opened (tool URL + openid_configuration + registration_token). */
  url: string;
  registrationToken: string;
  status: number;
  body: string;
  hops: BrowserResponse[];
  /** Registration calls the tool made to the platform during this initiation. */
  registrations: DynamicRegistrationRecord[];
  /** The successful one, if any. */
  registration?: DynamicRegistrationRecord;
  /** The page posts `org.imsglobal.lti.close` to the LMS window, as Dynamic Registration 1.0 asks at the end. */
  closeMessageSent: boolean;
}

/**
 * Registration initiation as Moodle and Canvas do it (LTI Dynamic Registration 1.0): open the tool's registration
 * URL in the admin's browser with `openid_configuration` and `registration_token` query parameters;
 * the tool then calls the platform back on its own.
 */
export async function registrationInitiation(
  platform: RegistrationPlatformPort,
  toolRegisterUrl: string,
  options: RegistrationInitiationOptions = {},
): Promise<RegistrationInitiationResult> {
  const browser = options.browser ?? new LtiBrowser({ embedding: 'iframe' });
  const registrationToken = options.registrationToken ?? (await platform.issueRegistrationToken());
  const url = new URL(toolRegisterUrl);
  url.searchParams.set('openid_configuration', platform.openidConfigurationUrl);
  url.searchParams.set('registration_token', registrationToken);
  const before = platform.registrations.length;

  const hops = await browser.navigate({ method: 'GET', url: url.toString(), crossSite: true });
  let last = hops[hops.length - 1];
  if (options.submitFirstForm && last.status === 200) {
    const form = autoSubmitForm.parse(last.body, last.url);
    if (form) {
      const target = new URL(form.action);
      if (form.method !== 'POST') for (const [k, v] of Object.entries(form.fields)) target.searchParams.set(k, v);
      const more = await browser.navigate({
        method: form.method === 'POST' ? 'POST' : 'GET',
        url: target.toString(),
        form: form.method === 'POST' ? form.fields : undefined,
        crossSite: true,
      });
      hops.push(...more);
      last = more[more.length - 1];
    }
  }
  const registrations = platform.registrations.slice(before);
  return {
    url: url.toString(),
    registrationToken,
    status: last.status,
    body: last.body,
    hops,
    registrations,
    registration: registrations.find((r) => r.status === 200),
    closeMessageSent: /org\.imsglobal\.lti\.close/.test(last.body),
  };
}
