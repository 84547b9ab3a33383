import { AsyncLocalStorage } from 'node:async_hooks';
import type { KeyObject } from 'node:crypto';

/** A write ltijs asked for during a launch, held back until the launch's own transaction. */
export interface DeferredStoreWrite {
  collection: string;
  id: string;
  data: string;
  createdAt: Date;
  expiresAt: Date;
  /** Plain INSERT (a conflict means the value was already used, e.g. a replayed nonce) instead of an upsert. */
  insertOnly: boolean;
}

export interface LtiRequestState {
  /** The platform key our launch guard already picked from the cached key set for this token's `kid`. */
  verifiedKey?: { issuer: string; clientId: string; key: KeyObject };
  /** The id_token nonce: its single use is recorded in the launch transaction, not by ltijs' read-then-insert. */
  nonce?: string;
  /** Whether ltijs stored query parameters for this state at login (it only does when target_link_uri has a query). */
  stateHasQuery?: boolean;
  /** Set by the store when ltijs stores query parameters during a login. */
  stateStoredAtLogin?: boolean;
  deferred: DeferredStoreWrite[];
}

/**
 * Request-scoped facts shared between our guards around ltijs and the ltijs database plugin, which ltijs calls
 * without the request. It lets the plugin answer from what the guard already checked (cached platform key, nonce
 * binding) and defer ltijs' launch writes into one transaction that only runs when the whole launch is accepted.
 */
export class LtiRequestScope {
  private static readonly storage = new AsyncLocalStorage<LtiRequestState>();

  static run<T>(work: () => T, initial: Partial<LtiRequestState> = {}): T {
    return LtiRequestScope.storage.run({ deferred: [], ...initial }, work);
  }

  static current(): LtiRequestState | undefined {
    return LtiRequestScope.storage.getStore();
  }
}
