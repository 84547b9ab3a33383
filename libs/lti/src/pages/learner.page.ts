import type { Booking, OfflineSession, Suggestion } from '@o2o/core';
import { translate } from '@o2o/i18n';
import { esc, t } from './html.util';
import { renderLayout } from './page.layout';
import { actionForm, Flash, flashBlock, navBlock, PageContext, sessionMeta } from './page-fragments.partial';

export interface LearnerBooking {
  booking: Booking;
  waitlistPosition: number | null;
  session: OfflineSession;
}

export interface LearnerPageData {
  courseTitle?: string;
  suggestions: Suggestion[];
  bookings: LearnerBooking[];
  linkCode?: { code: string; expiresAt: Date };
  /** The session this course link was made for (deep linking), with the learner's booking when there is one. */
  focus?: { session: OfflineSession; booking?: LearnerBooking };
  flash?: Flash;
  now: Date;
}

function seats(ctx: PageContext, s: OfflineSession): string {
  const left = s.capacity - s.confirmedCount;
  return left > 0
    ? t(ctx.locale, 'lti.learner.seatsLeft', { count: left, capacity: s.capacity })
    : t(ctx.locale, 'lti.learner.full', { count: s.waitlistCount });
}

function suggestionItem(ctx: PageContext, suggestion: Suggestion): string {
  const s = suggestion.session;
  const title = esc(s.title);
  const button = suggestion.waitlist
    ? actionForm(ctx, 'book', { sessionId: s.id }, translate(ctx.locale, 'lti.learner.joinWaitlist'), translate(ctx.locale, 'lti.learner.waitlistSession', { title: s.title }))
    : actionForm(ctx, 'book', { sessionId: s.id }, translate(ctx.locale, 'lti.learner.book'), translate(ctx.locale, 'lti.learner.bookSession', { title: s.title }));
  return `<li><h3>${title}</h3>${sessionMeta(ctx.locale, s)}<p class="meta">${seats(ctx, s)}</p>` +
    (suggestion.reason[ctx.locale]
      ? `<p class="reason"><span class="visually-hidden">${t(ctx.locale, 'lti.learner.why')}: </span>${esc(suggestion.reason[ctx.locale])}</p>` : '') +
    `${button}</li>`;
}

function bookingItem(ctx: PageContext, item: LearnerBooking, now: Date): string {
  const { booking, session } = item;
  const status = booking.status === 'waitlisted'
    ? t(ctx.locale, 'lti.status.waitlisted', { position: item.waitlistPosition ?? '?' })
    : t(ctx.locale, `lti.status.${booking.status}`);
  const cancellable = (booking.status === 'confirmed' || booking.status === 'waitlisted') && session.startsAt > now;
  const cancel = cancellable
    ? actionForm(ctx, 'cancel', { bookingId: booking.id }, translate(ctx.locale, 'lti.learner.cancel'),
      translate(ctx.locale, 'lti.learner.cancelBooking', { title: session.title }), true)
    : '';
  return `<li data-booking-status="${esc(booking.status)}"><h3>${esc(session.title)}</h3>${sessionMeta(ctx.locale, session)}` +
    `<p class="meta"><strong>${status}</strong></p>${cancel}</li>`;
}

/** The learner's course page: suggestions for this course with the reason and seats left, their bookings, chat link. */
export function renderLearnerPage(ctx: PageContext, data: LearnerPageData): string {
  const { locale } = ctx;
  const heading = data.courseTitle ? t(locale, 'lti.learner.title', { course: data.courseTitle }) : t(locale, 'lti.learner.titleNoCourse');
  const suggestions = data.suggestions.length
    ? `<ul class="cards" id="suggestions">${data.suggestions.map((s) => suggestionItem(ctx, s)).join('')}</ul>`
    : `<p>${t(locale, 'lti.learner.none')}</p>`;
  const live = data.bookings.filter((b) => b.booking.status !== 'cancelled');
  const bookings = live.length
    ? `<ul class="cards" id="bookings">${live.map((b) => bookingItem(ctx, b, data.now)).join('')}</ul>`
    : `<p>${t(locale, 'lti.learner.noBookings')}</p>`;
  const code = data.linkCode
    ? `<p class="notice" role="status"><strong>${t(locale, 'lti.learner.code', {
      code: data.linkCode.code, expires: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(data.linkCode.expiresAt),
    })}</strong></p>`
    : actionForm(ctx, 'link-code', {}, translate(locale, 'lti.learner.getCode'), undefined, true);
  const focus = data.focus
    ? `<section aria-labelledby="h-focus"><h2 id="h-focus">${t(locale, 'lti.learner.thisActivity')}</h2><ul class="cards" id="focus">` +
      (data.focus.booking ? bookingItem(ctx, data.focus.booking, data.now) : suggestionItem(ctx, {
        session: data.focus.session, score: 1, reasonCodes: [], reason: { en: '', 'zh-CN': '' },
        waitlist: data.focus.session.confirmedCount >= data.focus.session.capacity,
      })) + '</ul></section>'
    : '';
  const body = `${navBlock(ctx)}<h1>${heading}</h1>${flashBlock(data.flash)}${focus}` +
    `<section aria-labelledby="h-suggested"><h2 id="h-suggested">${t(locale, 'lti.learner.suggested')}</h2>${suggestions}</section>` +
    `<section aria-labelledby="h-bookings"><h2 id="h-bookings">${t(locale, 'lti.learner.myBookings')}</h2>${bookings}</section>` +
    `<section aria-labelledby="h-chat"><h2 id="h-chat">${t(locale, 'lti.learner.chat')}</h2><p>${t(locale, 'lti.learner.chatHelp')}</p>${code}</section>`;
  return renderLayout({ locale, nonce: ctx.nonce, title: translate(locale, 'lti.app'), body });
}
