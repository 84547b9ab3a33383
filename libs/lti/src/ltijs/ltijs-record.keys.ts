import { createHash } from 'node:crypto';
import type { LtijsCollection, LtijsDocument } from './ltijs.types';

/** ltijs' short-lived collections, the fields it always looks them up by, and how long it keeps them. */
export const RECORD_COLLECTIONS: Partial<Record<LtijsCollection, { key: string[]; ttlSeconds: number }>> = {
  // ltijs' Mongo schemas expire these after 24 h; the same here, through the cleanup job.
  idtoken: { key: ['iss', 'clientId', 'deploymentId', 'user'], ttlSeconds: 86_400 },
  contexttoken: { key: ['contextId', 'user'], ttlSeconds: 86_400 },
  // Kept for as long as a login may be answered (our login binding lasts 10 minutes), not ltijs' 10 seconds.
  nonce: { key: ['nonce'], ttlSeconds: 900 },
  state: { key: ['state'], ttlSeconds: 600 },
  accesstoken: { key: ['platformUrl', 'clientId', 'scopes'], ttlSeconds: 3_600 },
};

export function isRecordCollection(collection: LtijsCollection): boolean {
  return collection in RECORD_COLLECTIONS;
}

/** Primary key of a record: the collection and a hash of its key fields (ltijs' contextId alone can exceed 300 chars). */
export function recordId(collection: LtijsCollection, query: LtijsDocument): string {
  const spec = RECORD_COLLECTIONS[collection];
  if (!spec) throw new Error(`ltijs collection ${collection} is not a record collection`);
  const values = spec.key.map((field) => {
    if (query[field] === undefined) throw new Error(`ltijs ${collection} lookup without ${field}`);
    return String(query[field]);
  });
  return `${collection}:${createHash('sha256').update(values.join('\u0000')).digest('hex')}`;
}

export function recordExpiry(collection: LtijsCollection, from: Date): Date {
  return new Date(from.getTime() + RECORD_COLLECTIONS[collection]!.ttlSeconds * 1000);
}
