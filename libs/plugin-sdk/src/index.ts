export * from './channel-plugin';
export * from './chat-engine';
export * from './chat-message';
export * from './lms-plugin';
export * from './plugin-manifest';
export * from './plugin-sdk.module';
export * from './plugin.registry';
export * from './sdk-version';
