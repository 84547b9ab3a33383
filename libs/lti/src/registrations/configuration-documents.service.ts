import type { ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { PluginRegistry } from '@o2o/plugin-sdk';
import { LtiRejection } from '../launch/lti-rejection.error';
import { DynamicRegistrationFlow } from './dynamic-registration.flow';
import { ltiExtensionOf } from './lti-lms-extension.contract';

const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#0a3d91"/>' +
  '<text x="32" y="41" font-family="sans-serif" font-size="22" font-weight="700" fill="#fff" text-anchor="middle">O2O</text></svg>';

/** Documents LMS plugins publish under /lti (Canvas' developer-key JSON at /lti/canvas.json) and the tool icon. */
@Injectable()
export class ConfigurationDocuments {
  constructor(
    private readonly plugins: PluginRegistry,
    private readonly registration: DynamicRegistrationFlow,
  ) {}

  /** True when it answered the path. */
  async serve(path: string, res: ServerResponse): Promise<boolean> {
    if (path === '/icon.svg') {
      res.setHeader('Content-Type', 'image/svg+xml');
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.end(ICON);
      return true;
    }
    const match = /^\/([a-z0-9-]+\.json)$/.exec(path);
    if (!match) return false;
    for (const plugin of this.plugins.lmsPlugins()) {
      const document = ltiExtensionOf(plugin).configurationDocuments?.(this.registration.tool())?.[match[1]];
      if (document) {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(JSON.stringify(document, null, 2));
        return true;
      }
    }
    throw new LtiRejection('PAGE_NOT_FOUND', 404, {}, path);
  }
}
