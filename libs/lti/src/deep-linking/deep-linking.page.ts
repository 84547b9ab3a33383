import type { OfflineSession } from '@o2o/core';
import { translate } from '@o2o/i18n';
import { esc, formatWhen, hidden, t } from '../pages/html.util';
import { renderLayout } from '../pages/page.layout';
import type { Flash, PageContext } from '../pages/page-fragments.partial';
import { flashBlock } from '../pages/page-fragments.partial';

export interface DeepLinkingPageData {
  courseTitle?: string;
  sessions: OfflineSession[];
  acceptLineItem: boolean;
  flash?: Flash;
}

/** What an instructor adds to the course page: the suggestion view, or one session (optionally with a grade column). */
export function renderDeepLinkingPage(ctx: PageContext, data: DeepLinkingPageData): string {
  const { locale } = ctx;
  const option = (value: string, label: string, checked: boolean) =>
    `<div><input type="radio" id="dl-${esc(value)}" name="choice" value="${esc(value)}"${checked ? ' checked' : ''}>` +
    `<label for="dl-${esc(value)}" class="inline-label">${label}</label></div>`;
  const options = [option('suggestions', t(locale, 'lti.dl.suggestions'), true),
    ...data.sessions.map((s) => option(`session:${s.id}`, `${t(locale, 'lti.dl.session', { title: s.title })} — ${esc(formatWhen(locale, s.startsAt, s.endsAt, s.timeZone))}`, false))];
  const lineItem = data.acceptLineItem
    ? `<p><input type="checkbox" id="dl-lineitem" name="lineItem" value="on"><label for="dl-lineitem" class="inline-label"> ${t(locale, 'lti.dl.lineItem')}</label></p>`
    : '';
  const body = `<h1>${t(locale, 'lti.dl.title')}</h1>${flashBlock(data.flash)}` +
    `<form method="post" action="${esc(ctx.actionUrl('deep-link'))}">${hidden({ session: ctx.token, view: ctx.view })}` +
    `<fieldset><legend>${t(locale, 'lti.dl.choose')}</legend>${options.join('')}</fieldset>${lineItem}` +
    `<p><button type="submit">${t(locale, 'lti.dl.add')}</button></p></form>`;
  return renderLayout({ locale, nonce: ctx.nonce, title: translate(locale, 'lti.dl.title'), body });
}

/** The page that hands the signed response back to the LMS (form_post to deep_link_return_url). */
export function renderDeepLinkingReturn(ctx: PageContext, returnUrl: string, jwt: string): string {
  const body = `<p>${t(ctx.locale, 'lti.dl.returning')}</p><form id="dl-return" method="post" action="${esc(returnUrl)}">` +
    `${hidden({ JWT: jwt })}<noscript><button type="submit">${t(ctx.locale, 'lti.login.continue')}</button></noscript></form>`;
  return renderLayout({ locale: ctx.locale, nonce: ctx.nonce, title: translate(ctx.locale, 'lti.dl.title'), body,
    script: "document.getElementById('dl-return').submit();" });
}
