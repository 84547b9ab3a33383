import { deserialize, serialize } from 'node:v8';
import { NormalizedLearningEvent } from '../normalized-learning-event';
import { syntheticEventsCsv } from '../bench/synthetic-events-csv';
import { decodeEventColumns, encodeEventColumns, eventColumnBuffers } from './event-columns.codec';
import { parseEventsCsv } from './events-csv.parser';

const base = (i: number): NormalizedLearningEvent => ({
  learnerRef: { issuer: 'https://lms.example.edu', subject: `u${i}` },
  courseRef: 'py101',
  activityId: `https://lms.example.edu/mod/quiz/${i}`,
  type: 'scored',
  sourceVerb: 'scored',
  occurredAt: new Date(Date.UTC(2024, 4, 1, 9, 0, i)),
  source: 'csv',
  sourceId: `csv:018f3a0b7c00:${i}`,
});

describe('event columns', () => {
  it('give back exactly the rows, optional fields only where they were set', () => {
    const rows: NormalizedLearningEvent[] = [
      base(1),
      { ...base(2), courseRef: null, type: 'logged_in', sourceVerb: 'logged_in', learnerRef: { issuer: 'mailto', subject: 'a@b.example' } },
      { ...base(3), durationSeconds: 0, score: { scaled: 0.5 } },
      { ...base(4), score: { scaled: 0.8, raw: 40, min: 0, max: 50 }, completion: true, success: false },
      { ...base(5), completion: false, success: true, type: 'passed', sourceVerb: 'PASSED' },
      { ...base(6), type: 'purchased', sourceVerb: 'purchased', amount: { value: 199.99, currency: 'CNY' }, durationSeconds: 12.5 },
      { ...base(7), amount: { value: 0, currency: 'USD' }, activityId: 'tab\there "quoted", \\ back\nline 中文' },
      { ...base(8), occurredAt: new Date(-86_400_000), score: { raw: 3, max: 5 } },
    ];
    const columns = encodeEventColumns(rows)!;
    // Through a real structured clone, typed arrays transferred, as the parse thread sends them.
    const received = deserialize(serialize(columns));
    expect(eventColumnBuffers(columns)).toHaveLength(8);
    expect(decodeEventColumns(received)).toStrictEqual(rows);
    expect(columns.dictionary).toEqual(['https://lms.example.edu', 'scored', 'csv', 'mailto', 'logged_in', 'passed', 'PASSED', 'purchased', 'CNY', 'USD']);
  });

  it('round-trips what the CSV parser produces', async () => {
    const parsed: NormalizedLearningEvent[] = [];
    for await (const batch of parseEventsCsv(syntheticEventsCsv({ rows: 3000 }), { issuer: 'https://lms.example.edu', fileKey: 'e.csv' })) {
      parsed.push(...batch.rows);
    }
    expect(parsed.some((e) => e.score) && parsed.some((e) => e.amount) && parsed.some((e) => e.courseRef === null)).toBe(true);
    expect(decodeEventColumns(deserialize(serialize(encodeEventColumns(parsed)!)))).toStrictEqual(parsed);
  });

  it('declines a batch with more distinct short strings than its indexes hold (it then crosses as objects)', () => {
    const rows = Array.from({ length: 0xfff0 }, (_, i) => ({ ...base(i), sourceVerb: `verb-${i}` }));
    expect(encodeEventColumns(rows)).toBeUndefined();
    expect(encodeEventColumns(rows.slice(0, 1000))?.count).toBe(1000);
  });
});
