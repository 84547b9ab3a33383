import { Transform, TransformCallback } from 'node:stream';

const CR = 0x0d;
const LF = 0x0a;
const CR_BUFFER = Buffer.from([CR]);

/**
 * Turns CRLF into LF before csv-parse sees the bytes. csv-parse counts a CRLF inside a quoted field as two
 * lines, which would shift every later line number in error reports; with LF only, its count is exact.
 * It also counts the raw bytes read, for a progress bar against the file size.
 */
export class CrlfNormalizer extends Transform {
  bytesRead = 0;
  private pendingCr = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytesRead += chunk.length;
    const parts: Buffer[] = [];
    if (this.pendingCr && chunk[0] !== LF) parts.push(CR_BUFFER);
    this.pendingCr = false;
    let start = 0;
    for (let i = chunk.indexOf(CR); i !== -1; i = chunk.indexOf(CR, i + 1)) {
      if (i === chunk.length - 1) {
        // A CR at the end of a chunk may be the first half of a CRLF split across chunks.
        parts.push(chunk.subarray(start, i));
        this.pendingCr = true;
        start = chunk.length;
      } else if (chunk[i + 1] === LF) {
        parts.push(chunk.subarray(start, i));
        start = i + 1;
      }
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
    callback(null, parts.length === 1 ? parts[0] : Buffer.concat(parts));
  }

  override _flush(callback: TransformCallback): void {
    callback(null, this.pendingCr ? CR_BUFFER : undefined);
  }
}
