import type { DataSource } from 'typeorm';
import { rawQuery } from '@o2o/persistence';

// One name per statement text for the whole process: node-postgres refuses a name reused for another text.
const names = new Map<string, { name: string; text: string }>();

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Single statements of the launch's hot path (the launch write, the course page's read), outside any transaction.
 * On PostgreSQL each distinct statement is a named prepared statement on the pool (the server parses and plans it
 * once per connection, and no ORM query runner is involved): a round trip costs more CPU here than the page's own
 * work. On SQLite it is an ordinary raw query.
 */
export class PooledSql {
  private readonly pool?: PgPool;

  constructor(private readonly dataSource: DataSource) {
    if (dataSource.options.type === 'postgres') this.pool = (dataSource.driver as unknown as { master: PgPool }).master;
  }

  get postgres(): boolean {
    return !!this.pool;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
    if (!this.pool) return rawQuery<T>(this.dataSource.manager, sql, params);
    let prepared = names.get(sql);
    if (!prepared) {
      let n = 0;
      // "lti_" keeps these apart from other libraries' statement names on the same pooled connections.
      prepared = { name: `lti_hot_${names.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) };
      if (names.size < 200) names.set(sql, prepared);
      else prepared = { name: '', text: prepared.text };
    }
    const result = prepared.name
      ? await this.pool.query({ name: prepared.name, text: prepared.text, values: params })
      : await this.pool.query({ text: prepared.text, values: params } as never);
    return result.rows as T[];
  }
}
