import { FakeLtiPlatform } from './fake-lti-platform';
import { LTI_SPEC } from './lti-spec.constants';
import { StrictLtiToolFixture } from './strict-lti-tool.fixture';

/** Response bodies are asserted field by field, so they are read loosely typed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (res: Response): Promise<any> => res.json();

const MT = LTI_SPEC.mediaType;
const ALL_SCOPES = Object.values(LTI_SPEC.scope);

describe('AGS endpoints', () => {
  let platform: FakeLtiPlatform;
  let tool: StrictLtiToolFixture;
  let token: string;
  let lineItemsUrl: string;

  const call = (url: string, init: { method?: string; type?: string; accept?: string; body?: unknown; bearer?: string } = {}) =>
    fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${init.bearer ?? token}`,
        ...(init.type ? { 'content-type': init.type } : {}),
        ...(init.accept ? { accept: init.accept } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  const createItem = async (body: Record<string, unknown>) => json(await call(lineItemsUrl, { method: 'POST', type: MT.lineItem, body }));
  const score = (lineItemUrl: string, body: Record<string, unknown>) => {
    const u = new URL(lineItemUrl);
    u.pathname += '/scores';
    return call(u.toString(), { method: 'POST', type: MT.score, body });
  };
  const results = async (lineItemUrl: string) => {
    const u = new URL(lineItemUrl);
    u.pathname += '/results';
    return json(await call(u.toString(), { accept: MT.resultContainer }));
  };
  const validScore = (over: Record<string, unknown> = {}) => ({
    userId: 'u1',
    scoreGiven: 7,
    scoreMaximum: 10,
    activityProgress: 'Completed',
    gradingProgress: 'FullyGraded',
    timestamp: '2025-03-01T10:00:00.000Z',
    ...over,
  });

  beforeAll(async () => {
    platform = await FakeLtiPlatform.start({ flavour: 'moodle' });
    tool = await StrictLtiToolFixture.start();
    platform.registerTool({ ...tool.registration(), clientId: 'tool-1' });
    tool.config = platform.toolConfig('tool-1');
    token = String((await tool.requestToken(ALL_SCOPES)).body.access_token);
    platform.registry.addContext({ id: 'course-1' }, [{ id: 'u1', roles: [LTI_SPEC.role.learner] }, { id: 'u2', roles: [LTI_SPEC.role.learner] }]);
    lineItemsUrl = platform.urls.lineItems('course-1', platform.registry.requireTool('tool-1'));
  });
  afterAll(async () => {
    await tool.stop();
    await platform.stop();
  });
  afterEach(() => platform.failures.clear());

  it('creates, lists with filters, updates and deletes line items', async () => {
    const created = await createItem({ label: 'Attendance', scoreMaximum: 10, resourceLinkId: 'rl-1', resourceId: 'att', tag: 'offline' });
    expect(created).toMatchObject({ label: 'Attendance', scoreMaximum: 10, resourceLinkId: 'rl-1', tag: 'offline' });
    expect(created.id).toMatch(/\/ags\/contexts\/course-1\/lineitems\/\d+\?type_id=\d+$/);
    await createItem({ label: 'Quiz', scoreMaximum: 5, resourceLinkId: 'rl-2', tag: 'online' });

    for (const [q, labels] of [['resource_link_id=rl-1', ['Attendance']], ['resource_id=att', ['Attendance']], ['tag=online', ['Quiz']]] as const) {
      const res = await call(`${lineItemsUrl}&${q}`, { accept: MT.lineItemContainer });
      expect(res.headers.get('content-type')).toBe(MT.lineItemContainer);
      expect((await json(res)).map((i: { label: string }) => i.label)).toEqual(labels);
    }
    const put = await call(created.id, { method: 'PUT', type: MT.lineItem, body: { ...created, label: 'Attendance (offline)' } });
    expect(await json(put)).toMatchObject({ id: created.id, label: 'Attendance (offline)' });
    expect((await call(created.id, { method: 'DELETE' })).status).toBe(204);
    expect((await call(created.id)).status).toBe(404);
  });

  it('validates line items and media types', async () => {
    expect((await call(lineItemsUrl, { method: 'POST', type: MT.lineItem, body: { label: '', scoreMaximum: 0 } })).status).toBe(400);
    expect((await call(lineItemsUrl, { method: 'POST', type: 'application/json', body: { label: 'x', scoreMaximum: 1 } })).status).toBe(415);
  });

  it('requires the right scope per operation', async () => {
    const readOnly = String((await tool.requestToken([LTI_SPEC.scope.agsLineItemReadonly])).body.access_token);
    expect((await call(lineItemsUrl, { bearer: readOnly })).status).toBe(200);
    expect((await call(lineItemsUrl, { method: 'POST', type: MT.lineItem, body: { label: 'x', scoreMaximum: 1 }, bearer: readOnly })).status).toBe(403);
  });

  it('keeps Moodle type_id on the URLs and refuses calls that dropped it', async () => {
    const item = await createItem({ label: 'T', scoreMaximum: 10 });
    const withoutQuery = `${item.id.split('?')[0]}/scores`;
    const res = await call(withoutQuery, { method: 'POST', type: MT.score, body: validScore() });
    expect(res.status).toBe(400);
    expect((await json(res)).error_description).toMatch(/type_id/);
  });

  it('validates scores', async () => {
    const item = await createItem({ label: 'S', scoreMaximum: 10 });
    const bad = [
      { userId: undefined },
      { scoreMaximum: undefined },
      { scoreGiven: -1 },
      { activityProgress: 'Done' },
      { gradingProgress: 'Graded' },
      { timestamp: undefined },
      { timestamp: '01/03/2025' },
    ];
    for (const over of bad) expect((await score(item.id, validScore(over))).status).toBe(400);
    expect((await score(item.id, validScore({ userId: 'stranger' }))).status).toBe(400);
    const wrongType = new URL(item.id);
    wrongType.pathname += '/scores';
    expect((await call(wrongType.toString(), { method: 'POST', type: 'application/json', body: validScore() })).status).toBe(415);
    expect((await score(item.id, validScore())).status).toBe(204);
  });

  it('ignores a score whose timestamp is older than the stored one', async () => {
    const item = await createItem({ label: 'Timestamps', scoreMaximum: 10 });
    expect((await score(item.id, validScore({ scoreGiven: 8, timestamp: '2025-03-01T10:00:05.000Z' }))).status).toBe(204);
    expect((await score(item.id, validScore({ scoreGiven: 3, timestamp: '2025-03-01T10:00:01.000Z' }))).status).toBe(204);
    const [result] = await results(item.id);
    expect(result).toMatchObject({ userId: 'u1', resultScore: 8, resultMaximum: 10, scoreOf: item.id });
    const received = platform.ags.scores({ userId: 'u1' }).slice(-2);
    expect(received.map((r) => r.applied)).toEqual([true, false]);
    expect(received[1].ignoredReason).toMatch(/older/);
    await score(item.id, validScore({ scoreGiven: 9, timestamp: '2025-03-01T10:00:09.000Z' }));
    expect((await results(item.id))[0].resultScore).toBe(9);
  });

  it('scales results to the line item maximum and hides non-final scores', async () => {
    const item = await createItem({ label: 'Scale', scoreMaximum: 10 });
    await score(item.id, validScore({ scoreGiven: 50, scoreMaximum: 100 }));
    await score(item.id, validScore({ userId: 'u2', gradingProgress: 'Pending' }));
    const all = await results(item.id);
    expect(all.find((r: { userId: string }) => r.userId === 'u1').resultScore).toBe(5);
    expect(all.find((r: { userId: string }) => r.userId === 'u2').resultScore).toBeUndefined();
  });

  it('injects 500s, 429 with Retry-After and hangs per endpoint, then recovers', async () => {
    const item = await createItem({ label: 'Faults', scoreMaximum: 10 });
    platform.failures.error('ags.scores', 2).rateLimit('ags.lineitems', 1, 7);
    expect((await score(item.id, validScore())).status).toBe(500);
    expect((await score(item.id, validScore())).status).toBe(500);
    expect((await call(item.id)).status).toBe(200); // other endpoints unaffected
    const limited = await call(lineItemsUrl);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await score(item.id, validScore({ timestamp: '2025-03-02T00:00:00.000Z' }))).status).toBe(204);

    platform.failures.hang('ags.results', 1, 5_000);
    const u = new URL(item.id);
    u.pathname += '/results';
    await expect(fetch(u, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect((await call(u.toString())).status).toBe(200);

    const injected = platform.calls({ endpoint: 'ags' }).filter((c) => c.injected);
    expect(injected.map((c) => `${c.endpoint}:${c.injected}:${c.status}`)).toEqual([
      'ags.scores:error:500',
      'ags.scores:error:500',
      'ags.lineitems:rate-limit:429',
      'ags.results:hang:0',
    ]);
  });

  it('answers like Canvas in Canvas flavour (200 with resultUrl, 422 for unknown users)', async () => {
    const canvas = await FakeLtiPlatform.start({ flavour: 'canvas' });
    try {
      canvas.registerTool({ ...tool.registration(), clientId: 'tool-1' });
      const saved = tool.config;
      tool.config = canvas.toolConfig('tool-1');
      const canvasToken = String((await tool.requestToken(ALL_SCOPES)).body.access_token);
      tool.config = saved;
      canvas.registry.addContext({ id: 'c' }, [{ id: 'u1', roles: [LTI_SPEC.role.learner] }]);
      const item = canvas.ags.addLineItem('c', { label: 'A', scoreMaximum: 1 });
      const url = `${canvas.urls.lineItem('c', item.id, canvas.registry.requireTool('tool-1'))}/scores`;
      const post = (body: object) =>
        fetch(url, { method: 'POST', headers: { authorization: `Bearer ${canvasToken}`, 'content-type': MT.score }, body: JSON.stringify(body) });
      const ok = await post(validScore({ scoreMaximum: 1, scoreGiven: 1 }));
      expect(ok.status).toBe(200);
      expect((await json(ok)).resultUrl).toMatch(/\/results\/u1$/);
      expect((await post(validScore({ userId: 'x', scoreMaximum: 1, scoreGiven: 1 }))).status).toBe(422);
    } finally {
      await canvas.stop();
    }
  });
});
