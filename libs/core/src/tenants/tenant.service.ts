import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { isUniqueViolation, TransactionRunner } from '@o2o/persistence';
import { DomainError } from '../errors/domain.error';
import { Tenant } from './tenant.entity';

export const DEFAULT_TENANT_SLUG = 'default';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class TenantService {
  private readonly cache = new Map<string, Tenant>();

  constructor(
    @InjectRepository(Tenant) private readonly tenants: Repository<Tenant>,
    private readonly tx: TransactionRunner,
  ) {}

  /** Resolves a tenant by slug or id (cached: tenants are created rarely and never renamed). */
  async resolve(slugOrId: string | undefined, unitOfWork?: EntityManager): Promise<Tenant> {
    const key = slugOrId || DEFAULT_TENANT_SLUG;
    const cached = this.cache.get(key);
    if (cached) return cached;
    // Inside a transaction, read on its connection: asking the pool for a second one while holding the first
    // deadlocks PostgreSQL's pool when every connection is held by a request doing the same.
    const repository = unitOfWork ? unitOfWork.getRepository(Tenant) : this.tenants;
    const tenant = await repository.findOneBy(UUID.test(key) ? { id: key } : { slug: key });
    if (!tenant) throw new DomainError('TENANT_NOT_FOUND', 404, { tenant: key });
    this.cache.set(key, tenant);
    return tenant;
  }

  async ensure(slug: string, name: string, defaults: Partial<Tenant> = {}): Promise<Tenant> {
    const existing = await this.tenants.findOneBy({ slug });
    if (existing) return existing;
    try {
      await this.tx.run((m) => m.insert(Tenant, { id: randomUUID(), slug, name, settings: {} as never, ...(defaults as object) }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    return this.tenants.findOneByOrFail({ slug });
  }

  list(): Promise<Tenant[]> {
    return this.tenants.find({ order: { createdAt: 'ASC' } });
  }
}
