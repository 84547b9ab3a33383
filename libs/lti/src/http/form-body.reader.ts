import type { IncomingMessage } from 'node:http';
import { LtiRejection } from '../launch/lti-rejection.error';

const LIMIT = 1024 * 1024;

/**
 * Reads an application/x-www-form-urlencoded body into `req.body` (single values; a repeated field keeps its last
 * value). /lti is mounted ahead of Nest's body parsers and request logging, which cost more than a launch's own work;
 * everything /lti receives from browsers and LMSs is a form post.
 */
export async function readFormBody(req: IncomingMessage & { body?: unknown }): Promise<void> {
  if (req.body !== undefined || req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > LIMIT) throw new LtiRejection('INVALID_INPUT', 400, { field: 'body', reason: 'too large' });
    chunks.push(chunk as Buffer);
  }
  if (type !== 'application/x-www-form-urlencoded') {
    req.body = {};
    return;
  }
  req.body = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}
