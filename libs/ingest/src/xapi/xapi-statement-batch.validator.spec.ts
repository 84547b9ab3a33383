import { validateStatementBatch } from './xapi-statement-batch.validator';

const valid = () => ({
  id: 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0',
  actor: { objectType: 'Agent', name: 'Ann Learner', mbox: 'mailto:Ann@Example.com' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', 'zh-Hans-CN': '完成' } },
  object: {
    id: 'https://lms.example.edu/mod/page/view.php?id=7',
    definition: {
      name: { en: 'Intro page' },
      type: 'http://adlnet.gov/expapi/activities/lesson',
      extensions: { 'https://example.edu/x/level': null },
    },
  },
  result: { score: { scaled: 0.8, raw: 8, min: 0, max: 10 }, success: true, completion: true, duration: 'PT1H2M3.5S' },
  context: {
    registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
    contextActivities: { grouping: { id: 'https://lms.example.edu/course/view.php?id=2' } },
    platform: 'Moodle',
    language: 'en-US',
  },
  timestamp: '2024-05-01T09:30:00.123+08:00',
});

// Mutations deliberately break the shape, so the test works on untyped JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Statement = Record<string, any>;

function errorsFor(mutate: (s: Statement) => void): { path: string; reason: string }[] {
  const statement = valid() as Statement;
  mutate(statement);
  return validateStatementBatch([statement]).errors;
}

describe('validateStatementBatch', () => {
  it('accepts a conformant statement, alone or in an array', () => {
    expect(validateStatementBatch(valid())).toEqual({ ok: true, statements: [valid()], errors: [] });
    const batch = validateStatementBatch([valid(), { ...valid(), id: undefined }]);
    expect(batch.ok).toBe(true);
    expect(batch.statements).toHaveLength(2);
  });

  it('accepts the other identifier kinds, groups, StatementRef and SubStatement objects', () => {
    const statements = [
      { ...valid(), id: undefined, actor: { account: { homePage: 'https://lms.example.edu', name: '42' } } },
      { ...valid(), id: undefined, actor: { mbox_sha1sum: 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9' } },
      { ...valid(), id: undefined, actor: { openid: 'http://toby.openid.example.org/' } },
      {
        ...valid(),
        id: undefined,
        actor: { objectType: 'Group', member: [{ mbox: 'mailto:a@example.com' }, { openid: 'https://id.example/b' }] },
      },
      { ...valid(), id: undefined, context: undefined, object: { objectType: 'StatementRef', id: valid().id } },
      {
        ...valid(),
        id: undefined,
        context: undefined,
        object: { objectType: 'SubStatement', actor: { mbox: 'mailto:a@example.com' }, verb: { id: 'http://example.com/visited' }, object: { id: 'http://example.com/site' } },
      },
      { ...valid(), id: undefined, result: { duration: 'P16559.14S' } },
      { ...valid(), id: undefined, result: { duration: 'P4W' }, version: '1.0.3' },
    ];
    const outcome = validateStatementBatch(statements);
    expect(outcome.errors).toEqual([]);
  });

  it.each<[string, (s: Statement) => void, string, string]>([
    ['actor without identifier', (s) => delete s.actor.mbox, 'statements[0].actor', 'exactly one inverse functional identifier'],
    ['actor with two identifiers', (s) => (s.actor.openid = 'https://id.example/a'), 'statements[0].actor', 'found mbox, openid'],
    ['mbox not a mailto IRI', (s) => (s.actor.mbox = 'ann@example.com'), 'statements[0].actor.mbox', 'mailto IRI'],
    ['bad mbox_sha1sum', (s) => ((s.actor = { mbox_sha1sum: 'abc' } as any)), 'statements[0].actor.mbox_sha1sum', '40-character hex'],
    ['account without homePage', (s) => (s.actor = { account: { name: 'x' } } as any), 'statements[0].actor.account.homePage', 'is required'],
    ['account homePage not an IRI', (s) => (s.actor = { account: { homePage: 'lms', name: 'x' } } as any), 'statements[0].actor.account.homePage', 'absolute IRI'],
    ['anonymous group without members', (s) => (s.actor = { objectType: 'Group' } as any), 'statements[0].actor.member', 'anonymous Group'],
    ['group inside group', (s) => (s.actor = { objectType: 'Group', member: [{ objectType: 'Group', mbox: 'mailto:g@example.com' }] } as any), 'statements[0].actor.member[0].objectType', 'must be an Agent'],
    ['unknown actor property', (s) => (s.actor.email = 'x'), 'statements[0].actor.email', 'not a property of Agent'],
    ['verb id not an IRI', (s) => (s.verb.id = 'completed'), 'statements[0].verb.id', 'absolute IRI'],
    ['verb missing', (s) => delete (s as any).verb, 'statements[0].verb', 'is required'],
    ['display key not a language tag', (s) => (s.verb.display = { 'english!': 'x' } as any), 'statements[0].verb.display["english!"]', 'RFC 5646'],
    ['display value not a string', (s) => (s.verb.display = { en: 5 } as any), 'statements[0].verb.display.en', 'must be a string'],
    ['activity id missing', (s) => delete (s.object as any).id, 'statements[0].object.id', 'is required'],
    ['activity id relative', (s) => (s.object.id = '/mod/page/7'), 'statements[0].object.id', 'absolute IRI'],
    ['unknown objectType', (s) => ((s.object as any).objectType = 'Thing'), 'statements[0].object.objectType', 'must be one of'],
    ['agent object without objectType', (s) => ((s as any).object = { mbox: 'mailto:b@example.com' }), 'statements[0].object.id', 'is required'],
    ['StatementRef with bad id', (s) => ((s as any).object = { objectType: 'StatementRef', id: 'nope' }), 'statements[0].object.id', 'UUID'],
    ['nested SubStatement', (s) => ((s as any).object = { objectType: 'SubStatement', actor: s.actor, verb: s.verb, object: { objectType: 'SubStatement', actor: s.actor, verb: s.verb, object: { id: 'http://x.example/a' } } }), 'statements[0].object.object.objectType', 'must not contain another SubStatement'],
    ['SubStatement with id', (s) => ((s as any).object = { objectType: 'SubStatement', id: s.id, actor: s.actor, verb: s.verb, object: { id: 'http://x.example/a' } }), 'statements[0].object.id', 'not a property of SubStatement'],
    ['scaled score out of range', (s) => (s.result.score.scaled = 1.5), 'statements[0].result.score.scaled', 'between -1 and 1'],
    ['raw above max', (s) => (s.result.score.raw = 11), 'statements[0].result.score.raw', 'above max'],
    ['raw below min', (s) => (s.result.score.raw = -1), 'statements[0].result.score.raw', 'below min'],
    ['min not below max', (s) => (s.result.score.min = 10), 'statements[0].result.score.min', 'less than max'],
    ['score as string', (s) => ((s.result.score as any).raw = '8'), 'statements[0].result.score.raw', 'must be a number'],
    ['success as string', (s) => ((s.result as any).success = 'true'), 'statements[0].result.success', 'true or false'],
    ['bad duration', (s) => (s.result.duration = '1h'), 'statements[0].result.duration', 'ISO 8601 duration'],
    ['weeks combined with days', (s) => (s.result.duration = 'P4W1D'), 'statements[0].result.duration', 'ISO 8601 duration'],
    ['timestamp without zone', (s) => (s.timestamp = '2024-05-01T09:30:00'), 'statements[0].timestamp', 'time zone'],
    ['timestamp -00:00', (s) => (s.timestamp = '2024-05-01T09:30:00-00:00'), 'statements[0].timestamp', '-00:00'],
    ['timestamp impossible date', (s) => (s.timestamp = '2023-02-29T09:30:00Z'), 'statements[0].timestamp', 'no such calendar date'],
    ['timestamp not ISO', (s) => (s.timestamp = 'May 1 2024'), 'statements[0].timestamp', 'ISO 8601'],
    ['stored not ISO', (s) => ((s as any).stored = 'yesterday'), 'statements[0].stored', 'ISO 8601'],
    ['id not a UUID', (s) => (s.id = '12345'), 'statements[0].id', 'UUID'],
    ['version 2.0.0', (s) => ((s as any).version = '2.0.0'), 'statements[0].version', '1.0.x'],
    ['registration not a UUID', (s) => (s.context.registration = 'abc'), 'statements[0].context.registration', 'UUID'],
    ['unknown contextActivities key', (s) => ((s.context.contextActivities as any).course = { id: 'http://x.example/c' }), 'statements[0].context.contextActivities.course', 'not a property'],
    ['platform with non-activity object', (s) => ((s as any).object = { objectType: 'StatementRef', id: s.id }), 'statements[0].context.platform', 'only be used when'],
    ['team that is an Agent', (s) => ((s.context as any).team = { objectType: 'Agent', mbox: 'mailto:t@example.com' }), 'statements[0].context.team.objectType', 'must be "Group"'],
    ['context language not a tag', (s) => (s.context.language = 'English (US)'), 'statements[0].context.language', 'RFC 5646'],
    ['extension key not an IRI', (s) => ((s.object.definition.extensions as any) = { level: 1 }), 'statements[0].object.definition.extensions.level', 'IRIs'],
    ['unknown top-level property', (s) => ((s as any).foo = 1), 'statements[0].foo', 'not a property of Statement'],
    ['null value', (s) => ((s as any).result = null), 'statements[0].result', 'got null'],
    ['voiding without StatementRef', (s) => (s.verb.id = 'http://adlnet.gov/expapi/verbs/voided'), 'statements[0].object.objectType', 'StatementRef'],
    ['choices on a true-false interaction', (s) => ((s.object.definition as any) = { interactionType: 'true-false', choices: [{ id: 'a' }] }), 'statements[0].object.definition.choices', 'not supported'],
    ['duplicate component ids', (s) => ((s.object.definition as any) = { interactionType: 'choice', choices: [{ id: 'a' }, { id: 'a' }] }), 'statements[0].object.definition.choices[1].id', 'duplicates'],
  ])('rejects %s, naming the property', (_name, mutate, path, reason) => {
    const errors = errorsFor(mutate);
    expect(errors).toContainEqual({ path, reason: expect.stringContaining(reason) });
  });

  it('reports every error of every statement, so one bad statement fails the whole batch', () => {
    const bad = { ...valid(), id: undefined, actor: { mbox: 'nope' }, timestamp: '2024-13-01T00:00:00Z' };
    const outcome = validateStatementBatch([valid(), { ...valid(), id: undefined }, { ...valid(), id: undefined }, bad]);
    expect(outcome.ok).toBe(false);
    expect(outcome.errors.map((e) => e.path).sort()).toEqual(['statements[3].actor.mbox', 'statements[3].timestamp']);
  });

  it('rejects a batch that repeats an id', () => {
    const outcome = validateStatementBatch([valid(), { ...valid(), id: valid().id.toUpperCase() }]);
    expect(outcome.errors).toEqual([{ path: 'statements[1].id', reason: 'duplicates the id of statements[0] in the same batch' }]);
  });

  it('names a single statement "statement" and refuses non-objects', () => {
    expect(validateStatementBatch({ ...valid(), actor: {} }).errors[0].path).toBe('statement.actor');
    expect(validateStatementBatch('hello').errors).toEqual([
      { path: 'statements', reason: 'must be a statement object or an array of statements, got a string' },
    ]);
    expect(validateStatementBatch([null]).errors[0]).toEqual({ path: 'statements[0]', reason: 'must be an object (Statement), got null' });
  });
});
