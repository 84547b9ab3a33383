import type { Locale } from '@o2o/i18n';
import { translate } from '@o2o/i18n';
import type { RegistrationWithDeployments } from '../registrations/registration.service';
import type { ToolUrls } from '../registrations/tool-urls.value';
import { esc, hidden, t } from './html.util';

export interface AdminPageData {
  locale: Locale;
  urls: ToolUrls;
  tenant: { name: string; slug: string; timeZone: string; defaultLocale: string };
  registrations: RegistrationWithDeployments[];
  /** Setup notes per LMS, from the LMS plugins. */
  hints: { lms: string; notes: string[] }[];
  /** Present on the standalone admin page: what an activate button posts (the admin token travels in the form). */
  activate?: { action: string; fields: Record<string, string> };
}

/** Copies a URL to the clipboard; the button says so for screen readers too. */
export const COPY_SCRIPT = `document.querySelectorAll('button[data-copy]').forEach(function(b){b.addEventListener('click',function(){
var v=b.getAttribute('data-copy');var done=function(){b.textContent=b.getAttribute('data-done');};
if(navigator.clipboard){navigator.clipboard.writeText(v).then(done,function(){});}else{var i=document.getElementById(b.getAttribute('aria-controls'));if(i){i.select();document.execCommand('copy');done();}}});});`;

function urlRow(locale: Locale, id: string, labelKey: string, url: string): string {
  const label = translate(locale, labelKey);
  return `<div class="row"><label for="url-${id}">${esc(label)}</label><input id="url-${id}" readonly size="60" value="${esc(url)}">` +
    `<button type="button" class="secondary" data-copy="${esc(url)}" data-done="${t(locale, 'lti.admin.copied')}" aria-controls="url-${id}" ` +
    `aria-label="${t(locale, 'lti.admin.copyLabel', { label })}">${t(locale, 'lti.admin.copy')}</button></div>`;
}

/** The tool URLs to paste into an LMS, the tenant's registrations (with activation on the standalone page). */
export function renderAdminSections(data: AdminPageData): string {
  const { locale, urls } = data;
  const tool = `<section aria-labelledby="h-tool"><h2 id="h-tool">${t(locale, 'lti.admin.toolUrls')}</h2>` +
    urlRow(locale, 'login', 'lti.admin.loginUrl', urls.login) + urlRow(locale, 'launch', 'lti.admin.launchUrl', urls.launch) +
    urlRow(locale, 'keys', 'lti.admin.keysUrl', urls.keys) + urlRow(locale, 'register', 'lti.admin.registerUrl', `${urls.register}?tenant=${data.tenant.slug}`) +
    urlRow(locale, 'canvas', 'lti.admin.canvasUrl', urls.canvasConfiguration) + '</section>';
  const rows = data.registrations.map(({ registration: r, deployments }) => {
    const status = r.active ? t(locale, 'lti.admin.active') : t(locale, 'lti.admin.inactive');
    const button = !r.active && data.activate
      ? `<form class="inline" method="post" action="${esc(data.activate.action)}">${hidden({ ...data.activate.fields, op: 'activate', id: r.id })}` +
        `<button type="submit" aria-label="${t(locale, 'lti.admin.activate', { name: r.name })}">${t(locale, 'lti.admin.activate', { name: '' }).trim()}</button></form>`
      : '';
    return `<tr data-registration="${esc(r.id)}"><td>${esc(r.name)}<br><small>${t(locale, `lti.admin.source.${r.source}`)}</small></td>` +
      `<td><code>${esc(r.issuer)}</code></td><td><code>${esc(r.clientId)}</code></td>` +
      `<td>${deployments.map((d) => `<code>${esc(d.deploymentId)}</code>`).join(' ')}</td><td>${status} ${button}</td></tr>`;
  }).join('');
  const table = data.registrations.length
    ? `<table><thead><tr><th scope="col">${t(locale, 'lti.admin.title')}</th><th scope="col">${t(locale, 'lti.admin.issuer')}</th>` +
      `<th scope="col">${t(locale, 'lti.admin.clientId')}</th><th scope="col">${t(locale, 'lti.admin.deployments')}</th>` +
      `<th scope="col">${t(locale, 'lti.admin.status')}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>${t(locale, 'lti.admin.none')}</p>`;
  const hints = data.hints.map((h) => `<h3>${t(locale, 'lti.admin.hints', { lms: h.lms })}</h3><ul>${h.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`).join('');
  const tenant = `<section aria-labelledby="h-settings"><h2 id="h-settings">${t(locale, 'lti.admin.settings')}</h2>` +
    `<p>${t(locale, 'lti.admin.tenant', { name: data.tenant.name, timeZone: data.tenant.timeZone, locale: data.tenant.defaultLocale })}</p></section>`;
  return `${tool}<section aria-labelledby="h-registrations"><h2 id="h-registrations">${t(locale, 'lti.admin.title')}</h2>${table}${hints}</section>${tenant}`;
}
