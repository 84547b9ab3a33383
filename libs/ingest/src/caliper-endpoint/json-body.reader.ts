import type { Request, Response } from 'express';
import { json } from 'body-parser';
import { DomainError } from '@o2o/core';
import { httpStatusError } from '../errors/http-status.error';

const LIMIT_BYTES = 5 * 1024 * 1024;
const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;

// The host's own JSON parser (body-parser, same 5 MB limit), here also for the `…+json` types no global parser reads.
const parseJson = json({ limit: LIMIT_BYTES, strict: false, type: (req) => JSON_TYPE.test(String(req.headers['content-type'] ?? '')) });

/**
 * The parsed JSON body. The host's parser handles `application/json`; Caliper sensors may also send a
 * `…+json` media type (`application/vnd.imsglobal.caliper.v1p2+json`), which is parsed here.
 */
export async function readJsonBody(req: Request, res: Response): Promise<unknown> {
  if (req.body !== undefined && !req.readable) return req.body;
  const type = String(req.headers['content-type'] ?? '');
  if (!JSON_TYPE.test(type)) {
    throw httpStatusError(req, 415, 'CALIPER_CONTENT_TYPE', { contentType: type || '(none)' });
  }
  const failure = await new Promise<{ type?: string } | undefined>((done) => parseJson(req, res, done));
  if (failure?.type === 'entity.too.large') throw httpStatusError(req, 413, 'PAYLOAD_TOO_LARGE', { limit: '5 MB' });
  if (failure) throw new DomainError('MALFORMED_JSON', 400);
  return req.body;
}
