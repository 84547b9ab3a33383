import { Readable } from 'node:stream';
import { isLearningEventType, LEARNING_EVENT_TYPES } from '../learning-event-type';
import { NormalizedLearningEvent } from '../normalized-learning-event';
import { CsvBatch, CsvReadOptions, CsvRowMapping, CsvSchema, readCsvBatches } from './csv-batch.reader';
import { CsvFieldParsers, FieldParse } from './csv-field.parsers';
import { CsvRecordView } from './csv-record-view';
import { csvRowSourceId } from './csv-row-source-id';

/** The documented events file layout (see libs/ingest/README.md). Header names are case/space-insensitive. */
export const EVENTS_CSV_COLUMNS = {
  required: ['learner_id', 'course_id', 'event_type', 'occurred_at'],
  optional: ['value', 'duration_seconds', 'score', 'amount', 'currency'],
} as const;

export interface EventsCsvOptions extends CsvReadOptions {
  /** Namespace of the learner ids in this file (the LMS base URL, as the LTI issuer) — part of the learner ref. */
  issuer: string;
  /** Read occurred_at values without a zone as UTC instead of rejecting them. Default false. */
  naiveTimesAreUtc?: boolean;
}

const MAX_ID_LENGTH = 256;
const MAX_VALUE_LENGTH = 512;

/**
 * Streams an events CSV as batches of normalised events plus row errors (line, column, reason).
 * Each event's sourceId is `csv:<sha256 of the normalised row>` so a re-import inserts nothing twice.
 * Throws CsvHeaderError (on the first iteration) when the header does not match EVENTS_CSV_COLUMNS.
 */
export function parseEventsCsv(input: Readable, options: EventsCsvOptions): AsyncGenerator<CsvBatch<NormalizedLearningEvent>> {
  if (!options.issuer?.trim()) throw new TypeError('parseEventsCsv needs an issuer (the platform the learner ids belong to)');
  return readCsvBatches(input, eventsSchema(options.issuer.trim(), options.naiveTimesAreUtc ?? false), options);
}

function eventsSchema(issuer: string, naiveTimesAreUtc: boolean): CsvSchema<NormalizedLearningEvent> {
  return {
    ...EVENTS_CSV_COLUMNS,
    mapRow: (view) => mapEventRow(view, issuer, naiveTimesAreUtc),
  };
}

type FieldErrors = Array<{ column: string; reason: string }>;

// Module-level helpers rather than per-row closures: this runs a million times per large import.
function readOptional<T>(view: CsvRecordView, column: string, parse: (text: string) => FieldParse<T>, errors: FieldErrors): T | undefined {
  const text = view.get(column);
  if (text === '') return undefined;
  const parsed = parse(text);
  if (parsed.ok) return parsed.value;
  errors.push({ column, reason: parsed.reason });
  return undefined;
}

function readIdentifier(view: CsvRecordView, column: string, max: number, errors: FieldErrors): string {
  const text = view.get(column);
  if (text.length > max) errors.push({ column, reason: `is longer than ${max} characters` });
  return text;
}

const parseTimestamp = (text: string) => CsvFieldParsers.timestamp(text, false);
const parseNaiveTimestamp = (text: string) => CsvFieldParsers.timestamp(text, true);

function mapEventRow(view: CsvRecordView, issuer: string, naiveTimesAreUtc: boolean): CsvRowMapping<NormalizedLearningEvent> {
  const errors: FieldErrors = [];
  const learnerId = readIdentifier(view, 'learner_id', MAX_ID_LENGTH, errors);
  if (learnerId === '') errors.push({ column: 'learner_id', reason: 'is required' });
  const typeText = view.get('event_type').toLowerCase();
  const type = isLearningEventType(typeText) ? typeText : undefined;
  if (!type) {
    errors.push({ column: 'event_type', reason: `must be one of ${LEARNING_EVENT_TYPES.join(', ')} (got ${JSON.stringify(view.get('event_type'))})` });
  }
  const courseId = readIdentifier(view, 'course_id', MAX_ID_LENGTH, errors);
  // Platform-level events (a log-in) belong to no course; everything else must say which course it is about.
  if (courseId === '' && type !== undefined && type !== 'logged_in') {
    errors.push({ column: 'course_id', reason: `is required for event_type ${type} (only logged_in may leave it empty)` });
  }
  const occurredAt = readOptional(view, 'occurred_at', naiveTimesAreUtc ? parseNaiveTimestamp : parseTimestamp, errors);
  if (view.get('occurred_at') === '') errors.push({ column: 'occurred_at', reason: 'is required' });
  const value = readIdentifier(view, 'value', MAX_VALUE_LENGTH, errors);
  const durationSeconds = readOptional(view, 'duration_seconds', CsvFieldParsers.nonNegative, errors);
  const score = readOptional(view, 'score', CsvFieldParsers.score, errors);
  const amount = readOptional(view, 'amount', CsvFieldParsers.nonNegative, errors);
  const currency = readOptional(view, 'currency', CsvFieldParsers.currency, errors);
  if (amount !== undefined && view.get('currency') === '') errors.push({ column: 'currency', reason: 'is required when amount is given' });
  if (view.get('amount') === '' && view.get('currency') !== '') errors.push({ column: 'amount', reason: 'is required when currency is given' });
  if (errors.length > 0 || !type || !occurredAt) return { errors };

  const courseRef = courseId === '' ? null : courseId;
  const activityId = value || courseId || issuer;
  const event: NormalizedLearningEvent = {
    learnerRef: { issuer, subject: learnerId },
    courseRef,
    activityId,
    type,
    sourceVerb: typeText,
    occurredAt,
    source: 'csv',
    sourceId: csvRowSourceId('csv', [
      issuer,
      learnerId,
      courseRef,
      activityId,
      type,
      occurredAt.toISOString(),
      durationSeconds,
      score?.scaled,
      score?.raw,
      score?.max,
      amount,
      currency,
    ], occurredAt),
  };
  if (durationSeconds !== undefined) event.durationSeconds = durationSeconds;
  if (score) event.score = score;
  if (type === 'completed' || type === 'media_completed') event.completion = true;
  if (type === 'passed' || type === 'failed') event.success = type === 'passed';
  if (amount !== undefined && currency) event.amount = { value: amount, currency };
  return { row: event };
}
