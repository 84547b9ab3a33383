import { gzipSync } from 'node:zlib';
import { generateKeyPair } from 'jose';
import { DataSource } from 'typeorm';
import { availableDatabases } from '@o2o/testing';
import { BotChat, texts } from './support/bot-chat.client';
import { FakeBotConnectorAuth } from './support/fake-bot-connector-auth.server';
import { createTestApp, TestApp } from './support/test-app';

const SERVICE_URL = 'https://smba.trafficmanager.test/teams/';

/** Rows the engine would write: with a rejected request there must be none. */
async function conversationRows(t: TestApp): Promise<number> {
  return Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM bot_conversation'))[0].n);
}

describe.each(availableDatabases())('POST /api/messages authentication and validation on %s', (kind) => {
  const connector = new FakeBotConnectorAuth();
  let t: TestApp;

  beforeAll(async () => {
    await connector.start();
    t = await createTestApp(kind, connector.env());
  });
  afterAll(async () => {
    await t.close();
    await connector.stop();
  });

  const chat = (headers: Record<string, string> = {}, channelId = 'webchat') => new BotChat(t, { serviceUrl: SERVICE_URL, headers, channelId });

  it.each([
    ['no token', async () => ({})],
    ['a token signed by another key under the published key id', async () => ({ key: (await generateKeyPair('RS256')).privateKey })],
    ['a token for another bot (audience)', async () => ({ claims: { aud: 'some-other-bot' } })],
    ['a token from another issuer', async () => ({ claims: { iss: 'https://evil.test' } })],
    ['an expired token', async () => ({ expiresIn: '-10m' })],
    ['a token for another serviceUrl', async () => ({ claims: { serviceurl: 'https://elsewhere.test/' } })],
    ['a token with an unknown key id', async () => ({ kid: 'not-published' })],
  ])('rejects %s with 401 and runs nothing', async (_, variant) => {
    const v = (await variant()) as { key?: never; claims?: Record<string, unknown>; expiresIn?: string; kid?: string };
    const headers: Record<string, string> = _ === 'no token' ? {} : { Authorization: `Bearer ${await connector.token(SERVICE_URL, v.claims, v)}` };
    const res = await chat(headers).post(chat(headers).activity({ text: 'python workshops in Shanghai' }));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED' });
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(await conversationRows(t)).toBe(0);
  });

  it('rejects an unsigned token and a token whose key is not endorsed for the channel', async () => {
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({
      iss: 'https://api.botframework.test', aud: 'o2o-test-bot-app-id', serviceurl: SERVICE_URL, exp: Math.floor(Date.now() / 1000) + 600,
    })).toString('base64url')}.`;
    const a = chat({ Authorization: `Bearer ${unsigned}` });
    expect((await a.post(a.activity({ text: 'hi' }))).status).toBe(401);
    const sms = chat({ Authorization: `Bearer ${await connector.token(SERVICE_URL)}` }, 'sms');
    expect((await sms.post(sms.activity({ text: 'hi' }))).status).toBe(401);
    expect(await conversationRows(t)).toBe(0);
  });

  it('runs the turn for a valid channel token', async () => {
    const c = chat({ Authorization: `Bearer ${await connector.token(SERVICE_URL)}` });
    expect(texts(await c.say('hello'))).toContain('Hello! What are you looking for today?');
    expect(await conversationRows(t)).toBe(1);
  });

  it.each([
    ['not an object', []],
    ['no type', { channelId: 'webchat', serviceUrl: SERVICE_URL, conversation: { id: 'c' }, from: { id: 'u' } }],
    ['a serviceUrl that is not http(s)', { type: 'message', channelId: 'webchat', serviceUrl: 'file:///etc/passwd', conversation: { id: 'c' }, from: { id: 'u' } }],
    ['no conversation id', { type: 'message', channelId: 'webchat', serviceUrl: SERVICE_URL, conversation: {}, from: { id: 'u' } }],
    ['a text that is not a string', { type: 'message', channelId: 'webchat', serviceUrl: SERVICE_URL, conversation: { id: 'c' }, from: { id: 'u' }, text: 42 }],
    ['a 20,000-character text', { type: 'message', channelId: 'webchat', serviceUrl: SERVICE_URL, conversation: { id: 'c' }, from: { id: 'u' }, text: 'x'.repeat(20_000) }],
    ['an unknown delivery mode', { type: 'message', channelId: 'webchat', serviceUrl: SERVICE_URL, conversation: { id: 'c' }, from: { id: 'u' }, deliveryMode: 'later' }],
    ['a card submit without an intent', { type: 'message', channelId: 'webchat', serviceUrl: SERVICE_URL, conversation: { id: 'c' }, from: { id: 'u' }, value: { o2o: { sessionId: 'x' } } }],
  ])('answers 400 naming the field for %s, before authentication, writing nothing', async (_, body) => {
    const rows = await conversationRows(t);
    const res = await t.http().post('/api/messages').set('Accept-Language', 'en').send(body as object);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'INVALID_ACTIVITY' });
    expect(res.body.errors.length).toBeGreaterThan(0);
    expect(res.body.errors[0]).toEqual(expect.objectContaining({ field: expect.any(String), reason: expect.any(String), message: expect.any(String) }));
    expect(await conversationRows(t)).toBe(rows);
  });

  it('reads a gzip-compressed activity, keeps the request id, and leaves other methods to the host', async () => {
    const c = chat({ Authorization: `Bearer ${await connector.token(SERVICE_URL)}` });
    const res = await t.http().post('/api/messages')
      .set({ Authorization: `Bearer ${await connector.token(SERVICE_URL)}`, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'X-Request-Id': 'req-42' })
      .serialize((body) => body) // as is: supertest would write the Buffer out as JSON
      .send(gzipSync(JSON.stringify(c.activity({ text: 'hello' }))));
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('req-42');
    expect(texts(res.body.activities)).toContain('Hello! What are you looking for today?');
    const unknown = await t.http().post('/api/messages').set({ 'Content-Type': 'application/json', 'Content-Encoding': 'compress' }).send('{}');
    expect(unknown.status).toBe(415);
    expect((await t.http().get('/api/messages')).status).toBe(404);
  });

  it('answers malformed JSON and bad tenants with 400, in Chinese when asked', async () => {
    const res = await t.http().post('/api/messages').set('Content-Type', 'application/json').set('Accept-Language', 'zh-CN').send('{"type":');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'INVALID_JSON', message: '请求正文不是有效的 JSON' });
    const bad = await t.http().post('/api/messages?tenant=../x').set('Accept-Language', 'zh-CN').send({});
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'tenant' });
    expect(bad.body.message).toContain('租户');
  });
});

describe.each(availableDatabases())('POST /api/messages without credentials on %s', (kind) => {
  it('refuses to run (503) unless unauthenticated use is switched on explicitly', async () => {
    const closed = await createTestApp(kind);
    try {
      const c = new BotChat(closed);
      const res = await c.post(c.activity({ text: 'hello' }));
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'BOT_NOT_CONFIGURED' });
      expect(await conversationRows(closed)).toBe(0);
    } finally {
      await closed.close();
    }
  });

  it('answers 503 when the signing keys cannot be fetched, running nothing', async () => {
    const t = await createTestApp(kind, {
      MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', BOT_OPENID_METADATA_URL: 'http://127.0.0.1:9/openid', BOT_TOKEN_ISSUER: 'https://api.botframework.test',
    });
    try {
      const connector = await new FakeBotConnectorAuth().start();
      const c = new BotChat(t, { serviceUrl: SERVICE_URL, headers: { Authorization: `Bearer ${await connector.token(SERVICE_URL, { aud: 'app' })}` } });
      const res = await c.post(c.activity({ text: 'hello' }));
      await connector.stop();
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'BOT_KEYS_UNAVAILABLE' });
      expect(await conversationRows(t)).toBe(0);
    } finally {
      await t.close();
    }
  });
});
