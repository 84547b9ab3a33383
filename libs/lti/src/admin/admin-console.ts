import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { TenantService } from '@o2o/core';
import { translate } from '@o2o/i18n';
import { AdminPageLoader } from '../app/admin-page.loader';
import { LtiHttpPolicy } from '../http/lti-http.policy';
import { LtiRouter } from '../http/lti.router';
import { COPY_SCRIPT, renderAdminSections } from '../pages/admin.page';
import { esc, hidden, t } from '../pages/html.util';
import { renderLayout } from '../pages/page.layout';
import { RegistrationService } from '../registrations/registration.service';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The standalone registrations page for the o2o-bridge admin (GET/POST /lti/admin): sign in with the admin API token,
 * see the URLs to paste into the LMS with copy buttons, and activate registrations. The token stays in the form
 * body (never a URL or a cookie), like the course pages' session token.
 */
@Injectable()
export class AdminConsole implements OnModuleInit {
  private readonly expected: Buffer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly router: LtiRouter,
    private readonly policy: LtiHttpPolicy,
    private readonly loader: AdminPageLoader,
    private readonly registrations: RegistrationService,
    private readonly tenants: TenantService,
  ) {
    this.expected = digest(config.adminApiToken);
  }

  onModuleInit(): void {
    this.router.add('GET', '/admin', (req, res) => this.signIn(req, res));
    this.router.add('POST', '/admin', (req, res) => this.console(req, res));
  }

  private async signIn(req: Request, res: ServerResponse, failed = false): Promise<void> {
    const locale = this.policy.locale(req);
    const nonce = this.policy.newNonce();
    const body = `<h1>${t(locale, 'lti.admin.signIn')}</h1>${failed ? `<p class="error" role="alert">${t(locale, 'lti.admin.badToken')}</p>` : ''}` +
      `<form method="post" action="${esc(this.policy.urls.admin)}"><label for="token">${t(locale, 'lti.admin.token')}</label>` +
      `<input id="token" name="token" type="password" autocomplete="off" required><label for="tenant">${t(locale, 'lti.admin.tenantField')}</label>` +
      `<input id="tenant" name="tenant" value="default"><p><button type="submit">${t(locale, 'lti.admin.submit')}</button></p></form>`;
    await this.policy.sendPage(res, renderLayout({ locale, nonce, title: translate(locale, 'lti.admin.title'), body }), { nonce, status: failed ? 401 : 200 });
  }

  private async console(req: Request, res: ServerResponse): Promise<void> {
    const form = (req.body ?? {}) as Record<string, string>;
    if (typeof form.token !== 'string' || !timingSafeEqual(digest(form.token), this.expected)) return this.signIn(req, res, true);
    const locale = this.policy.locale(req);
    const tenant = await this.tenants.resolve(typeof form.tenant === 'string' ? form.tenant : undefined);
    let notice = '';
    if (form.op === 'activate' && typeof form.id === 'string') {
      const { registration } = await this.registrations.activate(tenant.id, form.id, true);
      notice = `<p class="notice" role="status">${t(locale, 'lti.admin.activated', { name: registration.name })}</p>`;
    }
    const data = await this.loader.load(tenant.id, locale);
    data.activate = { action: this.policy.urls.admin, fields: { token: form.token, tenant: tenant.slug } };
    const nonce = this.policy.newNonce();
    const body = `<h1>${t(locale, 'lti.admin.title')}</h1>${notice}${renderAdminSections(data)}` +
      `<form method="post" action="${esc(this.policy.urls.admin)}">${hidden({ token: form.token, tenant: tenant.slug })}` +
      `<button type="submit" class="secondary">${t(locale, 'lti.refresh')}</button></form>`;
    await this.policy.sendPage(res, renderLayout({ locale, nonce, title: translate(locale, 'lti.admin.title'), body, script: COPY_SCRIPT }), { nonce });
  }
}
