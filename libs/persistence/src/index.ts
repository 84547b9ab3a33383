export * from './column-types';
export * from './data-source-options.factory';
export * from './is-unique-violation';
export * from './persistence.module';
export * from './raw-sql';
export * from './table-builder';
export * from './transaction.runner';
