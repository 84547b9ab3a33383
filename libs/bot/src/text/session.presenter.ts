import type { Locale } from '@o2o/i18n';
import type { OfflineSession } from '@o2o/core';
import type { ChatAction, ChatCard } from '@o2o/plugin-sdk';
import { CatalogueSnapshot, localTitle } from '../catalogue/catalogue.snapshot';
import type { SessionListing } from '../dialogs/bot-read.model';
import { say } from './say.util';

// Intl formatters are costly to build (tens of µs) and a list shows several sessions: keep one per zone/locale.
const formatters = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formattersFor(locale: Locale, timeZone: string) {
  const key = `${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const tag = locale === 'zh-CN' ? 'zh-CN' : 'en-GB';
    f = {
      day: new Intl.DateTimeFormat(tag, { timeZone, weekday: 'short', day: 'numeric', month: 'short' }),
      time: new Intl.DateTimeFormat(tag, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    };
    formatters.set(key, f);
  }
  return f;
}

const WHENS_SIZE = 5000;
const whens = new Map<string, string>();

/** "Sat 12 Dec, 14:00–17:00" / "12月12日周六 14:00–17:00", in the session's own time zone. */
export function formatWhen(session: Pick<OfflineSession, 'startsAt' | 'endsAt' | 'timeZone'>, locale: Locale): string {
  // Even a kept formatter takes microseconds per call, and every list shows the same upcoming sessions again.
  const key = `${locale}|${session.timeZone}|${session.startsAt.getTime()}|${session.endsAt.getTime()}`;
  let out = whens.get(key);
  if (out === undefined) {
    const f = formattersFor(locale, session.timeZone);
    const sep = locale === 'zh-CN' ? ' ' : ', ';
    out = `${f.day.format(session.startsAt)}${sep}${f.time.format(session.startsAt)}–${f.time.format(session.endsAt)}`;
    if (whens.size >= WHENS_SIZE) whens.delete(whens.keys().next().value!);
    whens.set(key, out);
  }
  return out;
}

const prices = new Map<string, Intl.NumberFormat>();

export function formatPrice(session: Pick<OfflineSession, 'priceMinor' | 'currency'>, locale: Locale): string {
  if (session.priceMinor <= 0) return say(locale, 'bot.price.free');
  const whole = session.priceMinor % 100 === 0;
  const key = `${locale}|${session.currency}|${whole}`;
  let f = prices.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { style: 'currency', currency: session.currency, minimumFractionDigits: whole ? 0 : 2 });
    prices.set(key, f);
  }
  return f.format(session.priceMinor / 100);
}

export function formatSeats(session: SessionListing, locale: Locale): string {
  const left = session.capacity - session.confirmedCount;
  if (left > 0) return say(locale, 'bot.seats.left', { left, capacity: session.capacity });
  if (session.waitlistCount < session.waitlistLimit) return say(locale, 'bot.seats.waitlist', { waiting: session.waitlistCount });
  return say(locale, 'bot.seats.full');
}

export function formatWhere(session: SessionListing, catalogue: CatalogueSnapshot, locale: Locale): string {
  const venue = catalogue.venue(session.venueId);
  const city = catalogue.cityName(session.city, locale);
  if (!venue) return city;
  return locale === 'zh-CN' ? `${localTitle(venue.name, locale)}（${city}）` : `${localTitle(venue.name, locale)}, ${city}`;
}

export function isFull(session: SessionListing): boolean {
  return session.confirmedCount >= session.capacity;
}

export interface CardOptions {
  /** Extra facts (e.g. the learner's booking status, why it is suggested). */
  facts?: { label: string; value: string }[];
  actions?: ChatAction[];
  detailed?: boolean;
}

/** A session as a card: title, when, where, price, seats, and by default Details / Book buttons. */
export function sessionCard(session: SessionListing & Partial<Pick<OfflineSession, 'description'>>, catalogue: CatalogueSnapshot, locale: Locale, options: CardOptions = {}): ChatCard {
  const facts = [
    { label: say(locale, 'bot.fact.when'), value: formatWhen(session, locale) },
    { label: say(locale, 'bot.fact.where'), value: formatWhere(session, catalogue, locale) },
    { label: say(locale, 'bot.fact.price'), value: formatPrice(session, locale) },
    { label: say(locale, 'bot.fact.seats'), value: formatSeats(session, locale) },
  ];
  if (options.detailed) {
    facts.push({ label: say(locale, 'bot.fact.format'), value: say(locale, `bot.format.${session.format}`) });
    if (session.instructorName) facts.push({ label: say(locale, 'bot.fact.instructor'), value: session.instructorName });
  }
  facts.push(...(options.facts ?? []));
  const venue = catalogue.venue(session.venueId);
  return {
    title: localTitle(session.title, locale),
    subtitle: catalogue.topicName(session.topic, locale),
    text: options.detailed ? [localTitle(session.description ?? '', locale), venue?.address].filter(Boolean).join('\n') || undefined : undefined,
    facts,
    actions: options.actions ?? defaultActions(session, locale, options.detailed),
  };
}

function defaultActions(session: SessionListing, locale: Locale, detailed?: boolean): ChatAction[] {
  const book: ChatAction = isFull(session)
    ? { title: say(locale, 'bot.action.waitlist'), command: { intent: 'join_waitlist', sessionId: session.id } }
    : { title: say(locale, 'bot.action.book'), command: { intent: 'book', sessionId: session.id }, style: 'positive' };
  if (detailed) return [book];
  return [{ title: say(locale, 'bot.action.details'), command: { intent: 'session_details', sessionId: session.id } }, book];
}
