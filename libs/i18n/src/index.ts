export * from './error-messages';
export * from './locale';
export * from './translate';
export * from './validation-messages';
