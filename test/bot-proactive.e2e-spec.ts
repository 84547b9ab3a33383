import { DataSource } from 'typeorm';
import { DomainEventBus } from '@o2o/core';
import { JobQueue } from '@o2o/jobs';
import { availableDatabases, createTestDatabase, TestDatabase } from '@o2o/testing';
import { BotChat, texts } from './support/bot-chat.client';
import { learnerWithCode } from './support/bot.fixtures';
import { createLearner, createSession } from './support/fixtures';
import { ServiceUrlRecorder } from './support/service-url.recorder';
import { AUTH, createTestApp, TestApp } from './support/test-app';

const ENV = { BOT_ALLOW_UNAUTHENTICATED: 'true' };
const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(availableDatabases())('proactive chat messages on %s', (kind) => {
  const recorder = new ServiceUrlRecorder();
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    await recorder.start();
    db = await createTestDatabase(kind);
    t = await createTestApp(kind, ENV, { db });
  });
  afterAll(async () => {
    await t.app.get(JobQueue).stop();
    await t.close();
    await db.drop();
    await recorder.stop();
  });

  /**
   * Closes this host and starts a new one on the same database: nothing in memory survives. Stops the job queue
   * first: on app.close() the jobs module stops after the database connection is closed, so a job finishing at that
   * moment cannot record its result (it is re-run after its lease; the delivery log stops a second message).
   */
  async function restart() {
    await t.app.get(JobQueue).stop();
    await t.close();
    t = await createTestApp(kind, ENV, { db });
  }

  async function linkedChat() {
    const chat = new BotChat(() => t, { serviceUrl: recorder.url });
    const { learnerId, code } = await learnerWithCode(t);
    expect(texts(await chat.say(`link ${code}`))).toContain('this chat is linked');
    return { chat, learnerId };
  }

  const jobs = async (name: string) => t.app.get(DataSource).query(`SELECT "runAt", state FROM job WHERE name = $1 ORDER BY "runAt"`.replace('$1', `'${name}'`));

  it('reminds exactly once per booking and offset, 24 h and 2 h before, across restarts', async () => {
    const session = await createSession(t, { title: 'Reminder lab', topic: 'python', city: 'Shanghai', capacity: 5 }, 3);
    const start = new Date(session.startsAt).getTime();
    const { chat } = await linkedChat();
    await chat.press({ intent: 'book', sessionId: session.id });
    expect(texts(await chat.say('yes'))).toContain('You’re booked for “Reminder lab”');
    await chat.say('python sessions');
    const planned = await jobs('bot.reminder');
    expect(planned.map((j: { runAt: string }) => new Date(j.runAt).getTime())).toEqual([start - 24 * HOUR, start - 2 * HOUR]);

    await restart();
    // The conversation goes on where it was: the list shown before the restart is still there.
    expect(texts(await chat.say('tell me more about the first one'))).toContain('Here are the details');
    expect(recorder.messages(chat.conversationId)).toHaveLength(0);
    t.clock.set(new Date(start - 24 * HOUR + 60_000));
    const first = await recorder.waitFor(1, chat.conversationId);
    expect(first[0].text).toContain('Reminder: “Reminder lab” starts tomorrow');

    await restart();
    t.clock.set(new Date(start - 2 * HOUR + 60_000));
    const both = await recorder.waitFor(2, chat.conversationId);
    expect(both[1].text).toContain('Reminder: “Reminder lab” starts in 2 hours');

    // Another restart re-checks every booking's reminders at start: nothing is planned or sent twice.
    await restart();
    t.clock.set(new Date(start - HOUR));
    await sleep(600);
    expect(recorder.messages(chat.conversationId)).toHaveLength(2);
    expect((await jobs('bot.reminder')).map((j: { state: string }) => j.state)).toEqual(['completed', 'completed']);
    t.clock.set(new Date('2026-12-04T08:00:00Z'));
  });

  it('tells a waitlisted learner when a seat frees up', async () => {
    const session = await createSession(t, { title: 'Tiny lab', capacity: 1, waitlistLimit: 3 }, 5);
    const other = await createLearner(t);
    const taken = await t.http().post(`/api/v1/sessions/${session.id}/bookings`).set(AUTH).send({ learnerId: other });
    const { chat } = await linkedChat();
    await chat.press({ intent: 'join_waitlist', sessionId: session.id });
    expect(texts(await chat.say('yes'))).toContain('position 1');
    await t.http().post(`/api/v1/bookings/${taken.body.id}/cancel`).set(AUTH).expect(200);
    const [notice] = await recorder.waitFor(1, chat.conversationId);
    expect(notice.text).toContain('Good news: a seat freed up and your booking for “Tiny lab”');
  });

  it('respects the tenant’s quiet hours: night reminders move out of the window', async () => {
    await t.http().put('/api/v1/bot/settings').set(AUTH).send({ quietHoursStart: '22:00', quietHoursEnd: '08:00' }).expect(200);
    // Starts Wed 9 Dec 03:00 in Shanghai: the 24 h reminder would fall at 03:00, the 2 h one at 01:00.
    const session = await createSession(t, {
      title: 'Night owl lab', startsAt: '2026-12-09T03:00:00+08:00', endsAt: '2026-12-09T05:00:00+08:00',
    });
    const { chat } = await linkedChat();
    await chat.press({ intent: 'book', sessionId: session.id });
    await chat.say('yes');
    const rows = await t.app.get(DataSource).query(`SELECT "runAt", payload FROM job WHERE name = 'bot.reminder' AND payload LIKE '%${JSON.stringify(new Date(session.startsAt).toISOString()).slice(1, -1)}%' ORDER BY "runAt"`);
    expect(rows.map((r: { runAt: string }) => new Date(r.runAt).toISOString())).toEqual([
      '2026-12-08T00:00:00.000Z', // 08:00 on the 8th, when quiet hours end
      '2026-12-08T13:59:00.000Z', // 21:59 on the 8th: the end of the window would be after the start
    ]);
    t.clock.set(new Date('2026-12-07T23:59:00Z'));
    await sleep(400);
    expect(recorder.messages(chat.conversationId)).toHaveLength(0);
    t.clock.set(new Date('2026-12-08T00:00:30Z'));
    expect((await recorder.waitFor(1, chat.conversationId))[0].text).toContain('“Night owl lab” starts tomorrow');
    await t.http().put('/api/v1/bot/settings').set(AUTH).send({ quietHoursStart: null, quietHoursEnd: null }).expect(200);
    t.clock.set(new Date('2026-12-04T08:00:00Z'));
  });

  it('suggests a session opened by an approved plan to the learners it invites, once', async () => {
    const session = await createSession(t, { title: 'Planned workshop', topic: 'python', city: 'Shanghai' }, 10);
    const invited = await linkedChat();
    const notInvited = await linkedChat();
    const event = {
      id: 'plan-event-1', type: 'PlanApproved' as const, occurredAt: new Date(),
      payload: { tenantId: (await t.http().get('/api/v1/sessions/' + session.id).set(AUTH)).body.tenantId ?? '', planId: 'plan-1', sessionIds: [session.id], invitations: [{ sessionId: session.id, learnerId: invited.learnerId }] },
    };
    if (!event.payload.tenantId) event.payload.tenantId = (await t.app.get(DataSource).query(`SELECT "tenantId" FROM offline_session WHERE id = '${session.id}'`))[0].tenantId;
    await t.app.get(DomainEventBus).publish([event]);
    await t.app.get(DomainEventBus).publish([event]);
    const [suggestion] = await recorder.waitFor(1, invited.chat.conversationId);
    expect(suggestion.text).toContain('A new session that fits you has just opened: “Planned workshop”');
    expect(suggestion.attachments).toHaveLength(1);
    await sleep(400);
    expect(recorder.messages(invited.chat.conversationId)).toHaveLength(1);
    expect(recorder.messages(notInvited.chat.conversationId)).toHaveLength(0);
  });

  it('records talk-to-a-person requests, delivers them to the admins and their answer back into the chat', async () => {
    await t.http().put('/api/v1/bot/settings').set(AUTH).send({ handoffWebhookUrl: `${recorder.url}webhook` }).expect(200);
    const chat = new BotChat(t, { serviceUrl: recorder.url, locale: 'zh-CN' });
    expect(texts(await chat.say('转人工'))).toContain('你想对工作人员说什么');
    expect(texts(await chat.say('我的笔记本电脑坏了，可以借一台吗？'))).toContain('你的留言已转达给工作人员');
    const until = Date.now() + 10_000;
    while (recorder.hooks.length === 0 && Date.now() < until) await sleep(25);
    expect(recorder.hooks[0]).toMatchObject({ type: 'o2o.handoff', locale: 'zh-CN', message: '我的笔记本电脑坏了，可以借一台吗？' });
    // The job marks the request delivered right after the webhook answered.
    let inbox = await t.http().get('/api/v1/bot/handoffs?status=delivered').set(AUTH);
    while (inbox.body.length === 0 && Date.now() < until) inbox = await t.http().get('/api/v1/bot/handoffs?status=delivered').set(AUTH);
    expect(inbox.body).toHaveLength(1);
    await t.http().post(`/api/v1/bot/handoffs/${inbox.body[0].id}/answer`).set(AUTH).send({ text: '可以，前台有备用电脑。' }).expect(201);
    const [answer] = await recorder.waitFor(1, chat.conversationId);
    expect(answer.text).toBe('工作人员回复：可以，前台有备用电脑。');
  });
});
