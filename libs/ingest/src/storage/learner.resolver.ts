import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdentityService } from '@o2o/core';
import { LearnerRef } from '../normalized-learning-event';
import { insertRows } from './bulk-insert';
import { selectIn } from './bulk-sql';
import { BulkTables } from './bulk-tables';
import { LearnerIdCache, learnerRefKey } from './learner-id.cache';

const PSEUDONYM_CACHE_SIZE = 20_000;

export interface ResolvedLearners {
  /** learnerRefKey → learner id, for every ref asked about. */
  ids: Map<string, string>;
  /** The learner id of each ref, in the order asked. */
  inOrder: string[];
  /** The part of `ids` that did not come from the cache (read or created now): what a cache should learn. */
  fresh: Map<string, string>;
  /** How many learners this call created. */
  created: number;
}

/**
 * Pseudonymisation at the door, in bulk and inside the caller's transaction. The pseudonym comes from
 * IdentityService.pseudonymFor (HMAC-SHA256 under the tenant key derived from IDENTITY_SECRET), so a learner
 * arriving here is the same learner LTI or the REST API creates for the same (issuer, subject). Missing learners
 * are inserted with their identity row (the one table allowed to hold the raw identity) in the same transaction
 * as the events: IdentityService.learnerFor runs its own transaction per learner, which would deadlock inside
 * ours on SQLite's single write queue and cost one round trip per learner on a million-row import.
 */
@Injectable()
export class LearnerResolver {
  constructor(private readonly identity: IdentityService) {}

  /**
   * Pseudonyms are a pure function of (tenant, issuer, subject) and the secret, so they are remembered (bounded):
   * a busy LRS sees the same few thousand learners all day, and each pseudonym costs two HMACs.
   */
  private readonly pseudonyms = new Map<string, string>();

  pseudonymOf(tenantId: string, ref: LearnerRef): string {
    const key = `${tenantId}\u0000${learnerRefKey(ref)}`;
    let pseudonym = this.pseudonyms.get(key);
    if (pseudonym === undefined) {
      pseudonym = this.identity.pseudonymFor(tenantId, ref.issuer, ref.subject);
      if (this.pseudonyms.size >= PSEUDONYM_CACHE_SIZE) this.pseudonyms.clear();
      this.pseudonyms.set(key, pseudonym);
    }
    return pseudonym;
  }

  async resolve(m: EntityManager, tenantId: string, refs: Iterable<LearnerRef>, cache?: LearnerIdCache): Promise<ResolvedLearners> {
    const ids = new Map<string, string>();
    const fresh = new Map<string, string>();
    const keyByPseudonym = new Map<string, string>();
    const refByKey = new Map<string, LearnerRef>();
    const keys: string[] = [];
    for (const ref of refs) {
      const key = learnerRefKey(ref);
      keys.push(key);
      if (ids.has(key) || refByKey.has(key)) continue;
      const cached = cache?.get(key);
      if (cached) ids.set(key, cached);
      else refByKey.set(key, ref);
    }
    const result = (created: number): ResolvedLearners => {
      for (const key of refByKey.keys()) fresh.set(key, ids.get(key)!);
      return { ids, inOrder: keys.map((key) => ids.get(key)!), fresh, created };
    };
    if (refByKey.size === 0) return result(0);
    for (const [key, ref] of refByKey) keyByPseudonym.set(this.pseudonymOf(tenantId, ref), key);

    const found = async (pseudonyms: string[]) => {
      const rows = await selectIn<{ id: string; pseudonym: string }>(m,
        'SELECT "id", "pseudonym" FROM "learner" WHERE "tenantId" = ? AND "pseudonym" {in}', [tenantId], pseudonyms);
      for (const row of rows) ids.set(keyByPseudonym.get(row.pseudonym)!, row.id);
    };
    await found([...keyByPseudonym.keys()]);
    // Sorted so concurrent PostgreSQL transactions take the unique-index locks in one order (no deadlock).
    const missing = [...keyByPseudonym.entries()].filter(([, key]) => !ids.has(key)).sort(([a], [b]) => (a < b ? -1 : 1));
    if (missing.length === 0) return result(0);
    const candidates = missing.map(([pseudonym]) => [randomUUID(), tenantId, pseudonym] as [string, string, string]);
    const inserted = await insertRows(m, BulkTables.learner, candidates,
      { onConflict: '("tenantId", "pseudonym") DO NOTHING', returning: ['pseudonym'] });
    const identities: unknown[][] = [];
    for (const [id, , pseudonym] of candidates) {
      if (!inserted.has(pseudonym)) continue;
      const key = keyByPseudonym.get(pseudonym)!;
      const ref = refByKey.get(key)!;
      ids.set(key, id);
      identities.push([randomUUID(), tenantId, id, ref.issuer, ref.subject]);
    }
    await insertRows(m, BulkTables.learnerIdentity, identities);
    // Another transaction created some of them between our look-up and our insert: read theirs.
    const raced = missing.filter(([, key]) => !ids.has(key)).map(([pseudonym]) => pseudonym);
    if (raced.length) await found(raced);
    return result(inserted.size);
  }
}
