import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { TenantService } from '@o2o/core';
import type { Locale } from '@o2o/i18n';
import { PluginRegistry } from '@o2o/plugin-sdk';
import type { AdminPageData } from '../pages/admin.page';
import { RegistrationService } from '../registrations/registration.service';
import { ToolUrls } from '../registrations/tool-urls.value';
import { ltiExtensionOf } from '../registrations/lti-lms-extension.contract';

/** Reads the tenant's registrations, the tool URLs and each LMS plugin's setup notes for the admin pages. */
@Injectable()
export class AdminPageLoader {
  private readonly urls: ToolUrls;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly registrations: RegistrationService,
    private readonly tenants: TenantService,
    private readonly plugins: PluginRegistry,
  ) {
    this.urls = new ToolUrls(config.publicUrl);
  }

  async load(tenantId: string, locale: Locale): Promise<AdminPageData> {
    const tenant = await this.tenants.resolve(tenantId);
    const hints = this.plugins.lmsPlugins().flatMap((plugin) => {
      const notes = ltiExtensionOf(plugin).setupHints?.(locale) ?? [];
      return notes.length ? [{ lms: ltiExtensionOf(plugin).displayName ?? plugin.id, notes }] : [];
    });
    return {
      locale, urls: this.urls, registrations: await this.registrations.list(tenant.id), hints,
      tenant: { name: tenant.name, slug: tenant.slug, timeZone: tenant.timeZone, defaultLocale: tenant.defaultLocale },
    };
  }
}
