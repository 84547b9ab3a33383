import { Injectable } from '@nestjs/common';
import { Clock, TenantService } from '@o2o/core';
import { JobQueue } from '@o2o/jobs';
import { BotSettingsService } from './bot-settings.service';
import { planSendTime, quietWindowAt } from './quiet-hours.util';

export type GateOutcome = { deferredTo: string } | { skipped: string };

/**
 * The last check before a proactive message goes out. Jobs are planned around quiet hours when enqueued, but a
 * tenant may change them later or a job may run late: then the job re-queues itself for the end of the window.
 */
@Injectable()
export class QuietHoursGate {
  constructor(
    private readonly settings: BotSettingsService,
    private readonly tenants: TenantService,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  /** Undefined: send now. Otherwise the message was re-queued (same delivery key, so still sent at most once). */
  async hold(tenantId: string, notAfter: Date, job: string, payload: unknown, key: string): Promise<GateOutcome | undefined> {
    const quiet = await this.settings.quietHours(tenantId);
    if (!quiet) return undefined;
    const now = this.clock.now();
    const { timeZone } = await this.tenants.resolve(tenantId);
    if (!quietWindowAt(now, quiet, timeZone)) return undefined;
    const when = planSendTime(now, quiet, timeZone, { notBefore: now, notAfter });
    if (!when || when <= now) return { skipped: 'quiet hours last until it is too late' };
    await this.jobs.enqueue(job, payload, { idempotencyKey: `bot:deferred:${key}:${when.toISOString()}`, runAt: when });
    return { deferredTo: when.toISOString() };
  }
}
