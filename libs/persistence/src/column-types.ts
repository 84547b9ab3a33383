import type { QueryRunner } from 'typeorm';

/**
 * Column types for hand-written migrations that must read the same on SQLite and PostgreSQL.
 * Entities leave Date columns untyped so TypeORM maps them per driver; migrations pick the matching type here.
 */
export function columnTypes(queryRunner: QueryRunner) {
  const pg = queryRunner.connection.options.type === 'postgres';
  return {
    timestamp: pg ? 'timestamptz' : 'datetime',
    text: 'text',
    bigint: pg ? 'bigint' : 'integer',
    bool: 'boolean',
    real: pg ? 'double precision' : 'real',
  } as const;
}
