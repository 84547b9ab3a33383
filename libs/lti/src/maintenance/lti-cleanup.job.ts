import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { Clock } from '@o2o/core';
import { JobQueue } from '@o2o/jobs';
import { LtiSessionService } from '../app/lti-session.service';
import { TypeormLtijsStore } from '../ltijs/typeorm-ltijs.store';

export const CLEANUP_JOB = 'lti.cleanup';
const EVERY_MS = 60 * 60_000;

/**
 * Drops what has expired: ltijs' records (what MongoDB's TTL indexes did for ltijs) and course-page sessions. Hourly,
 * as a job, so with several hosts and workers one of them does it per hour (the idempotency key is the hour).
 */
@Injectable()
export class LtiCleanupJob implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('LtiCleanup');

  constructor(
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly store: TypeormLtijsStore,
    private readonly sessions: LtiSessionService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(CLEANUP_JOB, async () => {
      await this.run(new Date());
      await this.schedule(1);
      return {};
    });
  }

  async run(now: Date): Promise<void> {
    await this.store.recordRepository.deleteExpired(now);
    await this.sessions.deleteExpired(now);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule(1).catch((err) => this.logger.warn(`could not schedule the LTI cleanup: ${(err as Error).message}`));
  }

  private schedule(hoursAhead: number) {
    const slot = Math.floor(this.clock.now().getTime() / EVERY_MS) + hoursAhead;
    return this.jobs.enqueue(CLEANUP_JOB, {}, { runAt: new Date(slot * EVERY_MS), idempotencyKey: `${CLEANUP_JOB}:${slot}` });
  }
}
