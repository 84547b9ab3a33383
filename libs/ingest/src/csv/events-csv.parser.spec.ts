import { Readable } from 'node:stream';
import { NormalizedLearningEvent } from '../normalized-learning-event';
import { CsvBatch } from './csv-batch.reader';
import { CsvHeaderError } from './csv-header.error';
import { EventsCsvOptions, parseEventsCsv } from './events-csv.parser';

const HEADER = 'learner_id,course_id,event_type,occurred_at,value,duration_seconds,score,amount,currency';
const ISSUER = 'https://lms.example.edu';

/** Feeds `text` in chunks of `chunkSize` bytes so chunk boundaries fall inside CRLFs, quotes and UTF-8. */
function stream(text: string, chunkSize = 0): Readable {
  const bytes = Buffer.from(text);
  if (!chunkSize) return Readable.from([bytes]);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return Readable.from(chunks);
}

async function collect(text: string, options: Partial<EventsCsvOptions> = {}, chunkSize = 0) {
  const batches: CsvBatch<NormalizedLearningEvent>[] = [];
  for await (const batch of parseEventsCsv(stream(text, chunkSize), { issuer: ISSUER, fileKey: 'events.csv', ...options })) {
    batches.push(batch);
  }
  return {
    batches,
    rows: batches.flatMap((b) => b.rows),
    errors: batches.flatMap((b) => b.errors),
    progress: batches[batches.length - 1].progress,
  };
}

const file = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

