import { FakeLtiPlatform } from './fake-lti-platform';
import { LTI_SPEC } from './lti-spec.constants';
import { StrictLtiToolFixture } from './strict-lti-tool.fixture';
import type { RosterMember } from './fake-lti-platform.types';

/** Response bodies are asserted field by field, so they are read loosely typed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (res: Response): Promise<any> => res.json();

const NRPS = LTI_SPEC.scope.nrpsMembershipReadonly;
const L = LTI_SPEC.role.learner;
const I = LTI_SPEC.role.instructor;

const member = (id: string, roles: string[] = [L], status: RosterMember['status'] = 'Active'): RosterMember => ({
  id,
  roles,
  status,
  name: `Name ${id}`,
  given_name: 'Name',
  family_name: id,
  email: `${id}@example.edu`,
  lis_person_sourcedid: `sis-${id}`,
});

/** Follows rel="next" like a tool must, collecting pages. */
async function importAll(url: string, token: string): Promise<{ pages: number; members: Record<string, unknown>[] }> {
  const members: Record<string, unknown>[] = [];
  let next: string | undefined = url;
  let pages = 0;
  while (next) {
    const res = await fetch(next, { headers: { authorization: `Bearer ${token}`, accept: LTI_SPEC.mediaType.membershipContainer } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(LTI_SPEC.mediaType.membershipContainer);
    members.push(...(await json(res)).members);
    next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
    pages += 1;
  }
  return { pages, members };
}

describe('NRPS context membership endpoint', () => {
  let platform: FakeLtiPlatform;
  let tool: StrictLtiToolFixture;
  let token: string;
  let url: string;

  beforeAll(async () => {
    platform = await FakeLtiPlatform.start({ pageSize: 2 });
    tool = await StrictLtiToolFixture.start();
    platform.registerTool({ ...tool.registration(), clientId: 'tool-1' });
    tool.config = platform.toolConfig('tool-1');
    token = String((await tool.requestToken([NRPS])).body.access_token);
    url = platform.urls.nrps('course-1');
  });
  beforeEach(() => {
    platform.registry.addContext({ id: 'course-1', title: 'Course 1' }, [member('a', [I]), member('b'), member('c'), member('d', [L], 'Inactive'), member('e', [L], 'Deleted')]);
  });
  afterAll(async () => {
    await tool.stop();
    await platform.stop();
  });

  it('pages with Link rel="next" using the default page size', async () => {
    const all = await importAll(url, token);
    expect(all.pages).toBe(3);
    expect(all.members.map((m) => m.user_id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(all.members.map((m) => m.status)).toEqual(['Active', 'Active', 'Active', 'Inactive', 'Deleted']);
    expect(all.members[0]).toMatchObject({ roles: [I], name: 'Name a', email: 'a@example.edu', lis_person_sourcedid: 'sis-a' });
  });

  it('honours limit and keeps it in the next link', async () => {
    const res = await fetch(`${url}?limit=4`, { headers: { authorization: `Bearer ${token}` } });
    const body = await json(res);
    expect(body.members).toHaveLength(4);
    expect(body.context).toEqual({ id: 'course-1', label: 'course-1', title: 'Course 1' });
    const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')![1];
    expect(new URL(next).searchParams.get('limit')).toBe('4');
    expect((await importAll(`${url}?limit=4`, token)).pages).toBe(2);
  });

  it('filters by role (full URI or short name)', async () => {
    for (const role of [I, 'Instructor']) {
      const body = await json(await fetch(`${url}?role=${encodeURIComponent(role)}`, { headers: { authorization: `Bearer ${token}` } }));
      expect(body.members.map((m: { user_id: string }) => m.user_id)).toEqual(['a']);
    }
  });

  it('shows a changed roster on the next import', async () => {
    expect((await importAll(url, token)).members).toHaveLength(5);
    platform.registry.upsertMember('course-1', member('f'));
    platform.registry.setMemberStatus('course-1', 'b', 'Deleted');
    const second = await importAll(url, token);
    expect(second.members.map((m) => `${m.user_id}:${m.status}`)).toEqual(['a:Active', 'b:Deleted', 'c:Active', 'd:Inactive', 'e:Deleted', 'f:Active']);
  });

  it('leaves out personal data the tool may not see', async () => {
    platform.registry.updateTool('tool-1', { privacyLevel: 'anonymous' });
    try {
      const { members } = await importAll(url, token);
      expect(Object.keys(members[0]).sort()).toEqual(['roles', 'status', 'user_id']);
    } finally {
      platform.registry.updateTool('tool-1', { privacyLevel: 'public' });
    }
  });

  it('requires a bearer token with the NRPS scope and an acceptable media type', async () => {
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const scoreOnly = String((await tool.requestToken([LTI_SPEC.scope.agsScore])).body.access_token);
    const forbidden = await fetch(url, { headers: { authorization: `Bearer ${scoreOnly}` } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('www-authenticate')).toMatch(/insufficient_scope/);
    const xml = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/xml' } });
    expect(xml.status).toBe(406);
    expect((await fetch(platform.urls.nrps('no-such-course'), { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
  });

  it('records every call', async () => {
    platform.recorder.clear();
    await importAll(url, token);
    const calls = platform.calls({ endpoint: 'nrps' });
    expect(calls).toHaveLength(3);
    expect(calls[1].query).toMatchObject({ page: '2', limit: '2' });
    expect(calls[0].headers.authorization).toBe(`Bearer ${token}`);
  });
});
