import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { DomainError } from '@o2o/core';
import { isUniqueViolation, TransactionRunner } from '@o2o/persistence';
import { LtiDeployment } from '../entities/lti-deployment.entity';
import { LtiKey } from '../entities/lti-key.entity';
import { LtiRegistration } from '../entities/lti-registration.entity';
import { TypeormLtijsStore } from '../ltijs/typeorm-ltijs.store';
import { RegistrationDirectory } from './registration.directory';
import { generateToolKeyPair } from './tool-key.generator';

export interface RegisterPlatformInput {
  issuer: string;
  clientId: string;
  name: string;
  authLoginUrl: string;
  authTokenUrl: string;
  jwksUrl: string;
  authServer?: string | null;
  deploymentIds: string[];
  productFamilyCode?: string | null;
  lmsOrigins?: string[];
  source?: 'manual' | 'dynamic';
  details?: Record<string, unknown> | null;
}

export interface RegistrationWithDeployments {
  registration: LtiRegistration;
  deployments: LtiDeployment[];
}

/**
 * Platform registrations: manual (REST API) and dynamic. A registration, its deployments and the tool's key pair
 * for it are written in one transaction, so a half-registered platform never exists. New registrations stay
 * inactive until an admin activates them unless LTI_AUTO_ACTIVATE is on.
 */
@Injectable()
export class RegistrationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly directory: RegistrationDirectory,
    private readonly store: TypeormLtijsStore,
  ) {}

  async register(tenantId: string, input: RegisterPlatformInput): Promise<RegistrationWithDeployments> {
    const keys = await generateToolKeyPair();
    const id = randomUUID();
    const owner = { platformUrl: input.issuer, clientId: input.clientId };
    try {
      await this.tx.run(async (m) => {
        if (await m.existsBy(LtiRegistration, { issuer: input.issuer, clientId: input.clientId })) {
          throw new DomainError('LTI_REGISTRATION_EXISTS', 409, { issuer: input.issuer, clientId: input.clientId }, 'clientId');
        }
        const active = this.config.lti.autoActivate;
        await m.insert(LtiRegistration, {
          id, tenantId, issuer: input.issuer, clientId: input.clientId, name: input.name,
          authLoginUrl: input.authLoginUrl, authTokenUrl: input.authTokenUrl, authServer: input.authServer ?? null,
          authMethod: 'JWK_SET', authKey: input.jwksUrl, active, productFamilyCode: input.productFamilyCode ?? null,
          lmsOrigins: input.lmsOrigins ?? [], source: input.source ?? 'manual', details: input.details ?? null,
          activatedAt: active ? new Date() : null,
        } as never);
        for (const deploymentId of new Set(input.deploymentIds)) await this.insertDeployment(m, id, deploymentId, tenantId);
        await m.insert(LtiKey, this.store.keyRepository.sealedRow('public', { kid: id, key: keys.publicPem }, owner));
        await m.insert(LtiKey, this.store.keyRepository.sealedRow('private', { kid: id, key: keys.privatePem }, owner));
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new DomainError('LTI_REGISTRATION_EXISTS', 409, { issuer: input.issuer, clientId: input.clientId }, 'clientId');
      }
      throw err;
    }
    this.directory.invalidate();
    return this.get(tenantId, id);
  }

  async activate(tenantId: string, id: string, active = true): Promise<RegistrationWithDeployments> {
    await this.get(tenantId, id);
    await this.tx.run((m) => m.update(LtiRegistration, { id }, { active, activatedAt: active ? new Date() : null }));
    this.directory.invalidate();
    return this.get(tenantId, id);
  }

  async addDeployment(tenantId: string, id: string, deploymentId: string): Promise<RegistrationWithDeployments> {
    await this.get(tenantId, id);
    try {
      await this.tx.run((m) => this.insertDeployment(m, id, deploymentId, tenantId));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw new DomainError('LTI_DEPLOYMENT_EXISTS', 409, { deploymentId }, 'deploymentId');
    }
    this.directory.invalidate();
    return this.get(tenantId, id);
  }

  async get(tenantId: string, id: string): Promise<RegistrationWithDeployments> {
    const registration = await this.dataSource.getRepository(LtiRegistration).findOneBy({ id, tenantId });
    if (!registration) throw new DomainError('LTI_REGISTRATION_NOT_FOUND', 404, { id });
    const deployments = await this.dataSource.getRepository(LtiDeployment).find({ where: { registrationId: id }, order: { createdAt: 'ASC' } });
    return { registration, deployments };
  }

  async list(tenantId: string): Promise<RegistrationWithDeployments[]> {
    const registrations = await this.dataSource.getRepository(LtiRegistration).find({ where: { tenantId }, order: { createdAt: 'ASC' } });
    const deployments = await this.dataSource.getRepository(LtiDeployment).find({ order: { createdAt: 'ASC' } });
    return registrations.map((registration) => ({
      registration, deployments: deployments.filter((d) => d.registrationId === registration.id),
    }));
  }

  private insertDeployment(m: EntityManager, registrationId: string, deploymentId: string, tenantId: string) {
    return m.insert(LtiDeployment, { id: randomUUID(), registrationId, deploymentId, tenantId });
  }
}
