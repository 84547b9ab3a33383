import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, IdentityService } from '@o2o/core';
import { TransactionRunner } from '@o2o/persistence';
import { PluginRegistry } from '@o2o/plugin-sdk';
import type { LtiCourseLink } from '../entities/lti-course-link.entity';
import { LtiEnrolment } from '../entities/lti-enrolment.entity';
import type { LtiRegistration } from '../entities/lti-registration.entity';
import { normalizeLtiClaims } from '../launch/generic-claims.normalizer';
import { CLAIM } from '../launch/lti-claims.constants';
import type { NrpsMember } from './roster.fetcher';

export interface RosterOutcome {
  active: number;
  added: string[];
  removed: string[];
  unchanged: number;
}

/**
 * Turns an NRPS roster into pseudonymous learners (IdentityService, issuer + user_id) and enrolments, and tells who
 * joined or left since the last import. Inactive and Deleted members count as having left.
 */
@Injectable()
export class RosterReconciler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly identity: IdentityService,
    private readonly clock: Clock,
    private readonly plugins: PluginRegistry,
  ) {}

  async reconcile(registration: LtiRegistration, link: LtiCourseLink, members: NrpsMember[]): Promise<RosterOutcome> {
    const plugin = this.plugins.lmsFor({ issuer: registration.issuer, productFamilyCode: registration.productFamilyCode ?? undefined });
    const now = this.clock.now();
    const active = new Map<string, string[]>();
    for (const member of members) {
      if (member.status && member.status !== 'Active') continue;
      const name = member.name ?? ([member.given_name, member.family_name].filter(Boolean).join(' ') || null);
      const { learner } = await this.identity.learnerFor(link.tenantId, registration.issuer, member.user_id, { displayName: name });
      const claims = { [CLAIM.roles]: member.roles ?? [] };
      active.set(learner.id, (plugin ? plugin.normalizeClaims(claims) : normalizeLtiClaims(claims)).roles);
    }
    const existing = await this.dataSource.getRepository(LtiEnrolment).findBy({ courseLinkId: link.id });
    const byLearner = new Map(existing.map((e) => [e.learnerId, e]));
    const added = [...active.keys()].filter((id) => byLearner.get(id)?.status !== 'active');
    const removed = existing.filter((e) => e.status === 'active' && !active.has(e.learnerId)).map((e) => e.learnerId);
    await this.tx.run(async (m) => {
      for (const [learnerId, roles] of active) {
        const row = byLearner.get(learnerId);
        if (row) await m.update(LtiEnrolment, { id: row.id }, { roles, status: 'active', lastSeenAt: now, removedAt: null });
        else {
          await m.insert(LtiEnrolment, {
            id: randomUUID(), courseLinkId: link.id, learnerId, roles, status: 'active', firstSeenAt: now, lastSeenAt: now, removedAt: null,
          });
        }
      }
      for (const learnerId of removed) await m.update(LtiEnrolment, { id: byLearner.get(learnerId)!.id }, { status: 'removed', removedAt: now });
    });
    return { active: active.size, added, removed, unchanged: active.size - added.length };
  }
}
