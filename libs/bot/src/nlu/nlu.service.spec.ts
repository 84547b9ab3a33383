import { TEST_CATALOGUE } from './catalogue.fixture';
import enHeldOut from './corpus/en.held-out.json';
import zhHeldOut from './corpus/zh.held-out.json';
import { NluService } from './nlu.service';
import { INTENTS, type NluCatalogue, type NluResult, type UnderstandOptions } from './nlu.types';

// Friday 2026-12-04 10:00 in Shanghai.
const now = new Date('2026-12-04T02:00:00Z');
const timeZone = 'Asia/Shanghai';
const day = (d: string) => new Date(new Date(`${d}T00:00:00Z`).getTime() - 8 * 3_600_000);

describe('NluService', () => {
  const nlu = new NluService();
  let trainingMs = 0;

  beforeAll(() => {
    const started = performance.now();
    nlu.train();
    trainingMs = performance.now() - started;
  });

  const understand = (text: string, options: UnderstandOptions = {}): NluResult =>
    nlu.understand(text, { catalogue: TEST_CATALOGUE, now, timeZone, ...options });

  describe('training', () => {
    it('trains both languages (training time is reported by the NLU bench, not asserted here)', () => {
      console.log(`NLU training (en + zh): ${Math.round(trainingMs)} ms`);
      expect(nlu.trained).toBe(true);
    });

    it('is deterministic: two services trained apart answer identically', () => {
      const other = new NluService();
      other.train();
      for (const text of ['book the second one', 'cancel', '这周末上海有工作坊吗', 'how much is it', '取消']) {
        expect(other.understand(text, { now, timeZone })).toEqual(nlu.understand(text, { now, timeZone }));
      }
    });

    it('remembers what a text means, but resolves its dates on every call and follows a new catalogue', () => {
      const first = understand('Python workshops in Shanghai next Saturday');
      expect(understand('Python workshops in Shanghai next Saturday')).toEqual(first);
      const weekLater = understand('Python workshops in Shanghai next Saturday', { now: new Date(now.getTime() + 7 * 86_400_000) });
      expect(weekLater.intent).toBe(first.intent);
      expect(weekLater.entities.dateRange!.from.getTime() - first.entities.dateRange!.from.getTime()).toBe(7 * 86_400_000);
      const renamed: NluCatalogue = { ...TEST_CATALOGUE, cities: TEST_CATALOGUE.cities.filter((c) => c.id !== first.entities.city!.id) };
      expect(understand('Python workshops in Shanghai next Saturday', { catalogue: renamed }).entities.city).toBeUndefined();
    });

    it('refuses to understand before training', () => {
      expect(() => new NluService().understand('hi')).toThrow(/train\(\)/);
    });
  });

  describe.each([
    ['en', 'en-US', enHeldOut],
    ['zh', 'zh-CN', zhHeldOut],
  ])('held-out utterances (%s)', (language, locale, heldOut) => {
    const intents = heldOut.intents as Record<string, string[]>;

    it.each([...INTENTS])('%s: at least 90% understood', (intent) => {
      const utterances = intents[intent];
      expect(utterances.length).toBeGreaterThanOrEqual(10);
      const misses = utterances
        .map((u) => ({ u, r: understand(u, { locale }) }))
        .filter(({ r }) => r.intent !== intent)
        .map(({ u, r }) => `${u} → ${r.intent} ${r.score}`);
      expect({ accuracy: 1 - misses.length / utterances.length >= 0.9, misses }).toEqual({ accuracy: true, misses: expect.any(Array) });
      expect(understand(utterances[0], { locale }).language).toBe(language);
    });

    it('out-of-scope small talk is mostly `none` (at least 75%)', () => {
      const utterances = intents.none;
      const none = utterances.filter((u) => understand(u, { locale }).intent === 'none');
      expect(none.length / utterances.length).toBeGreaterThanOrEqual(0.75);
    });
  });

  describe('low confidence', () => {
    it.each([
      ['cancel', ['abort', 'cancel_booking']],
      ['取消', ['abort', 'cancel_booking']],
      ['book or waitlist', ['join_waitlist']],
    ])('%s → none with the candidates as alternatives', (text, expected) => {
      const r = understand(text);
      expect(r.intent).toBe('none');
      expect(r.alternatives.map((a) => a.intent)).toEqual(expect.arrayContaining(expected));
      expect(r.alternatives.length).toBeLessThanOrEqual(3);
      expect(r.alternatives.every((a, i) => i === 0 || a.score <= r.alternatives[i - 1].score)).toBe(true);
    });

    it('never acts below the threshold: just above a clear request\'s score, it becomes a question', () => {
      const text = 'where is the session';
      const clear = nlu.understand(text, { now, timeZone });
      expect(clear.intent).toBe('ask_location');
      const strict = new NluService({ threshold: clear.score + 0.001 });
      strict.train();
      const r = strict.understand(text, { now, timeZone });
      expect(r.intent).toBe('none');
      expect(r.alternatives[0]).toEqual({ intent: 'ask_location', score: clear.score });
    });

    it('gibberish and out-of-scope text give none', () => {
      expect(understand('asdf qwer zxcv').intent).toBe('none');
      expect(understand('').intent).toBe('none');
      expect(understand("what's the weather like tomorrow").intent).toBe('none');
      expect(understand('我喜欢吃披萨').intent).toBe('none');
    });
  });

  describe('entities', () => {
    it('the product brief example: topic, city, date range', () => {
      const r = understand('any hands-on workshop for my Python course in Shanghai this weekend?', { locale: 'en-US' });
      expect(r.intent).toBe('find_sessions');
      expect(r.entities.topic?.id).toBe('topic-python');
      expect(r.entities.city?.id).toBe('city-sh');
      expect(r.entities.dateRange).toMatchObject({ from: day('2026-12-05'), to: day('2026-12-07'), grain: 'weekend' });
    });

    it('the same request in Chinese', () => {
      const r = understand('这周末在上海有Python的线下工作坊吗', { locale: 'zh-CN' });
      expect(r).toMatchObject({ intent: 'find_sessions', language: 'zh' });
      expect(r.entities.city?.id).toBe('city-sh');
      expect(r.entities.topic?.id).toBe('topic-python');
      expect(r.entities.dateRange).toMatchObject({ from: day('2026-12-05'), to: day('2026-12-07') });
    });

    it('下周六 and a city without 在', () => {
      const r = understand('北京下周六有机器学习的活动吗');
      expect(r.intent).toBe('find_sessions');
      expect(r.entities).toMatchObject({ city: { id: 'city-bj' }, topic: { id: 'topic-ml' } });
      expect(r.entities.dateRange).toMatchObject({ from: day('2026-12-12'), to: day('2026-12-13') });
    });

    it('a link code', () => {
      expect(understand('my code is 4f7k2q')).toMatchObject({ intent: 'link_account', entities: { linkCode: '4F7K2Q' } });
      expect(understand('验证码：８３９２０１')).toMatchObject({ intent: 'link_account', entities: { linkCode: '839201' } });
      expect(understand('K7M2PX', { locale: 'zh-CN' })).toMatchObject({ intent: 'link_account', entities: { linkCode: 'K7M2PX' } });
    });

    it('a list position', () => {
      expect(understand('book the second one')).toMatchObject({ intent: 'book', entities: { ordinal: 2 } });
      expect(understand('报名第二个')).toMatchObject({ intent: 'book', entities: { ordinal: 2 } });
      expect(understand('cancel the last one')).toMatchObject({ intent: 'cancel_booking', entities: { ordinal: -1 } });
    });

    it('a course by alias, for the course offline options question', () => {
      const r = understand('what offline options does Python for Data Analysis have');
      expect(r.intent).toBe('course_offline_options');
      expect(r.entities.course).toMatchObject({ id: 'course-pda', score: 1 });
    });

    it('works without a catalogue (entities from text only)', () => {
      const r = nlu.understand('any workshop next weekend', { now, timeZone });
      expect(r.intent).toBe('find_sessions');
      expect(r.entities.city).toBeUndefined();
      expect(r.entities.dateRange?.grain).toBe('weekend');
    });

    it('follows the live catalogue: a city added later is found and classified without retraining', () => {
      const before = understand('苏州下周六有工作坊吗');
      expect(before.entities.city).toBeUndefined();
      const grown: NluCatalogue = { ...TEST_CATALOGUE, cities: [...TEST_CATALOGUE.cities, { id: 'city-su', names: { en: 'Suzhou', zh: '苏州' } }] };
      const after = nlu.understand('苏州下周六有工作坊吗', { catalogue: grown, now, timeZone });
      expect(after.intent).toBe('find_sessions');
      expect(after.entities.city?.id).toBe('city-su');
      expect(nlu.understand('Suzhou', { catalogue: grown, now, timeZone })).toMatchObject({ intent: 'find_sessions', entities: { city: { id: 'city-su' } } });
    });
  });

  describe('language', () => {
    it('follows the locale for script-neutral text and the script otherwise', () => {
      expect(understand('ok', { locale: 'zh-CN' })).toMatchObject({ language: 'zh', intent: 'confirm_yes' });
      expect(understand('ok', { locale: 'en-US' })).toMatchObject({ language: 'en', intent: 'confirm_yes' });
      expect(understand('算了', { locale: 'en-US' })).toMatchObject({ language: 'zh', intent: 'abort' });
      expect(understand('never mind', { locale: 'zh-CN' })).toMatchObject({ language: 'en', intent: 'abort' });
      expect(understand('hello')).toMatchObject({ language: 'en', intent: 'greeting' });
    });
  });
});
