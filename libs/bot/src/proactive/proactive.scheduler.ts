import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Booking, Clock, DomainEventBus, OfflineSession, TenantService } from '@o2o/core';
import { JobQueue } from '@o2o/jobs';
import { BotUserLink } from '../persistence/bot-user-link.entity';
import { UserLinkStore } from '../state/user-link.store';
import { BotSettingsService } from './bot-settings.service';
import { PLAN_FANOUT_JOB, REMINDER_JOB, REMINDER_OFFSETS, ReminderOffset, SEAT_NOTICE_JOB } from './proactive-job.names';
import { planSendTime } from './quiet-hours.util';

export interface ReminderPayload {
  tenantId: string;
  bookingId: string;
  offset: ReminderOffset;
  /** The start the reminder was planned for; a moved session gets new reminders and the old ones do nothing. */
  startsAt: string;
}

/**
 * Turns domain events into proactive-message jobs: reminders 24 h and 2 h before a confirmed booking, a notice
 * when a waitlisted learner gets a seat, suggestions when a plan opens sessions. Only learners linked to a chat are
 * scheduled; linking catches up on bookings made before. Idempotency keys make every path safe to repeat.
 */
@Injectable()
export class ProactiveScheduler implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('ProactiveScheduler');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: DomainEventBus,
    private readonly jobs: JobQueue,
    private readonly links: UserLinkStore,
    private readonly settings: BotSettingsService,
    private readonly tenants: TenantService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('BookingConfirmed', async (e) => {
      // Most bookings come from learners without a chat link: one lookup, before reading the booking back.
      if (!(await this.links.hasLink(e.payload.tenantId, e.payload.learnerId))) return;
      await this.scheduleReminders(e.payload.tenantId, e.payload.bookingId);
    });
    this.bus.subscribe('BookingPromoted', async (e) => {
      await this.seatNotice(e.payload.tenantId, e.payload.bookingId, e.payload.learnerId);
      await this.scheduleReminders(e.payload.tenantId, e.payload.bookingId);
    });
    this.bus.subscribe('SessionUpdated', async (e) => {
      if (e.payload.changed.includes('startsAt')) await this.scheduleSession(e.payload.tenantId, e.payload.sessionId);
    });
    this.bus.subscribe('PlanApproved', (e) => this.jobs.enqueue(PLAN_FANOUT_JOB, e.payload, { idempotencyKey: `bot:plan:${e.payload.planId}` }).then(() => undefined));
    this.links.onLinked((link) => this.scheduleLearner(link.tenantId, link.learnerId));
  }

  /**
   * Events are published after commit, in process: a crash in between would lose them. At start, make sure every
   * upcoming confirmed booking of a linked learner has its reminders (enqueueing is idempotent).
   */
  async onApplicationBootstrap(): Promise<void> {
    const rows: { tenantId: string; id: string }[] = await this.dataSource.getRepository(Booking).createQueryBuilder('b')
      .innerJoin(OfflineSession, 's', 's.id = b.sessionId')
      .innerJoin(BotUserLink, 'l', 'l.learnerId = b.learnerId AND l.tenantId = b.tenantId')
      .select('b.id', 'id').addSelect('b.tenantId', 'tenantId').distinct(true)
      .where('b.status = :status AND s.startsAt > :now', { status: 'confirmed', now: this.clock.now() })
      .getRawMany();
    for (const row of rows) await this.scheduleReminders(row.tenantId, row.id);
    if (rows.length) this.logger.log(`checked reminders of ${rows.length} upcoming bookings`);
  }

  async scheduleLearner(tenantId: string, learnerId: string): Promise<void> {
    const rows = await this.dataSource.getRepository(Booking).findBy({ tenantId, learnerId, status: 'confirmed' });
    for (const b of rows) await this.scheduleReminders(tenantId, b.id);
  }

  private async scheduleSession(tenantId: string, sessionId: string): Promise<void> {
    const rows = await this.dataSource.getRepository(Booking).findBy({ tenantId, sessionId, status: 'confirmed' });
    for (const b of rows) await this.scheduleReminders(tenantId, b.id);
  }

  async scheduleReminders(tenantId: string, bookingId: string): Promise<void> {
    const booking = await this.dataSource.getRepository(Booking).findOneBy({ id: bookingId, tenantId });
    if (!booking || booking.status !== 'confirmed') return;
    if (!(await this.links.latestFor(tenantId, booking.learnerId))) return;
    const session = await this.dataSource.getRepository(OfflineSession).findOneBy({ id: booking.sessionId });
    if (!session || session.status !== 'scheduled') return;
    const now = this.clock.now();
    const { timeZone } = await this.tenants.resolve(tenantId);
    const quiet = await this.settings.quietHours(tenantId);
    const start = session.startsAt.getTime();
    for (const offset of Object.keys(REMINDER_OFFSETS) as ReminderOffset[]) {
      const ideal = new Date(start - REMINDER_OFFSETS[offset]);
      // A reminder whose moment passed before the booking existed is not sent late ("starts tomorrow" at noon today).
      if (ideal < now) continue;
      // The 24 h reminder must not slip behind the 2 h one.
      const notAfter = new Date(offset === '24h' ? start - REMINDER_OFFSETS['2h'] : start);
      const runAt = planSendTime(ideal, quiet, timeZone, { notBefore: now, notAfter });
      if (!runAt) continue;
      const startsAt = session.startsAt.toISOString();
      const payload: ReminderPayload = { tenantId, bookingId, offset, startsAt };
      await this.jobs.enqueue(REMINDER_JOB, payload, { idempotencyKey: `bot:reminder:${bookingId}:${offset}:${startsAt}`, runAt });
    }
  }

  private async seatNotice(tenantId: string, bookingId: string, learnerId: string): Promise<void> {
    if (!(await this.links.latestFor(tenantId, learnerId))) return;
    await this.jobs.enqueue(SEAT_NOTICE_JOB, { tenantId, bookingId }, { idempotencyKey: `bot:promoted:${bookingId}` });
  }
}
