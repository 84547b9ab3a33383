import { createPublicKey, KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import type { LtiRegistration } from '../entities/lti-registration.entity';

/** Keys are re-read this often even when known, so a key the platform withdrew stops working. */
const FRESH_FOR_MS = 10 * 60_000;
/** An unknown kid triggers a refetch at most this often per key set (rotation works, a flood of bogus kids does not). */
const REFETCH_COOLDOWN_MS = 1_000;

interface CachedKeySet {
  keys: Map<string, KeyObject>;
  fetchedAt: number;
  pending?: Promise<CachedKeySet>;
}

/**
 * The platforms' public keys, fetched once and kept (ltijs fetches the key set on every launch). Only RSA signing
 * keys are kept; a kid the set does not contain is looked up again after a short cooldown (key rotation).
 */
@Injectable()
export class PlatformKeySetCache {
  private readonly logger = new Logger('PlatformKeySetCache');
  private readonly sets = new Map<string, CachedKeySet>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async key(registration: LtiRegistration, kid: string): Promise<KeyObject | undefined> {
    if (registration.authMethod === 'RSA_KEY') return createPublicKey(registration.authKey);
    if (registration.authMethod === 'JWK_KEY') {
      const jwk = JSON.parse(registration.authKey) as { kid?: string };
      return !jwk.kid || jwk.kid === kid ? createPublicKey({ key: jwk as never, format: 'jwk' }) : undefined;
    }
    const url = registration.authKey;
    let set = this.sets.get(url);
    if (!set || Date.now() - set.fetchedAt > FRESH_FOR_MS) set = await this.refresh(url, set);
    if (!set.keys.has(kid)) {
      // A kid we have not seen: the platform may have rotated. Bogus kids share one refetch per cooldown.
      const wait = REFETCH_COOLDOWN_MS - (Date.now() - set.fetchedAt);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      set = await this.refresh(url, this.sets.get(url));
    }
    return set.keys.get(kid);
  }

  private refresh(url: string, current: CachedKeySet | undefined): Promise<CachedKeySet> {
    if (current?.pending) return current.pending;
    const pending = this.fetchKeys(url).then(
      (keys) => {
        const set = { keys, fetchedAt: Date.now() };
        this.sets.set(url, set);
        return set;
      },
      (err) => {
        // A platform whose key set is down keeps working with the keys we already have.
        this.logger.warn(`key set ${url} could not be fetched: ${(err as Error).message}`);
        const kept = { keys: current?.keys ?? new Map<string, KeyObject>(), fetchedAt: Date.now() };
        this.sets.set(url, kept);
        return kept;
      },
    );
    if (current) current.pending = pending;
    else this.sets.set(url, { keys: new Map(), fetchedAt: 0, pending });
    return pending;
  }

  private async fetchKeys(url: string): Promise<Map<string, KeyObject>> {
    const res = await fetch(url, { signal: AbortSignal.timeout(this.config.lti.serviceTimeoutMs), headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = (await res.json()) as { keys?: Record<string, unknown>[] };
    const keys = new Map<string, KeyObject>();
    for (const jwk of body.keys ?? []) {
      if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string' || (jwk.use && jwk.use !== 'sig')) continue;
      try {
        keys.set(jwk.kid, createPublicKey({ key: jwk as never, format: 'jwk' }));
      } catch {
        // A malformed entry must not hide the valid ones.
      }
    }
    return keys;
  }
}
