import type { Request } from 'express';
import { DomainError } from '@o2o/core';
import { httpStatusError } from '../errors/http-status.error';

const LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * The parsed JSON body. The host's parser handles `application/json`; Caliper sensors may also send a
 * `…+json` media type, which no global parser reads, so it is read here with the same 5 MB limit.
 */
export async function readJsonBody(req: Request): Promise<unknown> {
  if (req.body !== undefined && !req.readable) return req.body;
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw httpStatusError(req, 415, 'CALIPER_CONTENT_TYPE', { contentType: type || '(none)' });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > LIMIT_BYTES) throw httpStatusError(req, 413, 'PAYLOAD_TOO_LARGE', { limit: '5 MB' });
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new DomainError('MALFORMED_JSON', 400);
  }
}
