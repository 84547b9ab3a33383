import { CsvBatch } from './csv-batch.reader';
import { CsvHeaderError } from './csv-header.error';
import { NormalizedLearningEvent } from '../normalized-learning-event';
import { decodeEventColumns, encodeEventColumns, EventColumns, eventColumnBuffers } from './event-columns.codec';
import { EventsCsvOptions } from './events-csv.parser';

/** What the parse worker is started with: which layout and the parser's options (plain data). */
export interface CsvParseWorkerData {
  kind: 'events' | 'outcomes';
  options: EventsCsvOptions;
}

/** Main thread → worker: input bytes on request, the end of the input, and batches taken. */
export type ToCsvParseWorker = { type: 'data'; chunk: Uint8Array } | { type: 'end' } | { type: 'ack' };

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  header?: { fileKey: string; problems: CsvHeaderError['problems']; expected: string };
}

/** Worker → main thread: a request for input, a parsed batch, the end (and whether the parser stopped reading early), or a failure. */
export type FromCsvParseWorker =
  | { type: 'pull' }
  | { type: 'batch'; batch: CsvBatch<unknown>; events?: EventColumns }
  | { type: 'done'; stoppedEarly: boolean }
  | { type: 'failed'; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof CsvHeaderError) {
    return { name: error.name, message: error.message, header: { fileKey: error.fileKey, problems: error.problems, expected: error.expected } };
  }
  const e = error as { name?: string; message?: string; code?: string };
  return { name: e?.name ?? 'Error', message: e?.message ?? String(error), code: e?.code };
}

/** The same error class on this side, so callers (the upload controller's 400 for a bad header) see no difference. */
export function deserializeError(error: SerializedError): Error {
  if (error.header) return new CsvHeaderError(error.header.fileKey, error.header.problems, error.header.expected);
  const out = new Error(error.message) as Error & { code?: string };
  out.name = error.name;
  if (error.code) out.code = error.code;
  return out;
}

type WireRow = { occurredAt?: Date | number };

/** A parsed batch as it crosses to the main thread, with the buffers to transfer rather than copy. */
export interface WireBatch {
  batch: CsvBatch<unknown>;
  /** An events file's rows, as columns (`batch.rows` is then empty). */
  events?: EventColumns;
  transfer: ArrayBuffer[];
}

/**
 * An events batch crosses as columns (event-columns.codec.ts): cheaper to receive on the thread that writes than
 * structured clone's objects. Other rows cross as they are, with Dates as epoch milliseconds: a structured-cloned
 * Date belongs to the receiving thread's main realm, which is not the realm of code running in a VM context (the
 * test runner's), where `instanceof Date` would then fail. Outcome rows have `occurredAt` as their only date.
 */
export function batchToWire(batch: CsvBatch<unknown>, kind: CsvParseWorkerData['kind']): WireBatch {
  const events = kind === 'events' && batch.rows.length > 0 ? encodeEventColumns(batch.rows as NormalizedLearningEvent[]) : undefined;
  if (events) return { batch: { ...batch, rows: [] }, events, transfer: eventColumnBuffers(events) };
  for (const row of batch.rows as WireRow[]) if (row.occurredAt instanceof Date) row.occurredAt = row.occurredAt.getTime();
  return { batch, transfer: [] };
}

export function batchFromWire<Row>(batch: CsvBatch<unknown>, events?: EventColumns): CsvBatch<Row> {
  if (events) return { ...batch, rows: decodeEventColumns(events) } as CsvBatch<Row>;
  for (const row of batch.rows as WireRow[]) if (typeof row.occurredAt === 'number') row.occurredAt = new Date(row.occurredAt);
  return batch as CsvBatch<Row>;
}
