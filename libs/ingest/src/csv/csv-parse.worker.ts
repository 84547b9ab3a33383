import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { CsvBatch } from './csv-batch.reader';
import { batchToWire, CsvParseWorkerData, FromCsvParseWorker, serializeError, ToCsvParseWorker } from './csv-parse.protocol';
import { parseEventsCsv } from './events-csv.parser';
import { parseOutcomesCsv } from './outcomes-csv.parser';

/**
 * The parse worker (see csv-parse.thread.ts): reads the input through the main thread, one chunk per request,
 * and sends back parsed batches, at most BATCHES_IN_FLIGHT ahead of what the main thread has taken, so memory
 * holds a few batches whatever the file's size.
 */
const BATCHES_IN_FLIGHT = 4;

const port = parentPort!;
const { kind, options } = workerData as CsvParseWorkerData;
const send = (message: FromCsvParseWorker, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);
let inFlight = 0;
let taken: (() => void) | undefined;

const input = new Readable({ read: () => send({ type: 'pull' }) });
port.on('message', (message: ToCsvParseWorker) => {
  if (message.type === 'data') input.push(Buffer.from(message.chunk.buffer, message.chunk.byteOffset, message.chunk.byteLength));
  else if (message.type === 'end') input.push(null);
  else {
    inFlight--;
    taken?.();
    taken = undefined;
  }
});

async function run(): Promise<void> {
  try {
    const batches: AsyncGenerator<CsvBatch<unknown>> = kind === 'events' ? parseEventsCsv(input, options) : parseOutcomesCsv(input, options);
    for await (const batch of batches) {
      const wire = batchToWire(batch, kind);
      send({ type: 'batch', batch: wire.batch, events: wire.events }, wire.transfer);
      inFlight++;
      while (inFlight >= BATCHES_IN_FLIGHT) await new Promise<void>((resolve) => (taken = resolve));
    }
    // The parser destroys its input when it gives up on a runaway record: the main thread's input stops too.
    send({ type: 'done', stoppedEarly: !input.readableEnded });
  } catch (error) {
    send({ type: 'failed', error: serializeError(error) });
  }
}

void run();
