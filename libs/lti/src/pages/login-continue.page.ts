import { Locale, translate } from '@o2o/i18n';
import { esc, hidden, jsValue, t } from './html.util';
import { renderLayout } from './page.layout';

export interface LoginContinueInput {
  locale: Locale;
  nonce: string;
  /** The platform's authorization endpoint and the authentication request parameters. */
  authEndpoint: string;
  authParams: Record<string, string>;
  /** Our login URL with the original login parameters: the new-window fallback opens it top-level. */
  newWindowUrl: string;
  probeCookie: string;
}

/**
 * The answer to a login initiation: instead of a bare redirect, a page that first checks the browser kept our cookie
 * (the state cookie set on this response). If it did, it continues to the platform at once; if third-party cookies
 * are blocked in the LMS frame, it offers to continue in a new window, where the cookie is first-party.
 */
export function renderLoginContinuePage(input: LoginContinueInput): string {
  const { locale } = input;
  const body = `<h1>${t(locale, 'lti.login.title')}</h1>` +
    `<form id="lti-continue" method="get" action="${esc(input.authEndpoint)}">${hidden(input.authParams)}` +
    `<noscript><button type="submit">${t(locale, 'lti.login.continue')}</button></noscript></form>` +
    `<div id="lti-blocked" hidden><p class="notice" role="alert">${t(locale, 'lti.login.blocked')}</p>` +
    `<button type="button" id="lti-new-window">${t(locale, 'lti.error.newWindow')}</button>` +
    `<p id="lti-opened" hidden role="status">${t(locale, 'lti.login.opened')}</p></div>`;
  const script = `(function(){var probe=${jsValue(input.probeCookie + '=')};
if(document.cookie.split('; ').some(function(c){return c.indexOf(probe)===0;})){document.getElementById('lti-continue').submit();return;}
document.getElementById('lti-blocked').hidden=false;document.getElementById('lti-new-window').addEventListener('click',function(){
var w=window.open(${jsValue(input.newWindowUrl)},'_blank');if(w){document.getElementById('lti-opened').hidden=false;}});})();`;
  return renderLayout({ locale, nonce: input.nonce, title: translate(locale, 'lti.login.title'), body, script });
}
