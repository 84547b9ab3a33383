import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Clock, DomainError } from '@o2o/core';
import { TransactionRunner } from '@o2o/persistence';
import { IngestCredential, IngestCredentialKind } from './ingest-credential.entity';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface IssuedCredential {
  credential: IngestCredential;
  /** xAPI: the Basic password; Caliper: the whole bearer token. Returned once, never stored. */
  secret: string;
}

/** Issues, lists, revokes and verifies the per-tenant keys of the xAPI and Caliper doors. */
@Injectable()
export class IngestCredentialService {
  constructor(
    @InjectRepository(IngestCredential) private readonly credentials: Repository<IngestCredential>,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async issue(tenantId: string, kind: IngestCredentialKind, label?: string): Promise<IssuedCredential> {
    const key = `${kind}_${randomBytes(9).toString('hex')}`;
    const random = randomBytes(32).toString('base64url');
    // A Caliper token carries its key so a leaked one can be recognised in the list; only its hash is kept.
    const secret = kind === 'xapi' ? random : `${key}.${random}`;
    const credential = this.credentials.create({
      id: randomUUID(), tenantId, kind, label: label?.trim() || `${kind} credential`, key, secretHash: sha256(secret),
      createdAt: this.clock.now(), revokedAt: null,
    });
    await this.tx.run((m) => m.insert(IngestCredential, credential));
    return { credential, secret };
  }

  list(tenantId: string): Promise<IngestCredential[]> {
    return this.credentials.find({ where: { tenantId }, order: { createdAt: 'ASC' } });
  }

  async revoke(tenantId: string, id: string): Promise<IngestCredential> {
    const credential = await this.credentials.findOneBy({ id, tenantId });
    if (!credential) throw new DomainError('INGEST_CREDENTIAL_NOT_FOUND', 404, { credentialId: id });
    if (!credential.revokedAt) {
      credential.revokedAt = this.clock.now();
      await this.tx.run((m) => m.update(IngestCredential, { id, revokedAt: IsNull() }, { revokedAt: credential.revokedAt }));
    }
    return credential;
  }

  /** The live xAPI credential for HTTP Basic `key:secret`, or null. */
  async verifyBasic(key: string, secret: string): Promise<IngestCredential | null> {
    const credential = await this.credentials.findOneBy({ key, kind: 'xapi', revokedAt: IsNull() });
    if (!credential) return null;
    const expected = Buffer.from(credential.secretHash, 'hex');
    return timingSafeEqual(expected, Buffer.from(sha256(secret), 'hex')) ? credential : null;
  }

  /** The live Caliper credential for a bearer token, or null (looked up by the token's hash). */
  verifyBearer(token: string): Promise<IngestCredential | null> {
    return this.credentials.findOneBy({ secretHash: sha256(token), kind: 'caliper', revokedAt: IsNull() });
  }
}
