import { Locale, translate } from '@o2o/i18n';
import { esc, hidden, jsValue, t } from './html.util';
import { renderLayout } from './page.layout';
import { PLATFORM_STORAGE_CLIENT, PlatformStorageTarget, storageKeys } from './platform-storage.script';

export interface StorageLaunchInput {
  locale: Locale;
  nonce: string;
  /** Where the second launch step posts (our /lti/launch/storage). */
  action: string;
  /** The platform's form_post, posted again unchanged: id_token, state, lti_storage_target. */
  fields: Record<string, string>;
  /** The id_token's nonce: the value the login put into platform storage next to the state. */
  tokenNonce: string;
  storage: PlatformStorageTarget;
}

/**
 * First step of a launch whose state cookie the browser refused, after a login that used LTI Platform Storage: reads
 * state and nonce back from the platform's frame (`lti.get_data`) and, only when both are the ones of this launch,
 * posts the launch again with them to the second step, which checks everything server-side. Nothing is stored here.
 */
export function renderStorageLaunchPage(input: StorageLaunchInput): string {
  const { locale } = input;
  const keys = storageKeys(input.fields.state, input.tokenNonce);
  const expected = { [keys.state]: input.fields.state, [keys.nonce]: input.tokenNonce };
  const body = `<h1>${t(locale, 'lti.login.title')}</h1>` +
    `<form id="lti-storage-launch" method="post" action="${esc(input.action)}">${hidden(input.fields)}` +
    `<input type="hidden" name="storage_state" value=""><input type="hidden" name="storage_nonce" value=""></form>` +
    `<div id="lti-storage-failed" hidden><p class="error" role="alert">${t(locale, 'lti.storage.failed')}</p></div>`;
  const script = `${PLATFORM_STORAGE_CLIENT}(function(){var cfg=${jsValue(input.storage)},keys=${jsValue(keys)},expected=${jsValue(expected)};
ltiStorage(cfg,[{subject:'lti.get_data',key:keys.state},{subject:'lti.get_data',key:keys.nonce}],function(found){
var f=document.getElementById('lti-storage-launch');
if(found&&found[keys.state]===expected[keys.state]&&found[keys.nonce]===expected[keys.nonce]){
f.elements.storage_state.value=found[keys.state];f.elements.storage_nonce.value=found[keys.nonce];f.submit();return;}
document.getElementById('lti-storage-failed').hidden=false;});})();`;
  return renderLayout({ locale, nonce: input.nonce, title: translate(locale, 'lti.login.title'), body, script });
}
