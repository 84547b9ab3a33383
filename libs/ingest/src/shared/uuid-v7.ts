import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(16 * 1024);
let offset = pool.length;
let prefixMs = NaN;
let prefix = '';

/**
 * A time-ordered UUID (RFC 9562 version 7): 48 bits of milliseconds, then randomness. Rows keyed by it are
 * appended at the right edge of the primary-key index instead of at random places, which keeps bulk inserts
 * from dirtying one index page per row. Not for secrets (the time is visible). A bulk import makes a million of
 * these with one `now`, so the time part is formatted once per millisecond and the random part read from a pool.
 */
export function uuidV7(now = Date.now()): string {
  if (offset + 10 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  if (now !== prefixMs) {
    const time = now.toString(16).padStart(12, '0');
    prefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
    prefixMs = now;
  }
  const at = offset;
  offset += 10;
  const hex = pool.toString('hex', at, at + 10);
  const variant = ((pool[at + 2] & 0x3f) | 0x80).toString(16);
  return `${prefix}${hex.slice(0, 3)}-${variant}${hex.slice(6, 8)}-${hex.slice(8, 20)}`;
}
