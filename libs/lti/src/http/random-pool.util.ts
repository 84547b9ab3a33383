import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let offset = POOL_BYTES;

/**
 * `n` bytes from the CSPRNG, taken from a pool filled 4 KiB at a time (each byte handed out once), as Node's own
 * randomUUID does: every launch needs a session token and page nonces, and one OpenSSL call per value cost more
 * than the values. Example: `randomFromPool(32).toString('base64url')`.
 */
export function randomFromPool(n: number): Buffer {
  if (n > POOL_BYTES) throw new RangeError(`at most ${POOL_BYTES} bytes`);
  if (offset + n > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  // Wiped once handed out, so no copy of a token stays in the pool.
  pool.fill(0, offset, offset + n);
  offset += n;
  return out;
}