describe('parseEventsCsv', () => {
  it('reads a valid file with BOM, CRLF, quoted fields and a relaxed header into normalised events', async () => {
    const text =
      '\ufeffLearner ID,Course-ID,EVENT_TYPE,occurred_at,value,duration_seconds,score,amount,currency\r\n' +
      'u-1,py101,completed,2024-05-01T09:30:00+08:00,"lesson 3, part ""b""",95.5,42/50,,\r\n' +
      'u-2,py101,purchased,2024-05-01 10:00:00Z,,,,199.00,cny\r\n' +
      '\r\n' +
      'u-3,,logged_in,2024-05-02T00:00:00Z,,,,,\r\n' +
      '"u-4",py101,Passed,2024-05-03T00:00:00Z,quiz-1,,85%,,\r\n';
    const { rows, errors, progress } = await collect(text);
    expect(errors).toEqual([]);
    expect(rows[0]).toEqual({
      learnerRef: { issuer: ISSUER, subject: 'u-1' },
      courseRef: 'py101',
      activityId: 'lesson 3, part "b"',
      type: 'completed',
      sourceVerb: 'completed',
      occurredAt: new Date('2024-05-01T01:30:00Z'),
      durationSeconds: 95.5,
      score: { scaled: 0.84, raw: 42, min: 0, max: 50 },
      completion: true,
      source: 'csv',
      // The instant leads the id (12 hex digits of epoch ms), so a time-ordered file appends to the unique index.
      sourceId: expect.stringMatching(new RegExp(`^csv:${Date.parse('2024-05-01T01:30:00Z').toString(16).padStart(12, '0')}:[0-9a-f]{64}$`)),
    });
    expect(rows[1]).toMatchObject({ type: 'purchased', activityId: 'py101', amount: { value: 199, currency: 'CNY' } });
    expect(rows[2]).toMatchObject({ type: 'logged_in', courseRef: null, activityId: ISSUER });
    expect(rows[3]).toMatchObject({ type: 'passed', success: true, score: { scaled: 0.85, raw: 85, max: 100 } });
    expect(progress).toEqual({ bytesRead: Buffer.byteLength(text), linesRead: 6, rowsAccepted: 4, rowsRejected: 0 });
  });

  it('gives the same result whatever the chunk boundaries', async () => {
    const text = '\ufeff' + [HEADER, 'u1,c1,viewed,2024-05-01T09:30:00Z,"多行\r\n值",,,,', 'u2,c1,viewed,2024-05-01T09:30:00Z,,,,,'].join('\r\n');
    const whole = await collect(text);
    const byteByByte = await collect(text, {}, 1);
    expect(byteByByte.rows).toEqual(whole.rows);
    expect(whole.rows.map((r) => r.activityId)).toEqual(['多行\n值', 'c1']);
    expect(byteByByte.progress.linesRead).toBe(4);
  });

  it('derives sourceId from normalised content, so re-imports and re-ordered files collide and changes do not', async () => {
    const a = await collect(file('u1,c1,viewed,2024-05-01T09:30:00Z,,60,,,', 'u2,c1,completed,2024-05-01T10:00:00Z,,,,,'));
    const reordered = await collect(file('u2,c1,completed,2024-05-01 18:00:00+08:00,,,,,', ' u1 ,c1,VIEWED,2024-05-01T09:30:00.000Z,,60.0,,,'));
    expect(new Set(reordered.rows.map((r) => r.sourceId))).toEqual(new Set(a.rows.map((r) => r.sourceId)));
    const changed = await collect(file('u1,c1,viewed,2024-05-01T09:30:00Z,,61,,,'), { issuer: ISSUER });
    expect(changed.rows[0].sourceId).not.toBe(a.rows[0].sourceId);
    const otherIssuer = await collect(file('u1,c1,viewed,2024-05-01T09:30:00Z,,60,,,'), { issuer: 'https://other.example' });
    expect(otherIssuer.rows[0].sourceId).not.toBe(a.rows[0].sourceId);
  });

  it.each([
    ['missing learner', ',c1,viewed,2024-05-01T09:30:00Z,,,,,', 'learner_id', 'is required'],
    ['unknown event type', 'u1,c1,watched,2024-05-01T09:30:00Z,,,,,', 'event_type', 'must be one of'],
    ['missing course', 'u1,,completed,2024-05-01T09:30:00Z,,,,,', 'course_id', 'only logged_in'],
    ['missing time', 'u1,c1,viewed,,,,,,', 'occurred_at', 'is required'],
    ['time without zone', 'u1,c1,viewed,2024-05-01T09:30:00,,,,,', 'occurred_at', 'time zone'],
    ['impossible date', 'u1,c1,viewed,2024-02-30T09:30:00Z,,,,,', 'occurred_at', 'calendar date'],
    ['negative duration', 'u1,c1,viewed,2024-05-01T09:30:00Z,,-5,,,', 'duration_seconds', 'negative'],
    ['duration with unit', 'u1,c1,viewed,2024-05-01T09:30:00Z,,5s,,,', 'duration_seconds', 'digits'],
    ['score above 1', 'u1,c1,scored,2024-05-01T09:30:00Z,,,1.5,,', 'score', 'out of range'],
    ['raw above max', 'u1,c1,scored,2024-05-01T09:30:00Z,,,51/50,,', 'score', 'between 0 and 50'],
    ['thousands separator', 'u1,c1,purchased,2024-05-01T09:30:00Z,,,,"1,299",CNY', 'amount', 'digits'],
    ['amount without currency', 'u1,c1,purchased,2024-05-01T09:30:00Z,,,,10,', 'currency', 'required when amount'],
    ['currency without amount', 'u1,c1,purchased,2024-05-01T09:30:00Z,,,,,CNY', 'amount', 'required when currency'],
    ['bad currency', 'u1,c1,purchased,2024-05-01T09:30:00Z,,,,10,yuan', 'currency', 'ISO 4217'],
    ['stray quote making a bad time', 'u1,c1,viewed,"2024-05-01T09:30:00Z"x,,,,,', 'occurred_at', 'ISO 8601'],
  ])('reports %s with line, column and reason and imports the rest', async (_name, bad, column, reason) => {
    const { rows, errors, progress } = await collect(file('u0,c1,viewed,2024-05-01T09:30:00Z,,,,,', bad, 'u2,c1,viewed,2024-05-01T09:30:00Z,,,,,'));
    expect(rows.map((r) => r.learnerRef.subject)).toEqual(['u0', 'u2']);
    expect(errors).toEqual([{ line: 3, column, reason: expect.stringContaining(reason) }]);
    expect(progress).toMatchObject({ rowsAccepted: 2, rowsRejected: 1 });
  });

  it('lists every bad field of a row but counts the row once; wrong field counts name no column', async () => {
    const { errors, progress } = await collect(file('u1,c1,nope,yesterday,,,,,', 'u2,c1,viewed', 'u3,c1,viewed,2024-05-01T09:30:00Z,,,,,,extra'));
    expect(errors).toEqual([
      { line: 2, column: 'event_type', reason: expect.any(String) },
      { line: 2, column: 'occurred_at', reason: expect.any(String) },
      { line: 3, column: null, reason: 'has 3 fields but the header has 9' },
      { line: 4, column: null, reason: 'has 10 fields but the header has 9' },
    ]);
    expect(progress.rowsRejected).toBe(3);
  });

  it('reports an unclosed quote with the lines it swallowed, keeping the rows before it', async () => {
    const { rows, errors } = await collect(file('u1,c1,viewed,2024-05-01T09:30:00Z,,,,,', 'u2,c1,viewed,2024-05-01T09:30:00Z,"oops,,,,', 'u3,c1,viewed,2024-05-01T09:30:00Z,,,,,'));
    expect(rows.map((r) => r.learnerRef.subject)).toEqual(['u1']);
    expect(errors).toEqual([{ line: 3, column: null, reason: expect.stringContaining('never closed; lines 3–4 were not imported') }]);
  });

  it.each([0, 64])('stops at a record longer than maxRecordBytes instead of buffering the file (chunks: %d)', async (chunkSize) => {
    const runaway = 'u2,c1,viewed,2024-05-01T09:30:00Z,"' + 'x,'.repeat(5000);
    const text = file('u1,c1,viewed,2024-05-01T09:30:00Z,,,,,', runaway, 'u3,c1,viewed,2024-05-01T09:30:00Z,,,,,');
    const { rows, errors } = await collect(text, { maxRecordBytes: 1024 }, chunkSize);
    expect(rows).toHaveLength(1);
    expect(errors).toEqual([{ line: 3, column: null, reason: expect.stringContaining('longer than 1024 bytes') }]);
  });

  it('keeps line numbers exact across blank lines, all-empty rows and quoted newlines', async () => {
    const { rows, errors } = await collect(
      file('u1,c1,viewed,2024-05-01T09:30:00Z,"two\nlines",,,,', '', ',,,,,,,,', 'u2,c1,viewed,,,,,,', '   ', 'u3,c1,viewed,2024-05-01T09:30:00Z,,,,,'),
    );
    expect(rows.map((r) => r.learnerRef.subject)).toEqual(['u1', 'u3']);
    expect(errors).toEqual([{ line: 6, column: 'occurred_at', reason: 'is required' }]);
  });

  it('lists at most maxListedErrors errors and counts the rest', async () => {
    const bad = Array.from({ length: 30 }, (_, i) => `u${i},c1,viewed,never,,,,,`);
    const { errors, progress } = await collect(file(...bad), { maxListedErrors: 5 });
    expect(errors).toHaveLength(6);
    expect(errors[5]).toEqual({ line: 0, column: null, reason: '25 more rejected row(s) not listed (limit 5)' });
    expect(progress.rowsRejected).toBe(30);
  });

  it('accepts zone-less times as UTC only when asked', async () => {
    const { rows } = await collect(file('u1,c1,viewed,2024-05-01 09:30:00,,,,,'), { naiveTimesAreUtc: true });
    expect(rows[0].occurredAt).toEqual(new Date('2024-05-01T09:30:00Z'));
  });

  it('yields batches of the configured size with cumulative progress', async () => {
    const lines = Array.from({ length: 2500 }, (_, i) => `u${i},c1,viewed,2024-05-01T09:30:00Z,,,,,`);
    const { batches } = await collect(file(...lines), { batchSize: 1000 });
    expect(batches.map((b) => b.rows.length)).toEqual([1000, 1000, 500]);
    expect(batches.map((b) => b.progress.rowsAccepted)).toEqual([1000, 2000, 2500]);
    expect(batches.every((b) => b.fileKey === 'events.csv')).toBe(true);
  });

  it.each([
    ['a missing column', 'learner_id,course_id,occurred_at\n', /missing required column\(s\): event_type/],
    ['an unknown column', `${HEADER},user_email\n`, /unknown column\(s\): user_email/],
    ['a repeated column', `${HEADER},score\n`, /repeated column\(s\): score/],
    ['no header at all', '', /empty/],
  ])('rejects the file for %s before yielding anything', async (_name, text, message) => {
    const run = collect(text);
    await expect(run).rejects.toThrow(CsvHeaderError);
    await expect(run).rejects.toThrow(message);
  });

  it('passes input errors through and can be abandoned mid-file', async () => {
    const failing = new Readable({ read() { this.destroy(new Error('disk gone')); } });
    await expect(async () => {
      for await (const _ of parseEventsCsv(failing, { issuer: ISSUER, fileKey: 'x' })) void _;
    }).rejects.toThrow('disk gone');
    const source = stream(file(...Array.from({ length: 50 }, (_, i) => `u${i},c1,viewed,2024-05-01T09:30:00Z,,,,,`)));
    for await (const batch of parseEventsCsv(source, { issuer: ISSUER, fileKey: 'x', batchSize: 10 })) {
      expect(batch.rows).toHaveLength(10);
      break;
    }
    expect(source.destroyed).toBe(true);
  });

  it('requires an issuer', () => {
    expect(() => parseEventsCsv(stream(file()), { issuer: ' ', fileKey: 'x' })).toThrow(/issuer/);
  });
});
