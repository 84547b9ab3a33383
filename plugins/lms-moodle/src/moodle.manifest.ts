import { PluginManifest } from '@o2o/plugin-sdk';

export const MOODLE_MANIFEST: PluginManifest = {
  id: 'lms-moodle', name: 'Moodle', kind: 'lms', version: '0.1.0', sdk: '^1.0.0',
};
