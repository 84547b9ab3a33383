import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(16 * 1024);
let offset = pool.length;
let prefixMs = NaN;
let prefix = '';

/** The 48-bit millisecond part as a uuid's first two groups ("0190f3a2-1b40"); before 1970 counts as 0. */
function timeGroups(ms: number): string {
  const time = Math.max(0, ms).toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}`;
}

/** The smallest uuid v7 of a millisecond: every uuidV7 made from then on sorts at or after it. */
export function uuidV7LowerBound(ms: number): string {
  return `${timeGroups(ms)}-0000-0000-000000000000`;
}

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
    prefix = `${timeGroups(now)}-7`;
    prefixMs = now;
  }
  const at = offset;
  offset += 10;
  const hex = pool.toString('hex', at, at + 10);
  const variant = ((pool[at + 2] & 0x3f) | 0x80).toString(16);
  return `${prefix}${hex.slice(0, 3)}-${variant}${hex.slice(6, 8)}-${hex.slice(8, 20)}`;
}
