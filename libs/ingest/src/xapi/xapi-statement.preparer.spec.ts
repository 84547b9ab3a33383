import { prepareStatementForStorage } from './xapi-statement.preparer';
import { XapiStatement } from './xapi-statement.types';

const statement = (): XapiStatement => ({
  actor: { mbox: 'mailto:ann@example.com' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
  object: { id: 'http://example.com/a' },
  context: { contextActivities: { grouping: { id: 'http://example.com/course' } } },
});

describe('prepareStatementForStorage', () => {
  const stored = new Date('2024-05-01T10:00:00.000Z');

  it('generates a v4 id and fills timestamp, stored, version without touching the input', () => {
    const input = statement();
    const prepared = prepareStatementForStorage(input, { stored });
    expect(prepared.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(prepared).toMatchObject({ timestamp: stored.toISOString(), stored: stored.toISOString(), version: '1.0.0' });
    expect(prepared.context?.contextActivities?.grouping).toEqual([{ id: 'http://example.com/course' }]);
    expect(input.id).toBeUndefined();
    expect(input.context?.contextActivities?.grouping).toEqual({ id: 'http://example.com/course' });
  });

  it('keeps a sent id (lower-cased), timestamp and version; overwrites stored and authority', () => {
    const authority = { account: { homePage: 'https://o2o.example', name: 'tenant-a-client' } };
    const prepared = prepareStatementForStorage(
      {
        ...statement(),
        id: 'FD41C918-B88B-4B20-A0A5-A4C32391AAA0',
        timestamp: '2024-04-30T08:00:00Z',
        stored: '2000-01-01T00:00:00Z',
        version: '1.0.3',
        authority: { mbox: 'mailto:spoof@example.com' },
      },
      { stored, authority },
    );
    expect(prepared).toMatchObject({
      id: 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0',
      timestamp: '2024-04-30T08:00:00Z',
      stored: stored.toISOString(),
      version: '1.0.3',
      authority,
    });
  });

  it('uses the injected id generator', () => {
    expect(prepareStatementForStorage(statement(), { stored, generateId: () => 'fixed' }).id).toBe('fixed');
  });
});
