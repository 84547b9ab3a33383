import { statementContentHash } from './xapi-statement.hasher';
import { XapiStatement } from './xapi-statement.types';

const base = (): XapiStatement => ({
  id: '7ccd3322-e1a5-411a-a67d-6a735c76f119',
  actor: { mbox: 'mailto:ann@example.com' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { 'en-US': 'attempted' } },
  object: { id: 'http://example.adlnet.gov/xapi/example/simpleCBT', definition: { name: { en: 'CBT' } } },
  result: { score: { scaled: 0.95 }, success: true, duration: 'PT1234.567S' },
  context: {
    registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
    contextActivities: { parent: { id: 'http://example.com/course' } },
  },
  timestamp: '2015-12-18T12:17:00+00:00',
});

describe('statementContentHash', () => {
  it('is stable under key order and ignores what the LRS may assign or rewrite', () => {
    const a = base();
    const b: XapiStatement = {
      timestamp: '2015-12-18T20:17:00.000+08:00',
      verb: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { 'zh-CN': '尝试' } },
      actor: { mbox: 'mailto:ann@EXAMPLE.com', objectType: 'Agent' },
      object: { objectType: 'Activity', id: 'http://example.adlnet.gov/xapi/example/simpleCBT' },
      context: {
        contextActivities: { parent: [{ id: 'http://example.com/course', definition: { name: { en: 'Course' } } }] },
        registration: 'EC531277-B57B-4C15-8D91-D292C5B2B8F7',
      },
      result: { duration: 'PT1234.56S', success: true, score: { scaled: 0.95 } },
      id: base().id,
      stored: '2024-01-01T00:00:00Z',
      version: '1.0.3',
      authority: { account: { homePage: 'https://lrs.example', name: 'client' } },
    };
    expect(statementContentHash(b)).toBe(statementContentHash(a));
    expect(statementContentHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('treats group members as unordered', () => {
    const group = (members: string[]): XapiStatement => ({
      ...base(),
      actor: { objectType: 'Group', member: members.map((m) => ({ mbox: `mailto:${m}` })) },
    });
    expect(statementContentHash(group(['a@x.org', 'b@x.org']))).toBe(statementContentHash(group(['b@x.org', 'a@x.org'])));
  });

  it.each<[string, (s: XapiStatement) => void]>([
    ['a different verb', (s) => (s.verb = { id: 'http://adlnet.gov/expapi/verbs/passed' })],
    ['a different score', (s) => (s.result = { ...s.result, score: { scaled: 0.9 } })],
    ['a different instant', (s) => (s.timestamp = '2015-12-18T12:17:01+00:00')],
    ['a different actor', (s) => (s.actor = { mbox: 'mailto:bob@example.com' })],
    ['a different local part case', (s) => (s.actor = { mbox: 'mailto:Ann@example.com' })],
    ['a different activity', (s) => (s.object = { id: 'http://example.com/other' })],
    ['a different duration (beyond 0.01 s it is ignored, not here)', (s) => (s.result = { ...s.result, duration: 'PT1235S' })],
    ['an added context extension', (s) => (s.context = { ...s.context, extensions: { 'http://x.example/e': 1 } })],
  ])('changes with %s', (_name, mutate) => {
    const other = base();
    mutate(other);
    expect(statementContentHash(other)).not.toBe(statementContentHash(base()));
  });
});
