export * from './service-probe';
export * from './test-database';
