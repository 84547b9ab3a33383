import type { OfflineSession } from '@o2o/core';
import { Locale, translate } from '@o2o/i18n';
import type { LtiView } from '../entities/lti-session.entity';
import { esc, formatWhen, hidden, t } from './html.util';

export interface Flash {
  kind: 'notice' | 'error';
  text: string;
}

/** What every course page needs to build its forms: the session token and where actions post. */
export interface PageContext {
  locale: Locale;
  nonce: string;
  token: string;
  view: LtiView;
  /** Views this person may switch to (instructors and admins can also look at the learner page). */
  views: LtiView[];
  actionUrl: (name: string) => string;
}

/** A one-button form posting an action with the session token (never in the URL). */
export function actionForm(ctx: PageContext, action: string, fields: Record<string, string>, label: string, ariaLabel?: string, secondary = false): string {
  return `<form class="inline" method="post" action="${esc(ctx.actionUrl(action))}">` +
    hidden({ session: ctx.token, view: ctx.view, ...fields }) +
    `<button type="submit"${secondary ? ' class="secondary"' : ''}${ariaLabel ? ` aria-label="${esc(ariaLabel)}"` : ''}>${esc(label)}</button></form>`;
}

export function flashBlock(flash?: Flash): string {
  if (!flash) return '<div role="status" aria-live="polite"></div>';
  const role = flash.kind === 'error' ? 'alert' : 'status';
  return `<div class="${flash.kind === 'error' ? 'error' : 'notice'}" role="${role}" aria-live="polite"><p>${esc(flash.text)}</p></div>`;
}

/** View switcher (when the person has several) and a refresh button: pages in an LMS frame have no reload button. */
export function navBlock(ctx: PageContext): string {
  const refresh = `<li>${actionForm(ctx, 'view', {}, translate(ctx.locale, 'lti.refresh'), undefined, true)}</li>`;
  if (ctx.views.length < 2) return `<nav aria-label="${t(ctx.locale, 'lti.nav.label')}"><ul>${refresh}</ul></nav>`;
  const keys: Record<string, string> = { learner: 'lti.nav.learner', instructor: 'lti.nav.instructor', administrator: 'lti.nav.admin' };
  const items = ctx.views.filter((v) => keys[v]).map((v) => v === ctx.view
    ? `<li><strong aria-current="page">${t(ctx.locale, keys[v])}</strong></li>`
    : `<li>${actionForm({ ...ctx, view: v }, 'view', {}, translate(ctx.locale, keys[v]), undefined, true)}</li>`);
  return `<nav aria-label="${t(ctx.locale, 'lti.nav.label')}"><ul>${items.join('')}${refresh}</ul></nav>`;
}

/** Date, place and format of a session, in the reader's language and the session's time zone. */
export function sessionMeta(locale: Locale, s: OfflineSession): string {
  return `<p class="meta"><span>${t(locale, 'lti.session.when')}:</span> ${esc(formatWhen(locale, s.startsAt, s.endsAt, s.timeZone))}</p>` +
    `<p class="meta"><span>${t(locale, 'lti.session.where')}:</span> ${esc(s.city)} · ${t(locale, `lti.format.${s.format}`)}</p>`;
}
