import { Repository } from 'typeorm';
import { TransactionRunner } from '@o2o/persistence';
import { LtiKey } from '../entities/lti-key.entity';
import type { AesGcmCipher } from './aes-gcm.cipher';
import type { LtijsDocument } from './ltijs.types';

type KeyKind = 'public' | 'private';

/**
 * The tool's key pairs (ltijs `publickey` / `privatekey`), encrypted with AES-256-GCM. Decrypted keys are cached:
 * the JWKS endpoint and every service call read them, and they change only when a platform is registered.
 */
export class LtijsKeyRepository {
  private cache = new Map<string, string>();

  constructor(
    private readonly keys: Repository<LtiKey>,
    private readonly tx: TransactionRunner,
    private readonly cipher: AesGcmCipher,
  ) {}

  async get(kind: KeyKind, kid?: string): Promise<LtijsDocument[] | false> {
    const rows = await this.keys.find({ where: kid ? { kind, kid } : { kind }, order: { kid: 'ASC' } });
    if (!rows.length) return false;
    return rows.map((row) => ({ kid: row.kid, key: this.plain(row) }));
  }

  async put(kind: KeyKind, doc: { kid: string; key: string }, owner: { platformUrl: string; clientId: string }): Promise<void> {
    const row = this.sealedRow(kind, doc, owner);
    await this.tx.run(async (m) => {
      await m.delete(LtiKey, { id: row.id });
      await m.insert(LtiKey, row);
    });
    this.cache.delete(row.id);
  }

  /** The encrypted row for a key, to insert in the caller's transaction (registration and keys commit together). */
  sealedRow(kind: KeyKind, doc: { kid: string; key: string }, owner: { platformUrl: string; clientId: string }): LtiKey {
    const sealed = this.cipher.encrypt(JSON.stringify({ key: doc.key, kid: doc.kid }));
    return Object.assign(new LtiKey(), { id: `${kind}:${doc.kid}`, kind, kid: doc.kid, ...owner, ...sealed });
  }

  async rehome(kind: KeyKind, kid: string, owner: { platformUrl?: string; clientId?: string }): Promise<void> {
    await this.tx.run((m) => m.update(LtiKey, { kind, kid }, owner));
  }

  async delete(kind: KeyKind, kid: string): Promise<void> {
    await this.tx.run((m) => m.delete(LtiKey, { kind, kid }));
    this.cache.delete(`${kind}:${kid}`);
  }

  private plain(row: LtiKey): string {
    let key = this.cache.get(row.id);
    if (key === undefined) {
      key = (JSON.parse(this.cipher.decrypt(row.data, row.iv)) as { key: string }).key;
      this.cache.set(row.id, key);
    }
    return key;
  }
}
