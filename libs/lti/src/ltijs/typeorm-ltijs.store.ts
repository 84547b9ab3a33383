import { KeyObject, randomUUID } from 'node:crypto';
import type { DataSource, FindOptionsWhere } from 'typeorm';
import { TransactionRunner } from '@o2o/persistence';
import { LtiDeployment } from '../entities/lti-deployment.entity';
import { LtiKey } from '../entities/lti-key.entity';
import { LtiRegistration } from '../entities/lti-registration.entity';
import type { RegistrationDirectory } from '../registrations/registration.directory';
import { AesGcmCipher } from './aes-gcm.cipher';
import { LtiRequestScope } from './lti-request.scope';
import { LtijsKeyRepository } from './ltijs-key.repository';
import { registrationFields, toPlatformDocument } from './ltijs-platform.mapper';
import { LtijsRecordRepository } from './ltijs-record.repository';
import type { LtijsCollection, LtijsDatabasePlugin, LtijsDocument } from './ltijs.types';

/**
 * `o2o`: registrations from the in-memory directory, the launch guard's cached platform key, and launch writes
 * deferred into the launch transaction. `plain`: every call goes to the database, the way ltijs uses any store
 * (the benchmark's "bare ltijs" runs this mode on the same tables).
 */
export type LtijsStoreMode = 'o2o' | 'plain';

const keyKind = (c: LtijsCollection): 'public' | 'private' => (c === 'publickey' ? 'public' : 'private');

/**
 * ltijs' database plugin on our TypeORM connection, so ltijs shares the application's database (SQLite or
 * PostgreSQL), its migrations and its transactions instead of needing MongoDB.
 */
