import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { CsvBatch } from './csv-batch.reader';
import { batchFromWire, CsvParseWorkerData, deserializeError, FromCsvParseWorker, ToCsvParseWorker } from './csv-parse.protocol';

/** The parser's own heap: it holds a few batches, so a runaway file cannot take the process's memory with it. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 16 };

/**
 * Running from the TypeScript sources (the test runner), the worker's .ts files are compiled on load with the
 * swc the build uses; the built app starts the compiled worker directly.
 */
const TS_BOOTSTRAP = `
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename, module: { type: 'commonjs' }, jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true } },
  });
  module._compile(code, filename);
};
require(require('node:worker_threads').workerData.entry);
`;

function startWorker(data: CsvParseWorkerData): Worker {
  const compiled = join(__dirname, 'csv-parse.worker.js');
  if (existsSync(compiled)) return new Worker(compiled, { workerData: data, resourceLimits: WORKER_LIMITS });
  return new Worker(TS_BOOTSTRAP, { eval: true, workerData: { ...data, entry: join(__dirname, 'csv-parse.worker.ts') }, resourceLimits: WORKER_LIMITS });
}

/**
 * parseEventsCsv / parseOutcomesCsv on a worker thread: the same batches, errors and header failures, while this
 * thread writes the previous batches (parsing is about 13 µs a row, as much as storing it). The input is read
 * here, one chunk whenever the worker asks, so back-pressure reaches the upload; the worker stays a few batches
 * ahead. Stopping the iteration early (a failed transaction) ends the worker.
 */
export async function* parseCsvInWorker<Row>(input: Readable, data: CsvParseWorkerData): AsyncGenerator<CsvBatch<Row>> {
  const worker = startWorker(data);
  const source = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const inbox: Array<FromCsvParseWorker | { type: 'input-failed'; error: unknown } | { type: 'exit'; code: number }> = [];
  let wake: (() => void) | undefined;
  const deliver = (message: (typeof inbox)[number]) => {
    inbox.push(message);
    wake?.();
    wake = undefined;
  };
  const send = (message: ToCsvParseWorker, transfer?: ArrayBuffer[]) => worker.postMessage(message, transfer);
  const pull = async () => {
    try {
      const next = await source.next();
      if (next.done) return send({ type: 'end' });
      // A copy the worker can own: stream chunks may be views into a shared pool.
      const chunk = typeof next.value === 'string' ? new Uint8Array(Buffer.from(next.value, 'utf8')) : Uint8Array.prototype.slice.call(next.value);
      send({ type: 'data', chunk }, [chunk.buffer as ArrayBuffer]);
    } catch (error) {
      deliver({ type: 'input-failed', error });
    }
  };
  worker.on('message', (message: FromCsvParseWorker) => (message.type === 'pull' ? void pull() : deliver(message)));
  worker.on('error', (error) => deliver({ type: 'input-failed', error }));
  worker.on('exit', (code) => deliver({ type: 'exit', code }));
  try {
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift()!;
      switch (message.type) {
        case 'batch':
          send({ type: 'ack' });
          yield batchFromWire<Row>(message.batch, message.events);
          break;
        case 'done':
          if (message.stoppedEarly) input.destroy();
          return;
        case 'failed':
          input.destroy();
          throw deserializeError(message.error);
        case 'input-failed':
          throw message.error;
        case 'exit':
          throw new Error(`the CSV parser stopped unexpectedly (exit code ${message.code})`);
      }
    }
  } finally {
    await worker.terminate();
  }
}
