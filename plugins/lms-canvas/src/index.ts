export * from './canvas-configuration.builder';
export * from './canvas-lms.plugin';
export * from './canvas.manifest';
export * from './canvas.plugin-module';
