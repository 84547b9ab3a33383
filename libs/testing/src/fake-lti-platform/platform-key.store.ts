import { randomUUID } from 'node:crypto';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';

interface KeyPairEntry {
  kid: string;
  privateKey: KeyLike;
  publicKey: KeyLike;
  publicJwk: JWK;
  /** Retired keys stay signable for "old key" tests but leave the JWKS. */
  published: boolean;
}

/**
 * How a token is signed. The defaults produce a correct platform signature; every other value
 * reproduces one of the 1EdTech "known bad" headers or signatures.
 */
export interface SignOptions {
  /** `undefined` = current kid, `null` = no kid header at all, a string = that kid verbatim. */
  kid?: string | null;
  /** HS256 signs with the public key PEM as HMAC secret: the classic algorithm-confusion attack. */
  alg?: 'RS256' | 'HS256';
  /** `foreign` signs with a key the JWKS never published, while keeping the announced kid. */
  key?: 'current' | 'foreign' | { kid: string };
  typ?: string;
}

/** RSA keys of the fake platform, its JWKS, rotation, and deliberately wrong signatures. */
export class PlatformKeyStore {
  private readonly entries: KeyPairEntry[] = [];
  private currentKidValue = '';
  private foreign?: KeyPairEntry;

  static async create(): Promise<PlatformKeyStore> {
    const store = new PlatformKeyStore();
    await store.rotate();
    return store;
  }

  get currentKid(): string {
    return this.currentKidValue;
  }

  /** Adds a key and makes it current; the previous key stays published unless told otherwise,
   * because real platforms keep the old key in the JWKS while tokens signed with it are in flight. */
  async rotate(options: { keepPrevious?: boolean } = {}): Promise<string> {
    const entry = await PlatformKeyStore.newEntry();
    if (options.keepPrevious === false) for (const e of this.entries) e.published = false;
    this.entries.push(entry);
    this.currentKidValue = entry.kid;
    return entry.kid;
  }

  /** Removes a key from the JWKS (it can still sign, to test "signed by a withdrawn key"). */
  unpublish(kid: string): void {
    const entry = this.entries.find((e) => e.kid === kid);
    if (entry) entry.published = false;
  }

  jwks(): { keys: JWK[] } {
    return { keys: this.entries.filter((e) => e.published).map((e) => ({ ...e.publicJwk })) };
  }

  publicKey(kid = this.currentKidValue): KeyLike {
    return this.entry(kid).publicKey;
  }

  async sign(payload: JWTPayload, options: SignOptions = {}): Promise<string> {
    const alg = options.alg ?? 'RS256';
    const signer = await this.signingEntry(options.key);
    const kid = options.kid === undefined ? signer.kid : options.kid;
    const header: { alg: string; typ: string; kid?: string } = { alg, typ: options.typ ?? 'JWT' };
    if (kid !== null) header.kid = kid;
    const jwt = new SignJWT(payload).setProtectedHeader(header);
    if (alg === 'HS256') {
      const pem = await exportSPKI(this.entry(this.currentKidValue).publicKey);
      return jwt.sign(new TextEncoder().encode(pem));
    }
    return jwt.sign(signer.privateKey);
  }

  private async signingEntry(key: SignOptions['key']): Promise<KeyPairEntry> {
    if (key === 'foreign') {
      this.foreign ??= await PlatformKeyStore.newEntry();
      // Same kid as the current key so only the signature, not the lookup, is wrong.
      return { ...this.foreign, kid: this.currentKidValue };
    }
    if (key && typeof key === 'object') return this.entry(key.kid);
    return this.entry(this.currentKidValue);
  }

  private entry(kid: string): KeyPairEntry {
    const entry = this.entries.find((e) => e.kid === kid);
    if (!entry) throw new Error(`no platform key with kid ${kid}`);
    return entry;
  }

  private static async newEntry(): Promise<KeyPairEntry> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    return { kid, privateKey, publicKey, publicJwk, published: true };
  }
}
