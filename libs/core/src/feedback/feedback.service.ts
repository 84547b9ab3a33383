import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@o2o/persistence';
import { Booking } from '../bookings/booking.entity';
import { Clock } from '../clock/clock';
import { DomainError } from '../errors/domain.error';
import { DomainEventBus } from '../events/domain-event.bus';
import { DomainEvent } from '../events/domain-events';
import { Feedback } from './feedback.entity';

@Injectable()
export class FeedbackService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
  ) {}

  /** One rating per attended booking; giving it again replaces it (learners change their minds). */
  async give(tenantId: string, bookingId: string, rating: number, comment: string): Promise<{ feedback: Feedback; created: boolean }> {
    const events: DomainEvent[] = [];
    const result = await this.tx.run(async (m) => {
      const booking = await m.findOneBy(Booking, { id: bookingId, tenantId });
      if (!booking) throw new DomainError('BOOKING_NOT_FOUND', 404, { bookingId });
      if (booking.status !== 'attended') throw new DomainError('FEEDBACK_NOT_ALLOWED', 409, { status: booking.status });
      const now = this.clock.now();
      const existing = await m.findOneBy(Feedback, { bookingId });
      const feedback = existing ?? m.create(Feedback, {
        id: randomUUID(), tenantId, bookingId, sessionId: booking.sessionId, learnerId: booking.learnerId,
      });
      Object.assign(feedback, { rating, comment, givenAt: now });
      await m.save(Feedback, feedback);
      events.push(await this.bus.record(m, 'FeedbackGiven', {
        tenantId, sessionId: booking.sessionId, bookingId, learnerId: booking.learnerId, feedbackId: feedback.id, rating,
      }, now));
      return { feedback, created: !existing };
    });
    await this.bus.publish(events);
    return result;
  }
}
