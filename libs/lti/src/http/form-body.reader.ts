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
  // Plain stream events: an async iterator over the request costs more than the launch's form itself.
  const body = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > LIMIT) {
        req.off('data', onData);
        req.resume();
        reject(new LtiRejection('INVALID_INPUT', 400, { field: 'body', reason: 'too large' }));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('aborted', () => reject(new LtiRejection('INVALID_INPUT', 400, { field: 'body', reason: 'aborted' })));
  });
  if (type !== 'application/x-www-form-urlencoded') {
    req.body = {};
    return;
  }
  req.body = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}
