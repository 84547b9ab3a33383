import { createHmac, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { isUniqueViolation, TransactionRunner } from '@o2o/persistence';
import { Clock } from '../clock/clock';
import { DomainEventBus } from '../events/domain-event.bus';
import { DomainEvent } from '../events/domain-events';
import { Learner } from '../learners/learner.entity';
import { LearnerIdentity } from '../learners/learner-identity.entity';

export interface LearnerAttributes {
  displayName?: string | null;
  locale?: string | null;
  city?: string | null;
}

/**
 * Every door (LTI, xAPI, Caliper, CSV, chat, REST) turns a platform identity into a learner here.
 * The pseudonym is HMAC-SHA256 under a per-tenant key derived from IDENTITY_SECRET, which is not in the database.
 */
@Injectable()
export class IdentityService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
  ) {}

  pseudonymFor(tenantId: string, issuer: string, subject: string): string {
    const tenantKey = createHmac('sha256', this.config.identitySecret).update(`tenant:${tenantId}`).digest();
    return createHmac('sha256', tenantKey).update(`${issuer}\u0000${subject}`).digest('hex');
  }

  /**
   * Finds or creates the learner for (issuer, subject); safe when two doors race for the same person. A new learner
   * is logged as LearnerCreated in the same transaction and published after it commits, whichever door it came by.
   */
  async learnerFor(
    tenantId: string,
    issuer: string,
    subject: string,
    attributes: LearnerAttributes = {},
  ): Promise<{ learner: Learner; created: boolean }> {
    const pseudonym = this.pseudonymFor(tenantId, issuer, subject);
    const repo = this.dataSource.getRepository(Learner);
    const existing = await repo.findOneBy({ tenantId, pseudonym });
    if (existing) return { learner: existing, created: false };
    const learner = repo.create({
      id: randomUUID(),
      tenantId,
      pseudonym,
      locale: attributes.locale ?? null,
      city: attributes.city ?? null,
    });
    let created: DomainEvent | undefined;
    try {
      await this.tx.run(async (m) => {
        await m.insert(Learner, learner);
        await m.insert(LearnerIdentity, {
          id: randomUUID(),
          tenantId,
          learnerId: learner.id,
          issuer,
          subject,
          displayName: attributes.displayName ?? null,
        });
        created = await this.bus.record(m, 'LearnerCreated', { tenantId, learnerId: learner.id }, this.clock.now());
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return { learner: (await repo.findOneByOrFail({ tenantId, pseudonym })), created: false };
    }
    await this.bus.publish([created!]);
    return { learner: (await repo.findOneByOrFail({ id: learner.id })), created: true };
  }
}