export class TypeormLtijsStore implements LtijsDatabasePlugin {
  private readonly records: LtijsRecordRepository;
  private readonly keys: LtijsKeyRepository;
  private readonly cipher: AesGcmCipher;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    secret: string,
    private readonly directory: RegistrationDirectory,
    private readonly mode: LtijsStoreMode = 'o2o',
  ) {
    this.cipher = new AesGcmCipher(secret);
    this.records = new LtijsRecordRepository(dataSource, tx, this.cipher);
    this.keys = new LtijsKeyRepository(dataSource.getRepository(LtiKey), tx, this.cipher);
  }

  get recordRepository(): LtijsRecordRepository {
    return this.records;
  }

  get keyRepository(): LtijsKeyRepository {
    return this.keys;
  }

  /** The connection is the application's and its tables come from our migrations: only check it answers. */
  async setup(): Promise<boolean> {
    await this.dataSource.query('SELECT 1');
    return true;
  }

  /** Closing the application's connection is Nest's job. */
  async Close(): Promise<boolean> {
    return true;
  }

  async Get(key: string | KeyObject | false, collection: LtijsCollection, query: LtijsDocument = {}): Promise<LtijsDocument[] | false> {
    if (collection === 'platform') return this.platforms(query);
    if (collection === 'platformStatus') {
      const reg = await this.registrationById(String(query.id));
      return reg ? [{ id: reg.id, active: reg.active }] : false;
    }
    if (collection === 'publickey' || collection === 'privatekey') return this.keys.get(keyKind(collection), query.kid as string | undefined);
    const scope = this.scope();
    // The guard bound this nonce to its login; the launch transaction records its single use (a unique insert).
    if (scope && collection === 'nonce' && scope.nonce === query.nonce) return false;
    if (scope && collection === 'state' && scope.stateHasQuery === false) return false;
    return this.records.get(!!key, collection, query);
  }

  async Insert(key: string | KeyObject | false, collection: LtijsCollection, item: LtijsDocument, index?: LtijsDocument): Promise<boolean> {
    if (collection === 'platform') return this.replacePlatform(item, item);
    if (collection === 'platformStatus') return this.setActive(String(item.id), !!item.active);
    if (collection === 'publickey' || collection === 'privatekey') return this.Replace(key, collection, item, item, index);
    const scope = this.scope();
    if (scope && collection === 'nonce') {
      scope.deferred.push(this.records.prepare(false, collection, item, item, true));
      return true;
    }
    if (scope && collection === 'state') scope.stateStoredAtLogin = true;
    await this.records.write(this.records.prepare(!!key, collection, item, item));
    return true;
  }

  async Replace(
    key: string | KeyObject | false, collection: LtijsCollection, query: LtijsDocument, item: LtijsDocument, index?: LtijsDocument,
  ): Promise<boolean> {
    if (collection === 'platform') return this.replacePlatform(query, item);
    if (collection === 'platformStatus') return this.setActive(String(query.id), !!item.active);
    if (collection === 'publickey' || collection === 'privatekey') {
      const owner = { platformUrl: String(index?.platformUrl ?? query.platformUrl), clientId: String(index?.clientId ?? query.clientId) };
      await this.keys.put(keyKind(collection), { kid: String(item.kid), key: String(item.key) }, owner);
      return true;
    }
    const scope = this.scope();
    if (scope && (collection === 'idtoken' || collection === 'contexttoken')) {
      // Learners enter through IdentityService (pseudonymised); ltijs' copy of the launch keeps no name or e-mail.
      const stored = collection === 'idtoken' ? { ...item, userInfo: {} } : item;
      scope.deferred.push(this.records.prepare(false, collection, query, stored));
      return true;
    }
    await this.records.write(this.records.prepare(!!key, collection, query, item));
    return true;
  }

  async Modify(key: string | KeyObject | false, collection: LtijsCollection, query: LtijsDocument, modification: LtijsDocument): Promise<boolean> {
    if (collection === 'platform') {
      const reg = await this.findRegistration(query);
      if (reg) await this.updateRegistration(reg.id, registrationFields(modification));
      return true;
    }
    if (collection === 'publickey' || collection === 'privatekey') {
      await this.keys.rehome(keyKind(collection), String(query.kid), modification as { platformUrl?: string; clientId?: string });
      return true;
    }
    if (collection === 'platformStatus') return this.setActive(String(query.id), !!modification.active);
    await this.records.modify(!!key, collection, query, modification);
    return true;
  }

  async Delete(collection: LtijsCollection, query: LtijsDocument): Promise<boolean> {
    if (collection === 'platform') {
      const reg = await this.findRegistration(query);
      if (reg) {
        await this.tx.run(async (m) => {
          await m.delete(LtiDeployment, { registrationId: reg.id });
          await m.delete(LtiRegistration, { id: reg.id });
        });
        this.directory.invalidate();
      }
      return true;
    }
    if (collection === 'platformStatus') return true;
    if (collection === 'publickey' || collection === 'privatekey') {
      await this.keys.delete(keyKind(collection), String(query.kid));
      return true;
    }
    if (this.scope() && collection === 'state' && this.scope()!.stateHasQuery === false) return true;
    await this.records.delete(collection, query);
    return true;
  }

  async Encrypt(data: string): Promise<{ iv: string; data: string }> {
    return this.cipher.encrypt(data);
  }

  async Decrypt(data: string, iv: string): Promise<string> {
    return this.cipher.decrypt(data, iv);
  }

  private scope() {
    return this.mode === 'o2o' ? LtiRequestScope.current() : undefined;
  }

  private async platforms(query: LtijsDocument): Promise<LtijsDocument[] | false> {
    let found: LtiRegistration[];
    if (this.mode === 'o2o') {
      const snap = await this.directory.snapshot();
      if (query.kid) found = [snap.byId(String(query.kid))].filter((r): r is LtiRegistration => !!r);
      else if (query.platformUrl && query.clientId) {
        found = [snap.registration(String(query.platformUrl), String(query.clientId))].filter((r): r is LtiRegistration => !!r);
      } else if (query.platformUrl) found = snap.forIssuer(String(query.platformUrl));
      else found = snap.all();
    } else {
      found = await this.dataSource.getRepository(LtiRegistration).findBy(this.where(query));
    }
    if (!found.length) return false;
    const verified = this.scope()?.verifiedKey;
    return found.map((r) => toPlatformDocument(
      r, verified && verified.issuer === r.issuer && verified.clientId === r.clientId ? verified.key : undefined,
    ) as unknown as LtijsDocument);
  }

  private where(query: LtijsDocument): FindOptionsWhere<LtiRegistration> {
    const where: FindOptionsWhere<LtiRegistration> = {};
    if (query.kid) where.id = String(query.kid);
    if (query.platformUrl) where.issuer = String(query.platformUrl);
    if (query.clientId) where.clientId = String(query.clientId);
    return where;
  }

  private async registrationById(id: string): Promise<LtiRegistration | undefined> {
    if (this.mode === 'o2o') return (await this.directory.snapshot()).byId(id);
    return (await this.dataSource.getRepository(LtiRegistration).findOneBy({ id })) ?? undefined;
  }

  private async findRegistration(query: LtijsDocument): Promise<LtiRegistration | null> {
    return this.dataSource.getRepository(LtiRegistration).findOneBy(this.where(query));
  }

  private async replacePlatform(query: LtijsDocument, item: LtijsDocument): Promise<boolean> {
    const existing = await this.findRegistration(query);
    const fields = registrationFields(item);
    if (existing) await this.updateRegistration(existing.id, fields);
    else {
      // Only reachable through ltijs' own registerPlatform(); our registration service writes registrations itself.
      await this.tx.run((m) => m.insert(LtiRegistration, {
        id: typeof item.kid === 'string' ? item.kid : randomUUID(), tenantId: '', name: 'Platform', authLoginUrl: '',
        authTokenUrl: '', authKey: '', lmsOrigins: [], source: 'manual', active: false, ...fields,
      } as never));
      this.directory.invalidate();
    }
    return true;
  }

  private async updateRegistration(id: string, fields: Partial<LtiRegistration>): Promise<void> {
    if (!Object.keys(fields).length) return;
    await this.tx.run((m) => m.update(LtiRegistration, { id }, fields as never));
    this.directory.invalidate();
  }

  private async setActive(id: string, active: boolean): Promise<boolean> {
    await this.tx.run((m) => m.update(LtiRegistration, { id }, { active, activatedAt: active ? new Date() : null }));
    this.directory.invalidate();
    return true;
  }
}
