import { DataSource } from 'typeorm';
import { JobQueue } from '@o2o/jobs';
import { FakeLtiPlatform, LTI_SPEC, type FakeLtiPlatformOptions } from '@o2o/testing';
import type { DatabaseKind } from '@o2o/testing';
import { freePort } from './free-port';
import { AUTH, createTestApp, TestApp } from './test-app';

export interface LtiHarness {
  t: TestApp;
  platform: FakeLtiPlatform;
  toolUrl: string;
  registrationId: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  platform?: FakeLtiPlatformOptions;
  clientId?: string;
  deploymentIds?: string[];
  customParameters?: Record<string, string>;
  /** Register in the tool through the API and activate (default true). */
  register?: boolean;
  host?: 'localhost' | '127.0.0.1';
  lmsOrigins?: string[];
}

/**
 * The real host listening on 127.0.0.1 with PUBLIC_URL pointing at it, a fake LMS, the tool registered on the LMS
 * side and the LMS registered (and activated) on ours through the REST API, and a course with a roster.
 */
export async function startLtiHarness(kind: DatabaseKind, options: HarnessOptions = {}): Promise<LtiHarness> {
  const port = await freePort();
  const toolUrl = `http://${options.host ?? '127.0.0.1'}:${port}`;
  const t = await createTestApp(kind, { PUBLIC_URL: toolUrl, ...options.env });
  await t.app.listen(port, '127.0.0.1');
  const platform = await FakeLtiPlatform.start({ flavour: 'moodle', ...options.platform });
  const clientId = options.clientId ?? 'o2o-bridge';
  platform.registerTool({
    clientId, deploymentIds: options.deploymentIds ?? ['1'], loginUrl: `${toolUrl}/lti/login`, redirectUris: [`${toolUrl}/lti/launch`],
    jwksUrl: `${toolUrl}/lti/keys`, customParameters: options.customParameters ?? { o2o_topic: 'data-analysis' },
  });
  platform.registry.addContext({ id: 'course-1', title: 'Python for data analysis', label: 'PY101' }, [
    { id: 'u-ann', roles: [LTI_SPEC.role.learner], name: 'Ann Lee', email: 'ann@example.edu', locale: 'en' },
    { id: 'u-bo', roles: [LTI_SPEC.role.learner], name: '王博', email: 'bo@example.edu', locale: 'zh_CN' },
    { id: 'u-ines', roles: [LTI_SPEC.role.instructor], name: 'Ines Instructor', email: 'ines@example.edu', locale: 'en' },
  ]);
  let registrationId = '';
  if (options.register !== false) {
    const cfg = platform.toolConfig(clientId);
    const res = await t.http().post('/api/v1/lti/platforms').set(AUTH).send({
      issuer: cfg.issuer, clientId: cfg.clientId, name: 'Fake Moodle', authLoginUrl: cfg.authorizationEndpoint,
      authTokenUrl: cfg.tokenEndpoint, jwksUrl: cfg.jwksUri, deploymentIds: cfg.deploymentIds,
      ...(options.lmsOrigins ? { lmsOrigins: options.lmsOrigins } : {}),
      ...(platform.flavour === 'canvas' ? { authServer: cfg.authorizationServer } : {}),
    });
    if (res.status !== 201) throw new Error(`registration: ${res.status} ${JSON.stringify(res.body)}`);
    registrationId = res.body.id;
    const activated = await t.http().post(`/api/v1/lti/platforms/${registrationId}/activate`).set(AUTH);
    if (activated.status !== 200) throw new Error(`activation: ${activated.status}`);
  }
  return {
    t, platform, toolUrl, registrationId,
    // Jobs still running at close would outlive the database connection (Nest closes TypeORM before the job
    // queue's shutdown hook): wait for them, then close the app while the fake LMS still answers.
    close: async () => {
      const db = t.app.get(DataSource);
      for (let i = 0; i < 50; i += 1) {
        const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM "job" WHERE "state" = 'running'`);
        if (Number(n) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await t.app.get(JobQueue).stop();
      await t.close();
      await platform.stop();
    },
  };
}

/** The tables a launch writes to: a refused launch must leave every count as it was. */
const LAUNCH_TABLES = ['lti_session', 'lti_store_record', 'learner', 'learner_identity', 'course', 'lti_course_link'];

/** Row counts of the launch tables, to prove a refused launch stored nothing. */
export async function launchTableCounts(h: LtiHarness): Promise<Record<string, number>> {
  const ds = h.t.app.get(DataSource);
  const out: Record<string, number> = {};
  for (const table of LAUNCH_TABLES) out[table] = Number((await ds.query(`SELECT COUNT(*) AS n FROM "${table}"`))[0].n);
  return out;
}
