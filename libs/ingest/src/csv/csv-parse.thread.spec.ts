import { Readable } from 'node:stream';
import { syntheticEventsCsv } from '../bench/synthetic-events-csv';
import { NormalizedLearningEvent } from '../normalized-learning-event';
import { CsvBatch } from './csv-batch.reader';
import { CsvHeaderError } from './csv-header.error';
import { parseCsvInWorker } from './csv-parse.thread';
import { parseEventsCsv } from './events-csv.parser';

const options = { issuer: 'https://lms.example.edu', fileKey: 'events.csv', batchSize: 100 };

async function collect<T>(batches: AsyncGenerator<CsvBatch<T>>): Promise<CsvBatch<T>[]> {
  const out: CsvBatch<T>[] = [];
  for await (const batch of batches) out.push(batch);
  return out;
}

describe('parseCsvInWorker', () => {
  it('gives exactly the batches, rows, errors and progress of the in-thread parser', async () => {
    const input = () => syntheticEventsCsv({ rows: 1500, invalidEvery: 97, linesPerChunk: 333 });
    const inThread = await collect(parseEventsCsv(input(), options));
    const inWorker = await collect(parseCsvInWorker<NormalizedLearningEvent>(input(), { kind: 'events', options }));
    // bytesRead mid-file depends on how far the stream has read ahead; by the end both have read the whole input.
    const withoutBytes = (batches: CsvBatch<unknown>[]) => batches.map((b) => ({ ...b, progress: { ...b.progress, bytesRead: 0 } }));
    expect(withoutBytes(inWorker)).toEqual(withoutBytes(inThread));
    expect(inWorker[inWorker.length - 1].progress.bytesRead).toBe(inThread[inThread.length - 1].progress.bytesRead);
    expect(inWorker[0].rows[0].occurredAt).toBeInstanceOf(Date);
    expect(inWorker.flatMap((b) => b.errors).length).toBeGreaterThan(0);
  });

  it('fails with the same CsvHeaderError when the header does not match', async () => {
    const error = await collect(parseCsvInWorker(Readable.from(['who,what\nu1,x\n']), { kind: 'events', options })).catch((e) => e);
    expect(error).toBeInstanceOf(CsvHeaderError);
    expect(error.message).toContain('missing required column(s): learner_id');
  });

  it('ends with the input\'s own error when the input fails half-way, after the batches parsed before it', async () => {
    const lines = ['learner_id,course_id,event_type,occurred_at\n'];
    for (let i = 0; i < 250; i++) lines.push(`u${i},py101,viewed,2024-05-01T09:00:00Z\n`);
    const dying = Readable.from((function* () {
      yield* lines;
      throw new Error('the upload was interrupted');
    })());
    const seen: number[] = [];
    const error = await (async () => {
      for await (const batch of parseCsvInWorker(dying, { kind: 'events', options })) seen.push(batch.rows.length);
    })().catch((e) => e);
    expect(error.message).toBe('the upload was interrupted');
    expect(seen.every((n) => n === 100)).toBe(true);
  });

  it('stops reading the input when the parser gives up on a runaway record', async () => {
    const input = Readable.from((function* () {
      yield 'learner_id,course_id,event_type,occurred_at\nu1,py101,viewed,2024-05-01T09:00:00Z\n"';
      for (let i = 0; i < 10_000; i++) yield 'x'.repeat(1000);
    })());
    const batches = await collect(parseCsvInWorker(input, { kind: 'events', options: { ...options, maxRecordBytes: 4096 } }));
    expect(batches.flatMap((b) => b.rows)).toHaveLength(1);
    expect(input.destroyed).toBe(true);
  });

  it('ends the worker when the caller stops early', async () => {
    const batches = parseCsvInWorker(syntheticEventsCsv({ rows: 100_000 }), { kind: 'events', options });
    const first = await batches.next();
    expect(first.value?.rows).toHaveLength(100);
    await expect(batches.return(undefined)).resolves.toEqual({ done: true, value: undefined });
  });
});
