import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Booking, Clock, OfflineSession } from '@o2o/core';
import { resolveLocale } from '@o2o/i18n';
import { JobQueue } from '@o2o/jobs';
import type { ChatConversationReference } from '@o2o/plugin-sdk';
import { UserLinkStore } from '../state/user-link.store';
import { REMINDER_JOB, REMINDER_OFFSETS, SEAT_NOTICE_JOB } from './proactive-job.names';
import { ProactiveMessages } from './proactive.messages';
import type { ReminderPayload } from './proactive.scheduler';
import { ProactiveSender } from './proactive.sender';
import { QuietHoursGate } from './quiet-hours.gate';

/**
 * Sends reminders and seat notices. Everything is re-checked at send time (the booking may be cancelled, the
 * session moved, the user unlinked, quiet hours begun) because the job was planned days earlier.
 */
@Injectable()
export class ReminderJobs implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly links: UserLinkStore,
    private readonly sender: ProactiveSender,
    private readonly messages: ProactiveMessages,
    private readonly gate: QuietHoursGate,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register<ReminderPayload>(REMINDER_JOB, (p) => this.reminder(p));
    this.jobs.register<{ tenantId: string; bookingId: string }>(SEAT_NOTICE_JOB, (p) => this.seatNotice(p));
  }

  async reminder(p: ReminderPayload): Promise<unknown> {
    const found = await this.confirmed(p.tenantId, p.bookingId);
    if ('skipped' in found) return found;
    const { booking, session } = found;
    if (session.startsAt.toISOString() !== p.startsAt) return { skipped: 'the session moved; a new reminder is planned' };
    const key = `reminder:${p.bookingId}:${p.offset}:${p.startsAt}`;
    const link = await this.links.latestFor(p.tenantId, booking.learnerId);
    if (!link) return { skipped: 'the learner has no chat link' };
    if (await this.sender.alreadySent(key)) return { skipped: 'already sent' };
    const notAfter = new Date(session.startsAt.getTime() - (p.offset === '24h' ? REMINDER_OFFSETS['2h'] : 0));
    const held = await this.gate.hold(p.tenantId, notAfter, REMINDER_JOB, p, key);
    if (held) return held;
    const locale = resolveLocale(link.locale);
    return this.sender.send({
      key, kind: 'reminder', tenantId: p.tenantId, learnerId: booking.learnerId,
      reference: link.reference as unknown as ChatConversationReference,
      messages: await this.messages.reminder(session, p.offset, locale),
    });
  }

  async seatNotice(p: { tenantId: string; bookingId: string }): Promise<unknown> {
    const found = await this.confirmed(p.tenantId, p.bookingId);
    if ('skipped' in found) return found;
    const { booking, session } = found;
    const key = `promoted:${p.bookingId}`;
    const link = await this.links.latestFor(p.tenantId, booking.learnerId);
    if (!link) return { skipped: 'the learner has no chat link' };
    if (await this.sender.alreadySent(key)) return { skipped: 'already sent' };
    const held = await this.gate.hold(p.tenantId, session.startsAt, SEAT_NOTICE_JOB, p, key);
    if (held) return held;
    return this.sender.send({
      key, kind: 'seat_notice', tenantId: p.tenantId, learnerId: booking.learnerId,
      reference: link.reference as unknown as ChatConversationReference,
      messages: await this.messages.promoted(session, resolveLocale(link.locale)),
    });
  }

  private async confirmed(tenantId: string, bookingId: string): Promise<{ booking: Booking; session: OfflineSession } | { skipped: string }> {
    const booking = await this.dataSource.getRepository(Booking).findOneBy({ id: bookingId, tenantId });
    if (!booking || booking.status !== 'confirmed') return { skipped: 'the booking is not confirmed' };
    const session = await this.dataSource.getRepository(OfflineSession).findOneBy({ id: booking.sessionId });
    if (!session || session.status !== 'scheduled') return { skipped: 'the session is not scheduled' };
    if (session.startsAt <= this.clock.now()) return { skipped: 'the session has started' };
    return { booking, session };
  }
}
