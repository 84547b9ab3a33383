import type { ServerResponse } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { TenantService } from '@o2o/core';
import { translate } from '@o2o/i18n';
import { PluginRegistry } from '@o2o/plugin-sdk';
import { LtiHttpPolicy } from '../http/lti-http.policy';
import { LtiRejection } from '../launch/lti-rejection.error';
import { esc, jsValue, t } from '../pages/html.util';
import { renderLayout } from '../pages/page.layout';
import { ltiExtensionOf, ToolEndpoints } from './lti-lms-extension.contract';
import { originOf } from './origin-of.util';
import { genericConfigurationProblems } from './platform-configuration.check';
import { baseRegistrationRequest, PLATFORM_CONFIGURATION, TOOL_CONFIGURATION } from './registration-request.builder';
import { RegistrationService } from './registration.service';

const MAX_DOCUMENT = 256 * 1024;

/**
 * LTI Dynamic Registration 1.0 (GET /lti/register?openid_configuration=…&registration_token=…[&tenant=slug]): read the
 * platform's configuration (with the registration token, which Canvas requires and ltijs does not send), let the LMS
 * plugin shape the request, register, store the registration inactive until an admin activates it, and tell the LMS
 * window to close.
 */
@Injectable()
export class DynamicRegistrationFlow {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly policy: LtiHttpPolicy,
    private readonly plugins: PluginRegistry,
    private readonly registrations: RegistrationService,
    private readonly tenants: TenantService,
  ) {}

  tool(): ToolEndpoints {
    const urls = this.policy.urls;
    return {
      base: urls.base, login: urls.login, launch: urls.launch, keys: urls.keys, domain: new URL(urls.launch).host, name: 'o2o-bridge',
      description: 'Offline workshops, labs and study groups for your online course; booking, waitlist and attendance.',
      scopes: [],
    };
  }

  async handle(req: Request, res: ServerResponse): Promise<void> {
    const q = req.query as Record<string, unknown>;
    const configurationUrl = typeof q.openid_configuration === 'string' ? q.openid_configuration : '';
    const token = typeof q.registration_token === 'string' ? q.registration_token : undefined;
    this.assertFetchable(configurationUrl);
    const tenant = await this.tenants.resolve(typeof q.tenant === 'string' ? q.tenant : undefined);
    const configuration = await this.fetchJson(configurationUrl, { method: 'GET', token });
    for (const field of ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri', 'registration_endpoint']) {
      if (typeof configuration[field] !== 'string') throw new LtiRejection('REGISTRATION_FAILED', 400, { reason: `${field} missing` });
    }
    const platform = (configuration[PLATFORM_CONFIGURATION] ?? {}) as { product_family_code?: string; version?: string };
    const plugin = this.plugins.lmsFor({ issuer: String(configuration.issuer), productFamilyCode: platform.product_family_code });
    const extension = ltiExtensionOf(plugin);
    const problems = extension.checkPlatformConfiguration?.(configuration, configurationUrl) ?? genericConfigurationProblems(configuration, configurationUrl);
    if (problems.length) throw new LtiRejection('REGISTRATION_FAILED', 400, { reason: problems.join('; ') });
    const tool = this.tool();
    const base = baseRegistrationRequest(tool, configuration);
    const request = extension.registrationRequest?.(base, { tool, platformConfiguration: configuration }) ?? base;
    this.assertFetchable(String(configuration.registration_endpoint));
    const response = await this.fetchJson(String(configuration.registration_endpoint), { method: 'POST', token, body: request });
    if (typeof response.client_id !== 'string') throw new LtiRejection('REGISTRATION_FAILED', 502, { reason: 'no client_id in the answer' });
    const toolConfiguration = (response[TOOL_CONFIGURATION] ?? {}) as { deployment_id?: string; messages?: { placements?: string[] }[] };
    const { registration } = await this.registrations.register(tenant.id, {
      issuer: String(configuration.issuer), clientId: response.client_id, name: `${extension.displayName ?? platform.product_family_code ?? 'LMS'} (${new URL(configurationUrl).host})`,
      authLoginUrl: String(configuration.authorization_endpoint), authTokenUrl: String(configuration.token_endpoint),
      jwksUrl: String(configuration.jwks_uri), authServer: typeof configuration.authorization_server === 'string' ? configuration.authorization_server : null,
      deploymentIds: toolConfiguration.deployment_id ? [String(toolConfiguration.deployment_id)] : [],
      productFamilyCode: platform.product_family_code ?? null, lmsOrigins: [originOf(configurationUrl)!], source: 'dynamic',
      details: { scope: response.scope, placements: (toolConfiguration.messages ?? []).flatMap((m) => m.placements ?? []), version: platform.version },
    });
    await this.done(req, res, registration.active, originOf(configurationUrl)!);
  }

  private async done(req: Request, res: ServerResponse, active: boolean, lmsOrigin: string): Promise<void> {
    const locale = this.policy.locale(req);
    const nonce = this.policy.newNonce();
    const body = `<h1>${t(locale, 'lti.reg.title')}</h1><p role="status">${t(locale, active ? 'lti.reg.active' : 'lti.reg.pending')}</p>` +
      `<p><button type="button" id="close">${esc(translate(locale, 'lti.reg.close'))}</button></p>`;
    // Dynamic Registration 1.0 §3.6: the tool ends the flow by posting org.imsglobal.lti.close to the LMS window.
    const script = `function closeLti(){(window.opener||window.parent).postMessage({subject:'org.imsglobal.lti.close'},${jsValue(lmsOrigin)});}` +
      `document.getElementById('close').addEventListener('click',closeLti);closeLti();`;
    await this.policy.sendPage(res, renderLayout({ locale, nonce, title: translate(locale, 'lti.reg.title'), body, script }), { nonce });
  }

  /** The URLs come from whoever opens the registration link: only http(s), and plain http only to loopback outside production. */
  private assertFetchable(url: string): void {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new LtiRejection('REGISTRATION_FAILED', 400, { reason: 'openid_configuration is not a URL' });
    }
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback && this.config.nodeEnv !== 'production')) {
      throw new LtiRejection('REGISTRATION_FAILED', 400, { reason: 'the LMS must be reached over https' });
    }
  }

  private async fetchJson(url: string, options: { method: 'GET' | 'POST'; token?: string; body?: unknown }): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await fetch(url, {
        method: options.method, signal: AbortSignal.timeout(this.config.lti.serviceTimeoutMs), redirect: 'error',
        headers: {
          accept: 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.body ? { 'content-type': 'application/json' } : {}),
        },
        body: options.body ? JSON.stringify(options.body) : undefined,
      });
    } catch (err) {
      throw new LtiRejection('REGISTRATION_FAILED', 502, { reason: `${new URL(url).host} did not answer` }, (err as Error).message);
    }
    const text = (await res.text()).slice(0, MAX_DOCUMENT);
    if (!res.ok) throw new LtiRejection('REGISTRATION_FAILED', 502, { reason: `${res.status} ${text.slice(0, 200)}` });
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new LtiRejection('REGISTRATION_FAILED', 502, { reason: 'the answer is not JSON' });
    }
  }
}
