import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccountLinkService, BookingService, OfflineSessionService } from '@o2o/core';
import { Locale, translate } from '@o2o/i18n';
import { LtiRejection } from '../launch/lti-rejection.error';
import { field } from './action-input.util';
import { CoursePageActions } from './course-page.actions';

/** The learner page's actions: book (or join the waitlist), cancel one's own booking, get a chat link code. */
@Injectable()
export class LearnerActions implements OnModuleInit {
  constructor(
    private readonly actions: CoursePageActions,
    private readonly bookings: BookingService,
    private readonly sessions: OfflineSessionService,
    private readonly links: AccountLinkService,
  ) {}

  onModuleInit(): void {
    this.actions.register('book', async ({ session, body }) => {
      const sessionId = field(body, 'sessionId', 36);
      const { booking } = await this.bookings.book(session.tenantId, sessionId, session.learnerId, 'lti');
      const offline = await this.sessions.get(session.tenantId, sessionId);
      const locale = session.locale as Locale;
      const text = booking.status === 'waitlisted'
        ? translate(locale, 'lti.learner.waitlisted', { position: booking.waitlistPosition, title: offline.title })
        : translate(locale, 'lti.learner.booked', { title: offline.title });
      return { flash: { kind: 'notice', text }, view: 'learner' };
    });

    this.actions.register('cancel', async ({ session, body }) => {
      const bookingId = field(body, 'bookingId', 36);
      const booking = await this.bookings.get(session.tenantId, bookingId);
      // A page only ever offers one's own bookings; anything else is a forged form.
      if (booking.learnerId !== session.learnerId) throw new LtiRejection('NOT_ALLOWED', 403, {}, `booking ${bookingId}`);
      await this.bookings.cancel(session.tenantId, bookingId, 'learner_cancelled');
      const offline = await this.sessions.get(session.tenantId, booking.sessionId);
      return { flash: { kind: 'notice', text: translate(session.locale as Locale, 'lti.learner.cancelled', { title: offline.title }) }, view: 'learner' };
    });

    this.actions.register('link-code', async ({ session }) => {
      const linkCode = await this.links.issue(session.tenantId, session.learnerId);
      return { linkCode, view: 'learner' };
    });
  }
}
