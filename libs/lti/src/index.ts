export * from './lti.module';
export * from './lti.schema';
export * from './registrations/registration.service';
export * from './registrations/registration.directory';
export * from './registrations/tool-urls';
export * from './ltijs/typeorm-ltijs.store';
export * from './ltijs/ltijs-provider.factory';
export type * from './ltijs/ltijs.types';
export * from './ags/grade-sync.job';
