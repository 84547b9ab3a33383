import { Injectable, Logger } from '@nestjs/common';
import { BookingService, DomainError, OfflineSession } from '@o2o/core';
import { localTitle } from '../catalogue/catalogue.snapshot';
import { say } from '../text/say.util';
import { formatPrice, formatWhen, formatWhere, isFull, sessionCard } from '../text/session.presenter';
import { BotReadModel } from './bot-read.model';
import { SearchDialog } from './search.dialog';
import { resolveBooking, resolveSession } from './session-reference.resolver';
import { EffectResult, intentAction, reply, StepResult, text, TurnScope, yesNo } from './turn-scope.util';
import type { Understanding } from './understanding.mapper';

/** Booking and cancelling, always behind a yes/no confirmation; listing the learner's bookings. */
@Injectable()
export class BookingDialog {
  private readonly logger = new Logger('BookingDialog');

  constructor(
    private readonly read: BotReadModel,
    private readonly bookings: BookingService,
    private readonly search: SearchDialog,
  ) {}

  async book(scope: TurnScope, u: Understanding): Promise<StepResult> {
    const ref = resolveSession(u, scope.state);
    if ('ambiguous' in ref) return this.search.askSession(scope, 'book');
    if ('none' in ref) return reply(this.search.noContext(scope));
    if (!scope.link) return this.needLink(scope, { intent: 'book', sessionId: ref.sessionId });
    return this.promptBook(scope, ref.sessionId);
  }

  /** Asks "Book X …?" (or "join the waitlist as number N?") and remembers what a yes would do. */
  async promptBook(scope: TurnScope, sessionId: string): Promise<StepResult> {
    const session = await this.read.session(scope.tenant.id, sessionId);
    if (!session || session.status !== 'scheduled' || session.startsAt <= scope.now) return reply(text(scope, 'bot.search.gone'));
    scope.state.focus = session.id;
    const existing = await this.read.liveBooking(scope.tenant.id, session.id, scope.link!.learnerId);
    if (existing) return reply(this.already(scope, session, existing.status, existing.waitlistPosition));
    const waitlist = isFull(session);
    scope.state.pending = { kind: 'book', sessionId: session.id, waitlist };
    const title = localTitle(session.title, scope.locale);
    const message = waitlist
      ? text(scope, 'bot.book.confirm_waitlist', { title, position: session.waitlistCount + 1 }, { actions: yesNo(scope) })
      : text(scope, 'bot.book.confirm', {
        title, when: formatWhen(session, scope.locale), where: formatWhere(session, scope.catalogue, scope.locale),
        price: formatPrice(session, scope.locale),
      }, { actions: yesNo(scope) });
    return reply(message);
  }

  /** The user said yes: the pending booking is already claimed in the saved state, so this runs once. */
  confirmBook(scope: TurnScope, sessionId: string): StepResult {
    const learnerId = scope.link!.learnerId;
    return {
      replies: [],
      effect: async (): Promise<EffectResult> => {
        try {
          const { booking, created } = await this.bookings.book(scope.tenant.id, sessionId, learnerId, 'chat');
          const session = (await this.read.session(scope.tenant.id, sessionId))!;
          const title = localTitle(session.title, scope.locale);
          if (!created) return { replies: [this.already(scope, session, booking.status, booking.waitlistPosition)] };
          if (booking.status === 'waitlisted') return { replies: [text(scope, 'bot.book.waitlisted', { position: booking.waitlistPosition })] };
          return { replies: [text(scope, 'bot.book.booked', { title, when: formatWhen(session, scope.locale) }, { actions: [intentAction(scope, 'my_bookings')] })] };
        } catch (err) {
          return { replies: [this.refused(scope, err)] };
        }
      },
    };
  }

