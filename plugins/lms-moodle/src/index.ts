export * from './moodle-lms.plugin';
export * from './moodle.manifest';
export * from './moodle.plugin-module';
