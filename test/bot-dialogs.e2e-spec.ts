import { DataSource } from 'typeorm';
import { availableDatabases } from '@o2o/testing';
import { BotChat, cards, quickReplies, texts } from './support/bot-chat.client';
import { BotCatalogue, learnerWithCode, seedBotCatalogue } from './support/bot.fixtures';
import { AUTH, createTestApp, TestApp } from './support/test-app';

describe.each(availableDatabases())('chat bot dialogs on %s', (kind) => {
  let t: TestApp;
  let catalogue: BotCatalogue;

  beforeAll(async () => {
    t = await createTestApp(kind, { BOT_ALLOW_UNAUTHENTICATED: 'true' });
    catalogue = await seedBotCatalogue(t);
  });
  afterAll(() => t.close());

  const bookingCount = async () => Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM booking'))[0].n);
  async function linkedChat(options: ConstructorParameters<typeof BotChat>[1] = {}) {
    const chat = new BotChat(t, options);
    const { learnerId, code } = await learnerWithCode(t);
    await chat.say(`link ${code}`);
    return { chat, learnerId };
  }

  it('ambiguous requests get a question, never an action', async () => {
    const { chat } = await linkedChat();
    const before = await bookingCount();
    expect(cards(await chat.say('python sessions'))).toHaveLength(2);
    const which = await chat.say('book it');
    expect(texts(which)).toContain('Which session do you mean?');
    expect(quickReplies(which)).toEqual(['1. Python hands-on', '2. Python lab Beijing']);
    expect(await bookingCount()).toBe(before);
    // The answer to the question leads to the booking, after a confirmation.
    expect(texts(await chat.say('the second one'))).toContain('Book “Python lab Beijing”');
    expect(await bookingCount()).toBe(before);
    expect(texts(await chat.say('no'))).toContain('I didn’t book it');
    const unclear = await chat.say('hmm the thing');
    expect(texts(unclear)).toContain('I’m not sure what you mean');
    expect(quickReplies(unclear).length).toBeGreaterThanOrEqual(3);
    // "cancel" alone could mean "cancel a booking" or "stop": ask.
    expect(quickReplies(await chat.say('cancel'))).toEqual(expect.arrayContaining(['Cancel a booking', 'Never mind']));
    expect(await bookingCount()).toBe(before);
  });

  it('slot filling: asks for the city, then searches with what was said before', async () => {
    const chat = new BotChat(t);
    const asked = await chat.say('find me a workshop');
    expect(texts(asked)).toContain('Which city would you like to attend in?');
    expect(quickReplies(asked)).toEqual(['Shanghai', 'Beijing', 'Any city']);
    // Channels without quick-reply values send the label back as text.
    const found = await chat.say('Beijing');
    expect(texts(found)).toContain('(Beijing)');
    expect(cards(found).map((c) => c.body[0].text)).toEqual(['Python lab Beijing']);
  });

  it('interruptions: help and a language switch keep the open question, "never mind" drops it', async () => {
    const { chat } = await linkedChat();
    await chat.say('Python workshops in Shanghai');
    expect(texts(await chat.say('book the first one'))).toContain('Book “Python hands-on”');
    const help = await chat.say('help');
    expect(texts(help)).toContain('I can: find offline sessions');
    expect(texts(help)).toContain('Book “Python hands-on”');
    const zh = await chat.say('switch to Chinese');
    expect(texts(zh)).toContain('好的，我会用中文回复。');
    expect(texts(zh)).toContain('确认预约“Python 实操”吗？');
    expect(quickReplies(zh)).toEqual(['是的', '不用了']);
    expect(texts(await chat.say('算了'))).toContain('好的，已停止');
    expect(texts(await chat.say('是的'))).toContain('目前没有需要确认的事项');
  });

  it('answers price, location and what to bring from the session, refunds from the tenant FAQ', async () => {
    const chat = new BotChat(t);
    expect(texts(await chat.say('can I get a refund?'))).toContain('I don’t have an answer to that yet');
    const put = await t.http().put('/api/v1/bot/faq/refund').set(AUTH).send({ en: 'Full refund up to 48 hours before the start.', zhCN: '开始前 48 小时可全额退款。' });
    expect(put.status).toBe(200);
    expect(texts(await chat.say('can I get a refund?'))).toBe('Full refund up to 48 hours before the start.');
    expect(texts(await chat.say('可以退款吗'))).toBe('开始前 48 小时可全额退款。');
    await chat.say('data analysis labs in Shanghai');
    expect(texts(await chat.say('how much is it'))).toBe('“pandas lab” costs CN¥199.');
    expect(texts(await chat.say('where is it?'))).toBe('“pandas lab” takes place at Jing’an Maker Space, 1 Nanjing West Rd (Shanghai).');
    expect(texts(await chat.say('在哪里'))).toBe('“pandas 实验”的地点：上海，静安创客空间（1 Nanjing West Rd）。');
    expect(texts(await chat.say('what should I bring?'))).toBe('For “pandas lab”: Bring a laptop.');
  });

  it('renders plain text with numbered cards and a reply hint where the channel shows no cards', async () => {
    const chat = new BotChat(t, { channelId: 'sms' });
    const [reply] = await chat.say('python sessions');
    expect(reply.attachments).toBeUndefined();
    expect(reply.suggestedActions).toBeUndefined();
    expect(reply.text).toContain('1. Python hands-on (Python)');
    expect(reply.text).toContain('2. Python lab Beijing (Python)');
    expect(reply.text).toContain('→ Details | Book');
    expect(reply.text).toContain('Reply with an action and a number, e.g. “Book 1”.');
    const [question] = await chat.say('book it');
    expect(question.text).toContain('Reply with: 1. Python hands-on / 2. Python lab Beijing');
  });

  it('unlinked users browse and ask, but must link before booking; unlinking asks first', async () => {
    const chat = new BotChat(t);
    await chat.say('Python workshops in Shanghai');
    expect(texts(await chat.say('book the first one'))).toContain('I need to know who you are');
    expect(texts(await chat.say('my bookings'))).toContain('I need to know who you are');
    expect(texts(await chat.say('my code is ZZZZ2222'))).toContain('That code is unknown, used or expired');
    const { code, learnerId } = await learnerWithCode(t);
    expect(texts(await chat.say(`my code is ${code}`))).toContain('this chat is linked');
    expect(texts(await chat.say('unlink my account'))).toContain('Unlink this chat from your learner account?');
    expect(texts(await chat.say('yes'))).toContain('no longer linked');
    expect(texts(await chat.say('my bookings'))).toContain('I need to know who you are');
    // The code was single-use.
    expect(texts(await chat.say(`my code is ${code}`))).toContain('That code is unknown, used or expired');
    const admin = await t.http().delete(`/api/v1/learners/${learnerId}/chat-links`).set(AUTH);
    expect(admin.body).toEqual({ removed: 0 });
  });

  it('keeps the state in the database: another conversation of the same user starts fresh, the same one continues', async () => {
    const chat = new BotChat(t);
    await chat.say('python sessions');
    const rows = await t.app.get(DataSource).query(`SELECT state FROM bot_conversation WHERE state LIKE '%${catalogue.beijingLab}%'`);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(texts(await chat.say('tell me more about the second one'))).toContain('Here are the details');
    const other = new BotChat(t, { userId: chat.userId });
    expect(texts(await other.say('tell me more about the second one'))).toContain('Which session? Search first');
  });
});
