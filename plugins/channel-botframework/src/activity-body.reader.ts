import type { IncomingMessage } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

/** The host's JSON body limit, so nothing the endpoint accepted before is refused now. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export type BodyRead =
  | { ok: true; body: unknown }
  | { ok: false; status: 400 | 413 | 415; problem: 'invalidJson' | 'tooLarge' | 'unsupportedEncoding'; params?: Record<string, unknown> };

const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip, 'x-gzip': createGunzip, deflate: createInflate, br: createBrotliDecompress,
};

/**
 * The activity as JSON from the raw request: the endpoint runs ahead of the host's body parsers, so it reads its
 * own body (same limit, same encodings as the host's JSON parser). When a parser did run first (an app assembled
 * without the early mount), its result is used as is. A body that is not JSON is `undefined`, which the
 * activity validator refuses with 400, as before.
 */
export async function readActivityBody(req: IncomingMessage & { body?: unknown }): Promise<BodyRead> {
  if (req.body !== undefined || req.readableEnded) return { ok: true, body: req.body };
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(type)) {
    req.resume();
    return { ok: true, body: undefined };
  }
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) {
    req.resume();
    return { ok: false, status: 413, problem: 'tooLarge', params: { max: MAX_BODY_BYTES } };
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  let source: Readable = req;
  if (encoding !== 'identity') {
    const decoder = DECODERS[encoding];
    if (!decoder) {
      req.resume();
      return { ok: false, status: 415, problem: 'unsupportedEncoding', params: { encoding: encoding.slice(0, 40) } };
    }
    source = req.pipe(decoder()) as unknown as Readable;
  }
  // Plain events rather than `for await`: the async iterator cost more than the rest of the read.
  const collected = await new Promise<Buffer[] | 'tooLarge' | 'broken'>((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    source.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        source.removeAllListeners('data');
        if (source !== req) req.unpipe();
        req.resume();
        done('tooLarge');
      } else chunks.push(chunk);
    });
    source.once('end', () => done(chunks));
    // A broken compressed stream or an aborted upload is a malformed body, not a server error.
    source.once('error', () => done('broken'));
    // An upload that stops half-way never ends; a complete one may close before a decoder has flushed.
    req.once('close', () => {
      if (!req.complete) done('broken');
    });
  });
  if (collected === 'tooLarge') return { ok: false, status: 413, problem: 'tooLarge', params: { max: MAX_BODY_BYTES } };
  if (collected === 'broken') return { ok: false, status: 400, problem: 'invalidJson' };
  const chunks = collected;
  const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
  // Like the host's JSON parser: an empty JSON body is an empty object (which the validator then refuses).
  if (text.trim() === '') return { ok: true, body: {} };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, problem: 'invalidJson' };
  }
}
