import type { DynamicModule } from '@nestjs/common';

export type PluginKind = 'lms' | 'channel';

/**
 * What a plugin says about itself. Example:
 * ```ts
 * export const manifest: PluginManifest = { id: 'lms-moodle', name: 'Moodle', kind: 'lms', version: '1.0.0', sdk: '^1.0.0' };
 * ```
 */
export interface PluginManifest {
  /** Unique, kebab-case. */
  id: string;
  name: string;
  kind: PluginKind;
  version: string;
  /** Semver range of PLUGIN_SDK_VERSION this plugin works with. */
  sdk: string;
}

/** A plugin as the host lists it: its manifest and the Nest dynamic module that provides its implementation. */
export interface O2oPlugin {
  manifest: PluginManifest;
  module: DynamicModule;
}
