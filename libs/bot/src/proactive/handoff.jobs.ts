import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { Clock } from '@o2o/core';
import { resolveLocale } from '@o2o/i18n';
import { JobQueue, PermanentJobError } from '@o2o/jobs';
import { TransactionRunner } from '@o2o/persistence';
import type { ChatConversationReference } from '@o2o/plugin-sdk';
import { BotConversation } from '../persistence/bot-conversation.entity';
import { BotHandoff } from '../persistence/bot-handoff.entity';
import { BotSettingsService } from './bot-settings.service';
import { HANDOFF_ANSWER_JOB, HANDOFF_DELIVER_JOB } from './proactive-job.names';
import { ProactiveMessages } from './proactive.messages';
import { ProactiveSender } from './proactive.sender';
import { QuietHoursGate } from './quiet-hours.gate';

/** An admin's endpoint that hangs is a failed attempt, retried with backoff. */
const WEBHOOK_TIMEOUT_MS = 10_000;
/** Answers are useful for a while, not forever; a deferred answer older than this is dropped. */
const ANSWER_VALID_MS = 7 * 86_400_000;

/**
 * Talk-to-a-person delivery: each request goes to the tenant's admin webhook (when configured) and always stays
 * in the admin inbox (`GET /api/v1/bot/handoffs`); an admin's answer goes back into the learner's conversation.
 */
@Injectable()
export class HandoffJobs implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly jobs: JobQueue,
    private readonly settings: BotSettingsService,
    private readonly sender: ProactiveSender,
    private readonly messages: ProactiveMessages,
    private readonly gate: QuietHoursGate,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ handoffId: string }>(HANDOFF_DELIVER_JOB, (p) => this.deliver(p.handoffId));
    this.jobs.register<{ handoffId: string; answerId: string; answer: string }>(HANDOFF_ANSWER_JOB, (p) => this.answer(p));
  }

  async deliver(handoffId: string): Promise<unknown> {
    const handoff = await this.dataSource.getRepository(BotHandoff).findOneBy({ id: handoffId });
    if (!handoff) return { skipped: 'no such request' };
    if (handoff.deliveredAt) return { skipped: 'already delivered' };
    const { handoffWebhookUrl } = await this.settings.get(handoff.tenantId);
    if (!handoffWebhookUrl) return { inbox: true };
    const res = await fetch(handoffWebhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      body: JSON.stringify({
        type: 'o2o.handoff', id: handoff.id, tenantId: handoff.tenantId, learnerId: handoff.learnerId,
        locale: handoff.locale, message: handoff.message, createdAt: handoff.createdAt.toISOString(),
        answerUrl: `${this.config.publicUrl}/api/v1/bot/handoffs/${handoff.id}/answer`,
      }),
    });
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
      throw new PermanentJobError(`handoff webhook answered ${res.status}`);
    }
    if (!res.ok) throw new Error(`handoff webhook answered ${res.status}`);
    const now = this.clock.now();
    await this.tx.run((m) => m.update(BotHandoff, { id: handoff.id }, { status: 'delivered', deliveredAt: now }));
    return { webhook: res.status };
  }

  async answer(p: { handoffId: string; answerId: string; answer: string }): Promise<unknown> {
    const handoff = await this.dataSource.getRepository(BotHandoff).findOneBy({ id: p.handoffId });
    if (!handoff) return { skipped: 'no such request' };
    const conversation = await this.dataSource.getRepository(BotConversation).findOneBy({ id: handoff.conversationId });
    if (!conversation) return { skipped: 'the conversation is gone' };
    const key = `handoff-answer:${p.answerId}`;
    if (await this.sender.alreadySent(key)) return { skipped: 'already sent' };
    const notAfter = new Date(this.clock.now().getTime() + ANSWER_VALID_MS);
    const held = await this.gate.hold(handoff.tenantId, notAfter, HANDOFF_ANSWER_JOB, p, key);
    if (held) return held;
    return this.sender.send({
      key, kind: 'handoff_answer', tenantId: handoff.tenantId, learnerId: handoff.learnerId,
      reference: conversation.reference as unknown as ChatConversationReference,
      messages: this.messages.handoffAnswer(p.answer, resolveLocale(handoff.locale)),
    });
  }
}
