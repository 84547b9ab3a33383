import { availableDatabases } from '@o2o/testing';
import { BotChat, cardCommand, cards, quickReplies, texts } from './support/bot-chat.client';
import { BotCatalogue, learnerWithCode, seedBotCatalogue } from './support/bot.fixtures';
import { AUTH, createTestApp, TestApp } from './support/test-app';

describe.each(availableDatabases())('chat bot conversations over /api/messages on %s', (kind) => {
  let t: TestApp;
  let catalogue: BotCatalogue;

  beforeAll(async () => {
    t = await createTestApp(kind, { BOT_ALLOW_UNAUTHENTICATED: 'true' });
    catalogue = await seedBotCatalogue(t);
  });
  afterAll(() => t.close());

  const bookingsOf = async (learnerId: string) => (await t.http().get(`/api/v1/learners/${learnerId}/bookings`).set(AUTH)).body as { id: string; sessionId: string; status: string }[];

  it('English: find → details → book (link first) → confirm → my bookings → cancel', async () => {
    const chat = new BotChat(t, { locale: 'en-US' });
    const { learnerId, code } = await learnerWithCode(t);

    const found = await chat.say('any Python workshops in Shanghai this weekend?');
    expect(texts(found)).toContain('I found one upcoming session (Python · Shanghai · this weekend)');
    const [card] = cards(found);
    expect(card).toMatchObject({ version: '1.5', body: expect.arrayContaining([expect.objectContaining({ text: 'Python hands-on' })]) });
    expect(card.fallbackText).toContain('Python hands-on');
    expect(card.actions.map((a) => a.title)).toEqual(['Details', 'Book']);

    const details = await chat.press(cardCommand(found, 'session_details'));
    const facts = cards(details)[0].body.find((b) => b.type === 'FactSet')!.facts!;
    expect(facts).toEqual(expect.arrayContaining([
      { title: 'When', value: 'Sat 5 Dec, 14:00–17:00' }, { title: 'Price', value: 'CN¥199' }, { title: 'Instructor', value: 'Li Wei' },
    ]));

    // Not linked yet: the bot asks for the code instead of booking, then carries on with the booking.
    expect(texts(await chat.say('book it'))).toContain('I need to know who you are');
    const linked = await chat.say(`my code is ${code}`);
    expect(texts(linked)).toContain('this chat is linked to your learner account');
    expect(texts(linked)).toContain('Book “Python hands-on” on Sat 5 Dec, 14:00–17:00 at Jing’an Maker Space, Shanghai for CN¥199?');
    expect(quickReplies(linked)).toEqual(['Yes', 'No']);
    expect(await bookingsOf(learnerId)).toEqual([]);

    expect(texts(await chat.say('yes'))).toContain('You’re booked for “Python hands-on”');
    expect(await bookingsOf(learnerId)).toEqual([expect.objectContaining({ sessionId: catalogue.weekendPython, status: 'confirmed' })]);

    const mine = await chat.say('show my bookings');
    expect(texts(mine)).toContain('Your upcoming bookings');
    expect(cards(mine)[0].body.find((b) => b.type === 'FactSet')!.facts).toContainEqual({ title: 'Your booking', value: 'confirmed' });

    const asked = await chat.say('cancel my booking');
    expect(texts(asked)).toContain('Cancel your booking for “Python hands-on” on Sat 5 Dec, 14:00–17:00?');
    expect((await bookingsOf(learnerId))[0].status).toBe('confirmed');
    expect(texts(await chat.say('yes'))).toContain('Your booking for “Python hands-on” is cancelled');
    expect((await bookingsOf(learnerId))[0].status).toBe('cancelled');
  });

  it('Chinese: 查找 → 详情 → 预约 → 确认 → 我的预约 → 取消', async () => {
    const chat = new BotChat(t, { locale: 'zh-CN' });
    const { learnerId, code } = await learnerWithCode(t);
    expect(texts(await chat.say(`我的绑定码是 ${code}`))).toContain('绑定成功');

    const found = await chat.say('这周末上海有Python的工作坊吗');
    expect(texts(found)).toContain('找到 1 场即将举行的活动（Python · 上海 · 这周末）');
    expect(cards(found)[0].actions.map((a) => a.title)).toEqual(['详情', '预约']);
    expect(cards(found)[0].body[0].text).toBe('Python 实操');

    const details = await chat.say('第一个');
    expect(texts(details)).toContain('活动详情');
    expect(cards(details)[0].body.find((b) => b.type === 'FactSet')!.facts).toContainEqual({ title: '费用', value: '¥199' });

    const confirm = await chat.say('预约这个');
    expect(texts(confirm)).toContain('确认预约“Python 实操”吗？时间：12月5日周六 14:00–17:00，地点：静安创客空间（上海），费用：¥199。');
    expect(texts(await chat.say('是的'))).toContain('已为你预约“Python 实操”');
    expect(await bookingsOf(learnerId)).toEqual([expect.objectContaining({ sessionId: catalogue.weekendPython, status: 'confirmed' })]);

    const mine = await chat.say('我的预约');
    expect(texts(mine)).toContain('你即将参加的预约');
    expect(texts(await chat.say('取消我的预约'))).toContain('确认取消“Python 实操”');
    expect(texts(await chat.say('是的'))).toContain('已取消“Python 实操”的预约');
    expect((await bookingsOf(learnerId))[0].status).toBe('cancelled');
  });

  it('a "yes" sent twice at once books once (a turn that loses the compare-and-set re-runs on the saved state)', async () => {
    const chat = new BotChat(t);
    const { learnerId, code } = await learnerWithCode(t);
    await chat.say(`link ${code}`);
    const found = await chat.say('any Python workshops in Shanghai this weekend?');
    expect(texts(await chat.press(cardCommand(found, 'book')))).toContain('Book “Python hands-on”');
    const answers = await Promise.all([chat.post(chat.activity({ text: 'yes' })), chat.post(chat.activity({ text: 'yes' }))]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.filter((a) => texts(a.body.activities).includes('You’re booked for “Python hands-on”'))).toHaveLength(1);
    expect(await bookingsOf(learnerId)).toEqual([expect.objectContaining({ sessionId: catalogue.weekendPython, status: 'confirmed' })]);
  });

  it('booking a full session ends on the waitlist with the position', async () => {
    const chat = new BotChat(t);
    const { learnerId, code } = await learnerWithCode(t);
    await chat.say(`link ${code}`);
    const found = await chat.say('data analysis labs in Shanghai');
    expect(cards(found)[0].actions.map((a) => a.title)).toEqual(['Details', 'Join waitlist']);
    const asked = await chat.press(cardCommand(found, 'join_waitlist'));
    expect(texts(asked)).toContain('“pandas lab” is full. Join the waitlist as number 1?');
    expect(texts(await chat.say('yes'))).toContain('you’re on the waitlist at position 1');
    expect(await bookingsOf(learnerId)).toEqual([expect.objectContaining({ sessionId: catalogue.fullLab, status: 'waitlisted' })]);
  });
});
