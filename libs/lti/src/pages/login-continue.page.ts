import { Locale, translate } from '@o2o/i18n';
import { esc, hidden, jsValue, t } from './html.util';
import { renderLayout } from './page.layout';
import { PLATFORM_STORAGE_CLIENT, PlatformStorageTarget, storageKeys } from './platform-storage.script';

export interface LoginContinueInput {
  locale: Locale;
  nonce: string;
  /** The platform's authorization endpoint and the authentication request parameters. */
  authEndpoint: string;
  authParams: Record<string, string>;
  /** Our login URL with the original login parameters: the new-window fallback opens it top-level. */
  newWindowUrl: string;
  probeCookie: string;
  /** The login named LTI Platform Storage: keep state and nonce there when the cookie is refused. */
  storage?: PlatformStorageTarget;
}

/**
 * The answer to a login initiation: instead of a bare redirect, a page that first checks the browser kept our cookie
 * (the state cookie set on this response). If it did, it continues to the platform at once. If third-party cookies
 * are blocked in the LMS frame and the platform offers LTI Platform Storage, state and nonce are put there
 * (`lti.put_data`) and the page continues once the platform confirmed both; otherwise it offers to continue in a new
 * window, where the cookie is first-party.
 */
export function renderLoginContinuePage(input: LoginContinueInput): string {
  const { locale } = input;
  const body = `<h1>${t(locale, 'lti.login.title')}</h1>` +
    `<form id="lti-continue" method="get" action="${esc(input.authEndpoint)}">${hidden(input.authParams)}` +
    `<noscript><button type="submit">${t(locale, 'lti.login.continue')}</button></noscript></form>` +
    `<div id="lti-blocked" hidden><p class="notice" role="alert">${t(locale, 'lti.login.blocked')}</p>` +
    `<button type="button" id="lti-new-window">${t(locale, 'lti.error.newWindow')}</button>` +
    `<p id="lti-opened" hidden role="status">${t(locale, 'lti.login.opened')}</p></div>`;
  const storage = input.storage
    ? { ...input.storage, puts: Object.entries(storageKeys(input.authParams.state, input.authParams.nonce))
      .map(([name, key]) => ({ subject: 'lti.put_data', key, value: input.authParams[name] })) }
    : null;
  const script = `${PLATFORM_STORAGE_CLIENT}(function(){var probe=${jsValue(input.probeCookie + '=')},storage=${jsValue(storage)};
function go(){document.getElementById('lti-continue').submit();}
function blocked(){document.getElementById('lti-blocked').hidden=false;document.getElementById('lti-new-window').addEventListener('click',function(){
var w=window.open(${jsValue(input.newWindowUrl)},'_blank');if(w){document.getElementById('lti-opened').hidden=false;}});}
if(document.cookie.split('; ').some(function(c){return c.indexOf(probe)===0;})){go();return;}
if(!storage){blocked();return;}
ltiStorage(storage,storage.puts,function(saved){if(saved){go();}else{blocked();}});})();`;
  return renderLayout({ locale, nonce: input.nonce, title: translate(locale, 'lti.login.title'), body, script });
}
