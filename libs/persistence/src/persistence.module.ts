import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@o2o/config';
import { dataSourceOptions, SchemaParts } from './data-source-options.factory';
import { SqliteWalCheckpointer } from './sqlite-wal.checkpointer';
import { TransactionRunner } from './transaction.runner';

/** Opens the database (SQLite file or PostgreSQL) and applies migrations at start unless switched off. */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(parts: SchemaParts): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config, parts),
            migrationsRun: config.runMigrations && !config.synchronizeSchema,
            retryAttempts: 2,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: [TransactionRunner, SqliteWalCheckpointer],
      exports: [TransactionRunner],
    };
  }
}
