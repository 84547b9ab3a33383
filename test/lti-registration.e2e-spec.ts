import { availableDatabases, LTI_SPEC } from '@o2o/testing';
import { eventually } from './support/eventually';
import { LtiHarness, startLtiHarness } from './support/lti-harness';
import { AUTH } from './support/test-app';

const platformsOf = async (h: LtiHarness) => (await h.t.http().get('/api/v1/lti/platforms').set(AUTH)).body as Record<string, unknown>[];

describe.each(availableDatabases())('dynamic registration on %s', (kind) => {
  describe('from Moodle', () => {
    let h: LtiHarness;
    beforeAll(async () => {
      h = await startLtiHarness(kind, { register: false });
    });
    afterAll(() => h.close());

    it('registers, waits for activation, then launches', async () => {
      const result = await h.platform.registrationInitiation(`${h.toolUrl}/lti/register?tenant=default`);
      expect(result.status).toBe(200);
      expect(result.registration?.status).toBe(200);
      expect(result.closeMessageSent).toBe(true);
      expect(result.body).toContain('must activate this registration');
      const request = result.registration!.request as Record<string, unknown>;
      const config = request['https://purl.imsglobal.org/spec/lti-tool-configuration'] as Record<string, unknown>;
      expect(config.domain).toBe(new URL(h.toolUrl).host);
      expect(config.claims).not.toContain('email');
      expect(result.registration!.privacyLevel).toBe('name_only');

      const [registered] = await platformsOf(h);
      expect(registered).toMatchObject({
        issuer: h.platform.issuer, clientId: result.registration!.clientId, deploymentIds: [result.registration!.deploymentId],
        active: false, source: 'dynamic', productFamilyCode: 'moodle',
      });
      const blocked = await h.platform.launch({ clientId: result.registration!.clientId, context: 'course-1' });
      expect(blocked.status).toBe(403);
      await h.t.http().post(`/api/v1/lti/platforms/${registered.id}/activate`).set(AUTH).expect(200);
      const launched = await h.platform.launch({ clientId: result.registration!.clientId, context: 'course-1' });
      expect(launched.status).toBe(200);
      expect(launched.body).toContain('Offline sessions for Python for data analysis');
    });

    it('refuses a used registration token and a configuration it cannot read, with a page', async () => {
      const used = h.platform.registrations.find((r) => r.status === 200)!;
      const again = await h.platform.registrationInitiation(`${h.toolUrl}/lti/register`, { registrationToken: 'not-a-token' });
      expect(again.status).toBe(502);
      expect(again.body).toContain('Registration with the LMS failed');
      expect(used).toBeDefined();
      const bad = await h.t.http().get('/lti/register').query({ openid_configuration: 'ftp://nowhere.example/config' });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('https');
    });
  });

  describe('from Canvas', () => {
    let h: LtiHarness;
    beforeAll(async () => {
      h = await startLtiHarness(kind, { register: false, platform: { flavour: 'canvas' } });
    });
    afterAll(() => h.close());

    it('sends the registration token for the configuration, asks for a privacy level and placements, and launches', async () => {
      const result = await h.platform.registrationInitiation(`${h.toolUrl}/lti/register`);
      expect(result.registration?.status).toBe(200);
      expect(result.registration!.privacyLevel).toBe('name_only');
      expect(result.registration!.placements).toEqual(['course_navigation', 'link_selection', 'assignment_selection', 'editor_button']);
      const [registered] = await platformsOf(h);
      expect(registered).toMatchObject({ issuer: 'https://canvas.instructure.com', productFamilyCode: 'canvas', authServer: h.platform.authorizationServer });
      await h.t.http().post(`/api/v1/lti/platforms/${registered.id}/activate`).set(AUTH).expect(200);
      const launched = await h.platform.launch({ clientId: result.registration!.clientId, context: 'course-1', roles: [LTI_SPEC.role.instructor] });
      expect(launched.status).toBe(200);
      expect(launched.login.prepared.loginParams.lti_storage_target).toBe('post_message_forwarding');
      // The course's first launch imports its roster; Canvas wants a User-Agent on every API call.
      const call = await eventually(async () => {
        const calls = h.platform.calls({ endpoint: 'nrps' });
        expect(calls.length).toBeGreaterThan(0);
        return calls[0];
      });
      expect(call.headers['user-agent']).toMatch(/o2o-bridge.*Canvas API client/);
    });

    it('keeps several developer keys of the one Canvas issuer apart, and needs client_id to tell them apart', async () => {
      const second = await h.platform.registrationInitiation(`${h.toolUrl}/lti/register`);
      const all = await platformsOf(h);
      expect(all.map((p) => p.issuer)).toEqual(['https://canvas.instructure.com', 'https://canvas.instructure.com']);
      await h.t.http().post(`/api/v1/lti/platforms/${all[1].id}/activate`).set(AUTH).expect(200);
      expect((await h.platform.launch({ clientId: second.registration!.clientId, context: 'course-2' })).status).toBe(200);
      const ambiguous = await h.t.http().post('/lti/login').type('form')
        .send({ iss: 'https://canvas.instructure.com', login_hint: 'x', target_link_uri: `${h.toolUrl}/lti/launch` });
      expect(ambiguous.status).toBe(400);
      expect(ambiguous.text).toContain('must send client_id');
    });

    it('serves the Canvas developer-key configuration at /lti/canvas.json', async () => {
      const res = await h.t.http().get('/lti/canvas.json');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ oidc_initiation_url: `${h.toolUrl}/lti/login`, target_link_uri: `${h.toolUrl}/lti/launch`, public_jwk_url: `${h.toolUrl}/lti/keys` });
      const canvas = res.body.extensions[0];
      expect(canvas).toMatchObject({ platform: 'canvas.instructure.com', privacy_level: 'name_only' });
      expect(canvas.settings.placements.map((p: { placement: string }) => p.placement))
        .toEqual(['course_navigation', 'link_selection', 'assignment_selection', 'editor_button']);
      expect((await h.t.http().get('/lti/icon.svg')).headers['content-type']).toContain('image/svg+xml');
    });
  });
});
