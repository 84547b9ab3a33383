import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JobQueue } from '@o2o/jobs';
import { TransactionRunner } from '@o2o/persistence';
import { BotHandoff } from '../persistence/bot-handoff.entity';
import { HANDOFF_DELIVER_JOB } from '../proactive/proactive-job.names';
import { EffectResult, reply, StepResult, text, TurnScope } from './turn-scope.util';

/** Longest message kept for the team; chat channels allow far more, admins' inboxes do not need it. */
const MAX_MESSAGE = 4000;

/**
 * Talk to a person: ask for the message, record it and hand delivery to a job (enqueued in the same transaction,
 * so a recorded request is never left undelivered).
 */
@Injectable()
export class HandoffDialog {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly jobs: JobQueue,
  ) {}

  ask(scope: TurnScope): StepResult {
    scope.state.awaiting = { slot: 'handoff_message' };
    return reply(text(scope, 'bot.handoff.ask'));
  }

  record(scope: TurnScope, message: string): StepResult {
    const learnerId = scope.link?.learnerId ?? null;
    return {
      replies: [],
      effect: async (): Promise<EffectResult> => {
        const id = randomUUID();
        await this.tx.run(async (m) => {
          await m.insert(BotHandoff, {
            id, tenantId: scope.tenant.id, conversationId: scope.conversation.id, learnerId,
            message: message.slice(0, MAX_MESSAGE), locale: scope.locale, status: 'open', answer: null,
            createdAt: scope.now, deliveredAt: null, answeredAt: null,
          });
          await this.jobs.enqueue(HANDOFF_DELIVER_JOB, { handoffId: id }, { idempotencyKey: `bot:handoff:${id}`, manager: m });
        });
        return { replies: [text(scope, 'bot.handoff.recorded')] };
      },
    };
  }
}
