import { Readable } from 'node:stream';
import { courseOutcomeToEvents } from './course-outcome.converter';
import { NormalizedCourseOutcome } from './course-outcome';
import { CsvHeaderError } from './csv-header.error';
import { parseOutcomesCsv } from './outcomes-csv.parser';

const ISSUER = 'https://lms.example.edu';

async function collect(text: string) {
  const rows: NormalizedCourseOutcome[] = [];
  const errors = [];
  for await (const batch of parseOutcomesCsv(Readable.from([Buffer.from(text)]), { issuer: ISSUER, fileKey: 'outcomes.csv' })) {
    rows.push(...batch.rows);
    errors.push(...batch.errors);
  }
  return { rows, errors };
}

describe('parseOutcomesCsv', () => {
  it('reads results with optional rating and time', async () => {
    const { rows, errors } = await collect(
      '\ufefflearner_id,course_id,result,rating,occurred_at\r\nu1,py101,Completed,4.5,2024-06-01T00:00:00Z\r\nu2,py101,dropped,,\r\n',
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        learnerRef: { issuer: ISSUER, subject: 'u1' },
        courseRef: 'py101',
        result: 'completed',
        rating: 4.5,
        occurredAt: new Date('2024-06-01T00:00:00Z'),
        source: 'csv',
        sourceId: expect.stringMatching(/^csv-outcome:[0-9a-f]{64}$/),
      },
      { learnerRef: { issuer: ISSUER, subject: 'u2' }, courseRef: 'py101', result: 'dropped', source: 'csv', sourceId: expect.any(String) },
    ]);
  });

  it('works with only the required columns, and re-imports give the same ids', async () => {
    const first = await collect('learner_id,course_id,result\nu1,c1,passed\n');
    const again = await collect('result,course_id,learner_id\npassed,c1,u1\n');
    expect(again.rows[0].sourceId).toBe(first.rows[0].sourceId);
  });

  it.each([
    ['u1,c1,finished,,', 'result', 'must be one of completed, passed, failed, dropped'],
    ['u1,,passed,,', 'course_id', 'is required'],
    ['u1,c1,passed,6,', 'rating', 'between 1 and 5'],
    ['u1,c1,passed,great,', 'rating', 'rating from 1 to 5'],
    ['u1,c1,passed,,June', 'occurred_at', 'ISO 8601'],
  ])('reports %s by line and column', async (row, column, reason) => {
    const { rows, errors } = await collect(`learner_id,course_id,result,rating,occurred_at\nu0,c1,passed,,\n${row}\n`);
    expect(rows).toHaveLength(1);
    expect(errors).toEqual([{ line: 3, column, reason: expect.stringContaining(reason) }]);
  });

  it('rejects a header without result', async () => {
    await expect(collect('learner_id,course_id,grade\n')).rejects.toThrow(CsvHeaderError);
    await expect(collect('learner_id,course_id,grade\n')).rejects.toThrow(/missing required column\(s\): result; unknown column\(s\): grade/);
  });
});

describe('courseOutcomeToEvents', () => {
  const outcome: NormalizedCourseOutcome = {
    learnerRef: { issuer: ISSUER, subject: 'u1' },
    courseRef: 'py101',
    result: 'passed',
    rating: 4,
    source: 'csv',
    sourceId: 'csv-outcome:abc',
  };
  const importedAt = new Date('2024-07-01T00:00:00Z');

  it('emits the result and the rating as events with derived ids', () => {
    expect(courseOutcomeToEvents(outcome, importedAt)).toEqual([
      expect.objectContaining({ type: 'passed', success: true, occurredAt: importedAt, activityId: 'py101', sourceId: 'csv-outcome:abc:result' }),
      expect.objectContaining({ type: 'rated', score: { scaled: 0.75, raw: 4, min: 1, max: 5 }, sourceId: 'csv-outcome:abc:rating' }),
    ]);
  });

  it('maps dropped to other with completion false', () => {
    const [event, ...rest] = courseOutcomeToEvents({ ...outcome, result: 'dropped', rating: undefined }, importedAt);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: 'other', sourceVerb: 'dropped', completion: false });
  });
});
