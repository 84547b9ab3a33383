import type { DataSource, EntityManager } from 'typeorm';
import { rawQuery, rowDate, TransactionRunner } from '@o2o/persistence';
import type { AesGcmCipher } from './aes-gcm.cipher';
import type { DeferredStoreWrite } from './lti-request.scope';
import { recordExpiry, recordId } from './ltijs-record.keys';
import type { LtijsCollection, LtijsDocument } from './ltijs.types';

const UPSERT = 'INSERT INTO "lti_store_record" ("id", "collection", "data", "createdAt", "expiresAt") VALUES (?, ?, ?, ?, ?) ' +
  'ON CONFLICT ("id") DO UPDATE SET "data" = excluded."data", "createdAt" = excluded."createdAt", "expiresAt" = excluded."expiresAt"';
const INSERT = 'INSERT INTO "lti_store_record" ("id", "collection", "data", "createdAt", "expiresAt") VALUES (?, ?, ?, ?, ?)';

/**
 * ltijs' short-lived records in `lti_store_record`: one primary-key read or one upsert per call, in plain SQL
 * because these run on every launch. Encrypted collections keep `{iv, data}` (AES-256-GCM) in the data column.
 */
export class LtijsRecordRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly cipher: AesGcmCipher,
  ) {}

  async get(encrypted: boolean, collection: LtijsCollection, query: LtijsDocument): Promise<LtijsDocument[] | false> {
    const rows = await rawQuery<{ data: string; createdAt: unknown }>(this.dataSource.manager,
      'SELECT "data", "createdAt" FROM "lti_store_record" WHERE "id" = ? AND "expiresAt" > ?', [recordId(collection, query), new Date()]);
    if (!rows.length) return false;
    const stored = JSON.parse(rows[0].data) as LtijsDocument;
    if (!encrypted) return [stored];
    const doc = JSON.parse(this.cipher.decrypt(String(stored.data), String(stored.iv))) as LtijsDocument;
    // ltijs' own store hands back createdAt in milliseconds for encrypted documents (access token expiry uses it).
    return [{ ...doc, createdAt: rowDate(rows[0].createdAt).getTime() }];
  }

  /** The row ltijs asked for, ready to write now or later in the launch transaction. */
  prepare(encrypted: boolean, collection: LtijsCollection, query: LtijsDocument, item: LtijsDocument, insertOnly = false): DeferredStoreWrite {
    const createdAt = new Date();
    const data = encrypted ? JSON.stringify(this.cipher.encrypt(JSON.stringify(item))) : JSON.stringify(item);
    return { collection, id: recordId(collection, query), data, createdAt, expiresAt: recordExpiry(collection, createdAt), insertOnly };
  }

  async write(record: DeferredStoreWrite, manager?: EntityManager): Promise<void> {
    const params = [record.id, record.collection, record.data, record.createdAt, record.expiresAt];
    const sql = record.insertOnly ? INSERT : UPSERT;
    if (manager) await rawQuery(manager, sql, params);
    else await this.tx.run((m) => rawQuery(m, sql, params));
  }

  async modify(encrypted: boolean, collection: LtijsCollection, query: LtijsDocument, modification: LtijsDocument): Promise<void> {
    const current = await this.get(encrypted, collection, query);
    if (!current) return;
    const { createdAt: _ignored, ...doc } = current[0];
    await this.write(this.prepare(encrypted, collection, query, { ...doc, ...modification }));
  }

  async delete(collection: LtijsCollection, query: LtijsDocument): Promise<void> {
    await this.tx.run((m) => rawQuery(m, 'DELETE FROM "lti_store_record" WHERE "id" = ?', [recordId(collection, query)]));
  }

  /** Drops what ltijs' Mongo TTL indexes would have dropped; run by the cleanup job. */
  async deleteExpired(now: Date): Promise<void> {
    await this.tx.run((m) => rawQuery(m, 'DELETE FROM "lti_store_record" WHERE "expiresAt" <= ?', [now]));
  }
}
