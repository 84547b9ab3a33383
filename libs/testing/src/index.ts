export * from './service-probe';
export * from './test-database';
export * from './fake-lti-platform';
