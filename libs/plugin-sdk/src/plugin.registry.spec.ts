import { O2oPlugin } from './plugin-manifest';
import { assertPluginsCompatible, PluginRegistrationError, PluginRegistry } from './plugin.registry';

const plugin = (id: string, sdk = '^1.0.0'): O2oPlugin => ({
  manifest: { id, name: id, kind: 'lms', version: '1.0.0', sdk },
  module: { module: class {} },
});

describe('assertPluginsCompatible', () => {
  it('accepts distinct, compatible plugins', () => {
    expect(() => assertPluginsCompatible([plugin('lms-moodle'), plugin('lms-canvas', '>=1.0.0 <2')])).not.toThrow();
  });
  it('refuses duplicates', () => {
    expect(() => assertPluginsCompatible([plugin('lms-moodle'), plugin('lms-moodle')])).toThrow(/listed twice/);
  });
  it('refuses a plugin built for another SDK major', () => {
    expect(() => assertPluginsCompatible([plugin('lms-moodle', '^2.0.0')])).toThrow(
      new PluginRegistrationError('Plugin "lms-moodle" needs plugin SDK ^2.0.0, but this host provides 1.0.0'),
    );
  });
  it('refuses an invalid range and a bad id', () => {
    expect(() => assertPluginsCompatible([plugin('lms-moodle', 'not-a-range')])).toThrow(/invalid SDK range/);
    expect(() => assertPluginsCompatible([plugin('Lms Moodle')])).toThrow(/kebab-case/);
  });
});

describe('PluginRegistry', () => {
  it('finds the LMS plugin for an issuer', () => {
    const registry = new PluginRegistry();
    registry.registerLms({
      id: 'lms-x', recognises: (h) => h.issuer === 'https://x.example', serviceHeaders: () => ({}),
      normalizeClaims: () => ({ roles: [], locale: null, courseId: null, courseTitle: null }),
    });
    expect(registry.lmsFor({ issuer: 'https://x.example' })?.id).toBe('lms-x');
    expect(registry.lmsFor({ issuer: 'https://y.example' })).toBeUndefined();
  });
});
