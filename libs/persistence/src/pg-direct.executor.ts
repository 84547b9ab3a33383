import type { EntityManager } from 'typeorm';
import { SqlExecutor, SqlStatement } from './sql-executor';

/** The part of a node-postgres pool client the hot path uses. */
export interface PgClient {
  query(config: { name?: string; text: string; values?: unknown[]; rowMode?: 'array' }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

interface PreparedText {
  name: string;
  text: string;
}

// Shared by every connection: the same SQL always gets the same statement name, which node-postgres prepares once
// per connection and then only binds, so the server skips parsing and planning on every later call.
const prepared = new Map<string, PreparedText>();

function preparedFor(sql: string): PreparedText {
  let entry = prepared.get(sql);
  if (!entry) {
    let n = 0;
    entry = { name: `o2o_${prepared.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) };
    // A runaway set of distinct statements would grow every connection's prepared cache; past the bound, run unnamed.
    if (prepared.size < 1000) prepared.set(sql, entry);
    else entry = { name: '', text: entry.text };
  }
  return entry;
}

/**
 * `?`-placeholder statements straight on the transaction's pooled PostgreSQL connection, as named prepared
 * statements: no query runner or broadcaster per call. Used only inside TransactionRunner.runSql, which opens and
 * closes the transaction on the same connection that `manager` uses.
 */
export class PgDirectExecutor implements SqlExecutor {
  readonly forUpdate = ' FOR UPDATE';

  constructor(
    private readonly client: PgClient,
    readonly manager: EntityManager,
  ) {}

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.execute(sql, params)).rows as T[];
  }

  /** The statement's rows and the driver's count of rows it changed (for writes without RETURNING). */
  async execute(sql: string, params: unknown[] = [], rowMode?: 'array'): Promise<{ rows: unknown[]; rowCount: number | null }> {
    const { name, text } = preparedFor(sql);
    const config: Parameters<PgClient['query']>[0] = name ? { name, text, values: params } : { text, values: params };
    if (rowMode) config.rowMode = rowMode;
    return this.client.query(config);
  }

  /** The statement's rows as arrays of column values in SELECT order (no object per row). */
  async rows(sql: string, params: unknown[] = []): Promise<unknown[][]> {
    return (await this.execute(sql, params, 'array')).rows as unknown[][];
  }

  async writeAll(statements: SqlStatement[]): Promise<void> {
    if (statements.length === 0) return;
    // One round trip: every statement but the last becomes a data-modifying CTE, which PostgreSQL always runs.
    const ctes = statements.slice(0, -1).map((s, i) => `"w${i}" AS (${s.sql})`);
    const last = statements[statements.length - 1].sql;
    const sql = ctes.length ? `WITH ${ctes.join(', ')} ${last}` : last;
    await this.query(sql, statements.flatMap((s) => s.params));
  }
}
