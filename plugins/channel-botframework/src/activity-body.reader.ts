import type { IncomingMessage, ServerResponse } from 'node:http';
import { json } from 'body-parser';

/** The host's JSON body limit, so nothing the endpoint accepted before is refused now. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export type BodyRead =
  | { ok: true; body: unknown }
  | { ok: false; status: 400 | 413 | 415; problem: 'invalidJson' | 'tooLarge' | 'unsupportedEncoding'; params?: Record<string, unknown> };

// The host's own JSON parser (body-parser), configured as the host configures it, plus `…+json` media types.
// strict: false: any JSON value is parsed, and the activity validator refuses what is not an activity (400).
const parseJson = json({
  limit: MAX_BODY_BYTES,
  strict: false,
  type: (req) => /^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(String(req.headers['content-type'] ?? '')),
});

interface BodyParserError {
  type?: string;
  encoding?: string;
}

/**
 * The activity as JSON from the raw request: the endpoint runs ahead of the host's body parsers, so it runs the
 * same parser itself (same limit, same encodings). When a parser did run first (an app assembled without the early
 * mount), its result is used as is. A body that is not JSON is `undefined`, which the activity validator refuses
 * with 400, as before.
 */
export function readActivityBody(req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<BodyRead> {
  if (req.body !== undefined || req.readableEnded) return Promise.resolve({ ok: true, body: req.body });
  return new Promise((done) => {
    parseJson(req, res, (err?: BodyParserError) => {
      if (!err) return done({ ok: true, body: req.body });
      if (err.type === 'entity.too.large') return done({ ok: false, status: 413, problem: 'tooLarge', params: { max: MAX_BODY_BYTES } });
      if (err.type === 'encoding.unsupported') {
        const encoding = String(req.headers['content-encoding'] ?? err.encoding ?? '').slice(0, 40);
        return done({ ok: false, status: 415, problem: 'unsupportedEncoding', params: { encoding } });
      }
      // Malformed JSON, a broken compressed stream or an aborted upload: a malformed body, not a server error.
      return done({ ok: false, status: 400, problem: 'invalidJson' });
    });
  });
}
