import type { PluginManifest } from '@o2o/plugin-sdk';

export const BOTFRAMEWORK_PLUGIN_ID = 'channel-botframework';

export const BOTFRAMEWORK_MANIFEST: PluginManifest = {
  id: BOTFRAMEWORK_PLUGIN_ID, name: 'Bot Framework (Teams, Web Chat, Direct Line)', kind: 'channel', version: '0.1.0', sdk: '^1.0.0',
};
