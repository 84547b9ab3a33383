import { DataSource } from 'typeorm';
import { availableDatabases, LtiBrowser } from '@o2o/testing';
import { eventually } from './support/eventually';
import { launchTableCounts, LtiHarness, startLtiHarness } from './support/lti-harness';
import { formsOf } from './support/lti-page';

/**
 * The launch through LTI Platform Storage when the browser refuses the state cookie (the browser's part, reading
 * platform storage, is what the Chromium test runs; here its result is posted as the page's script would, and every
 * forgery of it is refused with the error page, storing nothing).
 */
describe.each(availableDatabases())('LTI launch through platform storage on %s', (kind) => {
  let h: LtiHarness;
  let user = 0;
  const counts = () => launchTableCounts(h);

  /** A launch whose login named platform storage, in a browser that blocks third-party cookies: ends at step one. */
  const firstStep = async (extraLoginParams: Record<string, string> = { lti_storage_target: '_parent' }) => {
    const result = await h.platform.launch({
      user: { id: `storage-user-${++user}` }, context: 'course-1', extraLoginParams, browserOptions: { blockThirdPartyCookies: true },
    });
    expect(result.blockedCookies.length).toBeGreaterThan(0);
    const request = result.login.authRecord!.request;
    return { result, stored: { state: request.state, nonce: request.nonce } };
  };
  const secondStep = (form: Record<string, string>, headers: Record<string, string> = { origin: h.toolUrl, 'sec-fetch-site': 'same-origin' }) =>
    fetch(`${h.toolUrl}/lti/launch/storage`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form), redirect: 'manual',
    });
  const formOf = (page: { body: string; url: string }) => formsOf(page).find((f) => f.action.endsWith('/lti/launch/storage'))!;

  beforeAll(async () => {
    h = await startLtiHarness(kind);
    expect((await h.platform.launch({ user: { id: 'u-ann' }, context: 'course-1' })).status).toBe(200);
    await eventually(async () => {
      const [{ n }] = await h.t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM "lti_roster_import" WHERE "status" = 'done'`);
      expect(Number(n)).toBe(1);
    });
  });
  afterAll(() => h.close());

  it('answers the cookie-less launch with a page reading platform storage, stores nothing, then launches once', async () => {
    const before = await counts();
    const { result, stored } = await firstStep();
    expect(result.status).toBe(200);
    expect(result.headers['content-security-policy']).toMatch(/script-src 'nonce-[^']+'/);
    expect(result.body).toContain('lti.get_data');
    expect(result.body).toContain(JSON.stringify(`state-${stored.state}`));
    expect(result.body).toContain(JSON.stringify(new URL(h.platform.toolConfig().authorizationEndpoint).origin));
    const form = formOf(result);
    expect(form.fields).toMatchObject({ state: stored.state, lti_storage_target: '_parent', storage_state: '', storage_nonce: '' });
    expect(await counts()).toEqual(before);

    const launched = await secondStep({ ...form.fields, storage_state: stored.state, storage_nonce: stored.nonce });
    expect(launched.status).toBe(200);
    expect(await launched.text()).toContain('Offline sessions for Python for data analysis');
    const after = await counts();
    expect(after.lti_session).toBe(before.lti_session + 1);

    // The same second step again: the nonce was used.
    const replay = await secondStep({ ...form.fields, storage_state: stored.state, storage_nonce: stored.nonce });
    expect(replay.status).toBe(401);
    expect(await replay.text()).toContain('This launch was already used');
    expect(await counts()).toEqual(after);
  });

  it.each([
    ['a state platform storage does not hold', (f: Record<string, string>, s: { state: string; nonce: string }) => ({ ...f, storage_state: `${s.state}0`, storage_nonce: s.nonce }), 401, 'The sign-in state does not match'],
    ['a nonce platform storage does not hold', (f: Record<string, string>, s: { state: string; nonce: string }) => ({ ...f, storage_state: s.state, storage_nonce: 'x' }), 401, 'The sign-in state does not match'],
    ['no values read from platform storage', (f: Record<string, string>) => f, 401, 'The sign-in state does not match'],
    ['another state for the same token', (f: Record<string, string>, s: { state: string; nonce: string }) => ({ ...f, state: 'f'.repeat(50), storage_state: 'f'.repeat(50), storage_nonce: s.nonce }), 401, 'does not belong to the sign-in'],
  ])('refuses %s and stores nothing', async (_label, forge, status, text) => {
    const { result, stored } = await firstStep();
    const before = await counts();
    const answer = await secondStep(forge(formOf(result).fields, stored));
    expect(answer.status).toBe(status);
    const body = await answer.text();
    expect(body).toContain(text);
    expect(body).toMatch(/Support reference: [0-9a-f]{10}/);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['from another site (Sec-Fetch-Site)', { origin: 'null', 'sec-fetch-site': 'cross-site' }],
    ['from the LMS origin', { origin: 'http://127.0.0.1:1' }],
    ['with no origin at all', {}],
  ])('refuses the second step posted %s', async (_label, headers) => {
    const { result, stored } = await firstStep();
    const before = await counts();
    const answer = await secondStep({ ...formOf(result).fields, storage_state: stored.state, storage_nonce: stored.nonce }, headers);
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('must come from the tool');
    expect(await counts()).toEqual(before);
  });

  it('keeps the cookie refusal for a login that did not name platform storage, and its token cannot take the storage path', async () => {
    const { result, stored } = await firstStep({});
    expect(result.status).toBe(401);
    expect(result.body).toContain('did not keep the sign-in cookie');
    const fields = { id_token: result.login.formPost!.fields.id_token, state: stored.state, storage_state: stored.state, storage_nonce: stored.nonce };
    const before = await counts();
    const answer = await secondStep(fields);
    expect(answer.status).toBe(401);
    expect(await answer.text()).toContain('The sign-in state does not match');
    expect(await counts()).toEqual(before);
  });

  it('still launches on the cookie when the browser keeps it, even though the login named platform storage', async () => {
    const browser = new LtiBrowser();
    const result = await h.platform.launch({ browser, user: { id: `storage-user-${++user}` }, context: 'course-1', extraLoginParams: { lti_storage_target: '_parent' } });
    expect(result.status).toBe(200);
    expect(result.body).toContain('Offline sessions for Python for data analysis');
    // The login page carries the platform storage step for browsers that refuse the cookie.
    expect(result.login.hops[0].body).toContain('lti.put_data');
  });
});
