import { Readable } from 'node:stream';
import { CsvBatch, CsvReadOptions, CsvRowMapping, CsvSchema, readCsvBatches } from './csv-batch.reader';
import { CsvFieldParsers } from './csv-field.parsers';
import { CsvRecordView } from './csv-record-view';
import { csvRowSourceId } from './csv-row-source-id';
import { COURSE_OUTCOME_RESULTS, CourseOutcomeResult, NormalizedCourseOutcome } from './course-outcome';

/** The documented outcomes file layout (see libs/ingest/README.md). */
export const OUTCOMES_CSV_COLUMNS = {
  required: ['learner_id', 'course_id', 'result'],
  optional: ['rating', 'occurred_at'],
} as const;

export interface OutcomesCsvOptions extends CsvReadOptions {
  issuer: string;
  naiveTimesAreUtc?: boolean;
}

const MAX_ID_LENGTH = 256;

/** Streams an outcomes CSV as batches of course outcomes plus row errors; same guarantees as parseEventsCsv. */
export function parseOutcomesCsv(input: Readable, options: OutcomesCsvOptions): AsyncGenerator<CsvBatch<NormalizedCourseOutcome>> {
  if (!options.issuer?.trim()) throw new TypeError('parseOutcomesCsv needs an issuer (the platform the learner ids belong to)');
  const issuer = options.issuer.trim();
  const schema: CsvSchema<NormalizedCourseOutcome> = {
    ...OUTCOMES_CSV_COLUMNS,
    mapRow: (view) => mapOutcomeRow(view, issuer, options.naiveTimesAreUtc ?? false),
  };
  return readCsvBatches(input, schema, options);
}

function mapOutcomeRow(view: CsvRecordView, issuer: string, naiveTimesAreUtc: boolean): CsvRowMapping<NormalizedCourseOutcome> {
  const errors: Array<{ column: string; reason: string }> = [];
  const learnerId = view.get('learner_id');
  const courseId = view.get('course_id');
  for (const [column, text] of [['learner_id', learnerId], ['course_id', courseId]] as const) {
    if (text === '') errors.push({ column, reason: 'is required' });
    else if (text.length > MAX_ID_LENGTH) errors.push({ column, reason: `is longer than ${MAX_ID_LENGTH} characters` });
  }
  const resultText = view.get('result').toLowerCase();
  const result = (COURSE_OUTCOME_RESULTS as readonly string[]).includes(resultText) ? (resultText as CourseOutcomeResult) : undefined;
  if (!result) {
    errors.push({ column: 'result', reason: `must be one of ${COURSE_OUTCOME_RESULTS.join(', ')} (got ${JSON.stringify(view.get('result'))})` });
  }
  let rating: number | undefined;
  if (view.get('rating') !== '') {
    const parsed = CsvFieldParsers.decimal(view.get('rating'), 'a rating from 1 to 5');
    if (!parsed.ok) errors.push({ column: 'rating', reason: parsed.reason });
    else if (parsed.value < 1 || parsed.value > 5) errors.push({ column: 'rating', reason: `must be between 1 and 5 (got ${parsed.value})` });
    else rating = parsed.value;
  }
  let occurredAt: Date | undefined;
  if (view.get('occurred_at') !== '') {
    const parsed = CsvFieldParsers.timestamp(view.get('occurred_at'), naiveTimesAreUtc);
    if (parsed.ok) occurredAt = parsed.value;
    else errors.push({ column: 'occurred_at', reason: parsed.reason });
  }
  if (errors.length > 0 || !result) return { errors };

  const outcome: NormalizedCourseOutcome = {
    learnerRef: { issuer, subject: learnerId },
    courseRef: courseId,
    result,
    source: 'csv',
    sourceId: csvRowSourceId('csv-outcome', [issuer, learnerId, courseId, result, rating, occurredAt?.toISOString()]),
  };
  if (rating !== undefined) outcome.rating = rating;
  if (occurredAt) outcome.occurredAt = occurredAt;
  return { row: outcome };
}
