import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Booking, Clock, DomainEventMap, OfflineSession, SuggestionService, TenantService } from '@o2o/core';
import { resolveLocale } from '@o2o/i18n';
import { JobQueue } from '@o2o/jobs';
import type { ChatConversationReference } from '@o2o/plugin-sdk';
import { BotUserLink } from '../persistence/bot-user-link.entity';
import { UserLinkStore } from '../state/user-link.store';
import { BotSettingsService } from './bot-settings.service';
import { PLAN_FANOUT_JOB, PLAN_SUGGESTION_JOB } from './proactive-job.names';
import { ProactiveMessages } from './proactive.messages';
import { ProactiveSender } from './proactive.sender';
import { planSendTime } from './quiet-hours.util';
import { QuietHoursGate } from './quiet-hours.gate';

type PlanPayload = DomainEventMap['PlanApproved'];
interface SuggestionPayload { tenantId: string; planId: string; learnerId: string; sessionId: string }

/** How far down a learner's suggestions a plan's session may be and still be worth a message. */
const TOP_SUGGESTIONS = 3;

/**
 * An approved plan opened sessions: tell the learners it was made for. The plan's own invitations when it has
 * them; otherwise every linked learner whose top suggestions now include one of the new sessions.
 */
@Injectable()
export class PlanSuggestionJobs implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly links: UserLinkStore,
    private readonly suggestions: SuggestionService,
    private readonly settings: BotSettingsService,
    private readonly tenants: TenantService,
    private readonly sender: ProactiveSender,
    private readonly messages: ProactiveMessages,
    private readonly gate: QuietHoursGate,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register<PlanPayload>(PLAN_FANOUT_JOB, (p) => this.fanOut(p));
    this.jobs.register<SuggestionPayload>(PLAN_SUGGESTION_JOB, (p) => this.suggest(p));
  }

  async fanOut(p: PlanPayload): Promise<unknown> {
    const opened = new Set(p.sessionIds);
    const targets = new Map<string, string>();
    if (p.invitations?.length) {
      for (const i of p.invitations) if (opened.has(i.sessionId) && !targets.has(i.learnerId)) targets.set(i.learnerId, i.sessionId);
    } else {
      const learners = await this.dataSource.getRepository(BotUserLink).createQueryBuilder('l')
        .select('l.learnerId', 'learnerId').distinct(true).where('l.tenantId = :tenantId', { tenantId: p.tenantId })
        .getRawMany<{ learnerId: string }>();
      for (const { learnerId } of learners) {
        const top = await this.suggestions.forLearner(p.tenantId, learnerId, { limit: TOP_SUGGESTIONS });
        const hit = top.find((s) => opened.has(s.session.id));
        if (hit) targets.set(learnerId, hit.session.id);
      }
    }
    const sessions = await this.dataSource.getRepository(OfflineSession).findBy({ id: In([...opened]), tenantId: p.tenantId });
    const quiet = await this.settings.quietHours(p.tenantId);
    const { timeZone } = await this.tenants.resolve(p.tenantId);
    const now = this.clock.now();
    let queued = 0;
    for (const [learnerId, sessionId] of targets) {
      const session = sessions.find((s) => s.id === sessionId);
      if (!session || !(await this.links.latestFor(p.tenantId, learnerId))) continue;
      const runAt = planSendTime(now, quiet, timeZone, { notBefore: now, notAfter: session.startsAt });
      if (!runAt) continue;
      await this.jobs.enqueue(PLAN_SUGGESTION_JOB, { tenantId: p.tenantId, planId: p.planId, learnerId, sessionId }, {
        idempotencyKey: `bot:plan:${p.planId}:${learnerId}`, runAt,
      });
      queued += 1;
    }
    return { learners: targets.size, queued };
  }

  async suggest(p: SuggestionPayload): Promise<unknown> {
    const session = await this.dataSource.getRepository(OfflineSession).findOneBy({ id: p.sessionId, tenantId: p.tenantId });
    if (!session || session.status !== 'scheduled' || session.startsAt <= this.clock.now()) return { skipped: 'the session is not open' };
    const booked = await this.dataSource.getRepository(Booking).existsBy({ sessionId: p.sessionId, learnerId: p.learnerId, status: In(['confirmed', 'waitlisted']) });
    if (booked) return { skipped: 'already booked' };
    const link = await this.links.latestFor(p.tenantId, p.learnerId);
    if (!link) return { skipped: 'the learner has no chat link' };
    const key = `plan:${p.planId}:${p.learnerId}`;
    if (await this.sender.alreadySent(key)) return { skipped: 'already sent' };
    const held = await this.gate.hold(p.tenantId, session.startsAt, PLAN_SUGGESTION_JOB, p, key);
    if (held) return held;
    return this.sender.send({
      key, kind: 'plan_suggestion', tenantId: p.tenantId, learnerId: p.learnerId,
      reference: link.reference as unknown as ChatConversationReference,
      messages: await this.messages.planSuggestion(session, resolveLocale(link.locale)),
    });
  }
}