  async myBookings(scope: TurnScope): Promise<StepResult> {
    if (!scope.link) return this.needLink(scope, { intent: 'my_bookings' });
    const rows = await this.read.upcomingBookings(scope.tenant.id, scope.link.learnerId, scope.now);
    scope.state.bookings = rows.map((r) => r.booking.id);
    scope.state.list = rows.map((r) => r.session.id);
    scope.state.focus = undefined;
    if (rows.length === 0) return reply(text(scope, 'bot.bookings.none', {}, { actions: [intentAction(scope, 'find_sessions')] }));
    const cards = rows.map(({ booking, session }) => sessionCard(session, scope.catalogue, scope.locale, {
      facts: [{ label: say(scope.locale, 'bot.fact.booking'), value: this.status(scope, booking.status, booking.waitlistPosition) }],
      actions: [
        { title: say(scope.locale, 'bot.action.details'), command: { intent: 'session_details', sessionId: session.id } },
        { title: say(scope.locale, 'bot.action.cancel'), command: { intent: 'cancel_booking', bookingId: booking.id }, style: 'destructive' },
      ],
    }));
    return reply(text(scope, 'bot.bookings.intro', {}, { cards }));
  }

  async cancel(scope: TurnScope, u: Understanding): Promise<StepResult> {
    if (!scope.link) return this.needLink(scope, { intent: 'cancel_booking' });
    const upcoming = await this.read.upcomingBookings(scope.tenant.id, scope.link.learnerId, scope.now);
    const wanted = resolveBooking(u, scope.state);
    let target = wanted ? upcoming.find((r) => r.booking.id === wanted) : undefined;
    if (!target && !wanted) {
      const sessionId = u.sessionId ?? (u.ordinal !== undefined ? undefined : scope.state.focus);
      target = sessionId ? upcoming.find((r) => r.session.id === sessionId) : upcoming.length === 1 ? upcoming[0] : undefined;
    }
    if (!target) {
      if (upcoming.length === 0) return reply(text(scope, 'bot.bookings.none', {}, { actions: [intentAction(scope, 'find_sessions')] }));
      // Several bookings and nothing says which: ask, never guess a cancellation.
      scope.state.awaiting = { slot: 'booking' };
      scope.state.bookings = upcoming.map((r) => r.booking.id);
      const actions = upcoming.slice(0, 5).map((r, i) => ({
        title: `${i + 1}. ${localTitle(r.session.title, scope.locale)}`.slice(0, 60),
        command: { intent: 'cancel_booking', bookingId: r.booking.id },
      }));
      return reply(text(scope, 'bot.cancel.ask_which', {}, { actions }));
    }
    scope.state.pending = { kind: 'cancel', bookingId: target.booking.id, sessionId: target.session.id };
    return reply(this.cancelPrompt(scope, target.session));
  }

  cancelPrompt(scope: TurnScope, session: OfflineSession) {
    return text(scope, 'bot.cancel.confirm', { title: localTitle(session.title, scope.locale), when: formatWhen(session, scope.locale) }, { actions: yesNo(scope) });
  }

  confirmCancel(scope: TurnScope, bookingId: string, sessionId: string): StepResult {
    return {
      replies: [],
      effect: async (): Promise<EffectResult> => {
        try {
          await this.bookings.cancel(scope.tenant.id, bookingId, 'learner_cancelled_in_chat');
          const session = await this.read.session(scope.tenant.id, sessionId);
          return { replies: [text(scope, 'bot.cancel.done', { title: session ? localTitle(session.title, scope.locale) : '' })] };
        } catch (err) {
          return { replies: [this.refused(scope, err)] };
        }
      },
    };
  }

  needLink(scope: TurnScope, then: { intent: string; sessionId?: string }): StepResult {
    scope.state.afterLink = then;
    scope.state.awaiting = { slot: 'link_code' };
    return reply(text(scope, 'bot.book.need_link'));
  }

  private already(scope: TurnScope, session: OfflineSession, status: string, position: number | null) {
    return text(scope, 'bot.book.already', { title: localTitle(session.title, scope.locale), status: this.status(scope, status, position) });
  }

  private status(scope: TurnScope, status: string, position: number | null): string {
    return status === 'waitlisted' ? say(scope.locale, 'bot.book.status.waitlisted', { position }) : say(scope.locale, 'bot.book.status.confirmed');
  }

  /** A rule said no (closed, full waitlist, started…): the core's own message, in the reader's language. */
  private refused(scope: TurnScope, err: unknown) {
    if (err instanceof DomainError) return { type: 'message' as const, locale: scope.locale, text: say(scope.locale, err.code, err.params) };
    this.logger.error(`booking action failed: ${(err as Error)?.stack ?? err}`);
    return text(scope, 'bot.error');
  }
}
