import { PluginManifest } from '@o2o/plugin-sdk';

export const CANVAS_MANIFEST: PluginManifest = {
  id: 'lms-canvas', name: 'Canvas', kind: 'lms', version: '0.1.0', sdk: '^1.0.0',
};
