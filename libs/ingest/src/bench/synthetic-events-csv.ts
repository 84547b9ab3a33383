import { Readable } from 'node:stream';
import { LEARNING_EVENT_TYPES } from '../learning-event-type';

export interface SyntheticCsvOptions {
  rows: number;
  /** Every n-th row gets an invalid timestamp (0 = none), to exercise the error path at scale. */
  invalidEvery?: number;
  /** Lines generated per read; the generator itself holds only this many lines at a time. */
  linesPerChunk?: number;
}

const HEADER = 'learner_id,course_id,event_type,occurred_at,value,duration_seconds,score,amount,currency\r\n';
const BASE_TIME = Date.UTC(2024, 0, 1);

/**
 * An events CSV produced on demand (never materialised), with CRLF endings, quoted fields holding commas,
 * scores, durations and purchases — the shapes a real LMS export has — so the parser is measured, not the disk.
 */
export function syntheticEventsCsv(options: SyntheticCsvOptions): Readable {
  const { rows, invalidEvery = 0, linesPerChunk = 2000 } = options;
  let next = 0;
  let headerSent = false;
  return new Readable({
    read() {
      if (!headerSent) {
        headerSent = true;
        this.push(HEADER);
        return;
      }
      if (next >= rows) {
        this.push(null);
        return;
      }
      const end = Math.min(rows, next + linesPerChunk);
      let chunk = '';
      for (; next < end; next++) chunk += line(next, invalidEvery);
      this.push(chunk);
    },
  });
}

function line(i: number, invalidEvery: number): string {
  const type = LEARNING_EVENT_TYPES[i % LEARNING_EVENT_TYPES.length];
  const time = invalidEvery > 0 && i % invalidEvery === 0 ? 'not-a-time' : new Date(BASE_TIME + i * 1000).toISOString();
  const value = i % 10 === 0 ? `"lesson ${i % 30}, part ""a"""` : `lesson-${i % 30}`;
  const duration = i % 3 === 0 ? String((i % 3600) + 0.5) : '';
  const score = type === 'scored' ? `${i % 51}/50` : type === 'passed' ? '0.8' : '';
  const purchase = type === 'purchased' ? `${(i % 500) + 0.99},CNY` : ',';
  const course = type === 'logged_in' ? '' : `course-${i % 200}`;
  return `learner-${i % 50_000},${course},${type},${time},${value},${duration},${score},${purchase}\r\n`;
}
