import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError } from '../errors/domain.error';
import { IdentityService } from '../identity/identity.service';
import { Learner } from './learner.entity';

/** Learners registered directly through the REST API use this issuer for their external id. */
export const DIRECT_ISSUER = 'urn:o2o-bridge:direct';

export interface RegisterLearnerInput {
  externalId: string;
  issuer?: string;
  displayName?: string;
  locale?: string;
  city?: string;
}

@Injectable()
export class LearnerService {
  constructor(
    @InjectRepository(Learner) private readonly learners: Repository<Learner>,
    private readonly identity: IdentityService,
  ) {}

  /** Registering the same external id again returns the learner already known. */
  async register(tenantId: string, input: RegisterLearnerInput): Promise<{ learner: Learner; created: boolean }> {
    const result = await this.identity.learnerFor(tenantId, input.issuer ?? DIRECT_ISSUER, input.externalId, input);
    return result;
  }

  async get(tenantId: string, id: string): Promise<Learner> {
    const learner = await this.learners.findOneBy({ id, tenantId });
    if (!learner) throw new DomainError('LEARNER_NOT_FOUND', 404, { learnerId: id });
    return learner;
  }
}
