import { Locale, translate } from '@o2o/i18n';
import { esc, t } from './html.util';
import { renderLayout } from './page.layout';

export interface ErrorPageInput {
  locale: Locale;
  nonce: string;
  code: string;
  params?: Record<string, unknown>;
  reference: string;
  /** The LMS page to go back to (launch_presentation.return_url), when the launch said it. */
  returnUrl?: string;
}

/** What a refused launch shows inside the LMS frame: the reason in plain words and a reference for support. */
export function renderErrorPage(input: ErrorPageInput): string {
  const { locale } = input;
  const cookies = input.code === 'STATE_COOKIE_MISSING' ? `<p>${t(locale, 'lti.error.cookiesHelp')}</p>` : '';
  const back = input.returnUrl ? `<p><a href="${esc(input.returnUrl)}" target="_top">${t(locale, 'lti.back')}</a></p>` : '';
  const body = `<h1>${t(locale, 'lti.error.title')}</h1>` +
    `<div class="error" role="alert"><p>${t(locale, input.code, input.params ?? {})}</p></div>${cookies}` +
    `<p>${t(locale, 'lti.error.retry')}</p><p><strong>${t(locale, 'lti.error.reference', { reference: input.reference })}</strong></p>${back}`;
  return renderLayout({ locale, nonce: input.nonce, title: translate(locale, 'lti.error.title'), body });
}
