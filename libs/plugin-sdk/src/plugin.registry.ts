import { Injectable } from '@nestjs/common';
import semver from 'semver';
import { ChannelPlugin } from './channel-plugin';
import { LmsPlugin } from './lms-plugin';
import { O2oPlugin } from './plugin-manifest';
import { PLUGIN_SDK_VERSION } from './sdk-version';

export class PluginRegistrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginRegistrationError';
  }
}

/** Refuses, at boot, a plugin list with duplicates or plugins built for another SDK. */
export function assertPluginsCompatible(plugins: O2oPlugin[], sdkVersion = PLUGIN_SDK_VERSION): void {
  const seen = new Set<string>();
  for (const { manifest } of plugins) {
    if (!manifest?.id || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(manifest.id)) {
      throw new PluginRegistrationError(`Plugin id "${manifest?.id}" must be kebab-case`);
    }
    if (seen.has(manifest.id)) throw new PluginRegistrationError(`Plugin "${manifest.id}" is listed twice`);
    seen.add(manifest.id);
    if (!semver.validRange(manifest.sdk)) {
      throw new PluginRegistrationError(`Plugin "${manifest.id}" declares an invalid SDK range "${manifest.sdk}"`);
    }
    if (!semver.satisfies(sdkVersion, manifest.sdk)) {
      throw new PluginRegistrationError(
        `Plugin "${manifest.id}" needs plugin SDK ${manifest.sdk}, but this host provides ${sdkVersion}`,
      );
    }
  }
}

/** The one place core code asks for "the LMS plugin for this issuer" or "the channel for this activity". */
@Injectable()
export class PluginRegistry {
  private readonly lms = new Map<string, LmsPlugin>();
  private readonly channels = new Map<string, ChannelPlugin>();

  registerLms(plugin: LmsPlugin): void {
    if (this.lms.has(plugin.id)) throw new PluginRegistrationError(`LMS plugin "${plugin.id}" registered twice`);
    this.lms.set(plugin.id, plugin);
  }

  registerChannel(plugin: ChannelPlugin): void {
    if (this.channels.has(plugin.id)) throw new PluginRegistrationError(`Channel plugin "${plugin.id}" registered twice`);
    this.channels.set(plugin.id, plugin);
  }

  lmsFor(hint: { issuer?: string; productFamilyCode?: string }): LmsPlugin | undefined {
    return [...this.lms.values()].find((p) => p.recognises(hint));
  }

  channel(id: string): ChannelPlugin | undefined {
    return this.channels.get(id);
  }

  lmsPlugins(): LmsPlugin[] {
    return [...this.lms.values()];
  }

  channelPlugins(): ChannelPlugin[] {
    return [...this.channels.values()];
  }
}
