import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { TransactionRunner } from '@o2o/persistence';

interface CompiledEntity {
  /** `"alias"."column" AS "alias_property"` for every column. */
  select: string;
  columns: { key: string; property: string; hydrate: (value: unknown) => unknown }[];
  target: new () => ObjectLiteral;
}

/** The part of node-postgres' pool the turn uses (TypeORM's own pool: same connections, same type parsers). */
interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
}

interface SqliteStatement {
  reader: boolean;
  all(...params: unknown[]): Record<string, unknown>[];
}

const ALL: readonly string[] = [];

/** Distinct statements kept prepared; the turn uses a few dozen (search filter combinations). */
const MAX_STATEMENTS = 200;

/**
 * The few statements every chat turn runs (load the conversation with the user's link, search sessions, save the
 * state), compiled once and sent straight to the driver: on PostgreSQL as named prepared statements on TypeORM's
 * own pool (one round trip each, the server parses and plans once per connection), on SQLite as cached
 * better-sqlite3 statements. Query runners, transactions around single statements and ORM hydration were most of
 * a turn's CPU. Values still go through the driver's own conversions, so both databases read and write them
 * exactly as TypeORM does.
 */
@Injectable()
export class TurnSql {
  private readonly pg: boolean;
  private readonly compiled = new WeakMap<readonly string[], Map<string, CompiledEntity>>();
  private readonly pgStatements = new Map<string, { name: string; text: string }>();
  private readonly sqliteStatements = new Map<string, SqliteStatement>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
  ) {
    this.pg = dataSource.options.type === 'postgres';
  }

  /**
   * The select list of an entity under `alias` (only `properties` when given: the primary key must be among them);
   * hydrate rows with `entity()`/`select()` and the same alias and properties.
   */
  columns(entity: EntityTarget<ObjectLiteral>, alias: string, properties?: readonly string[]): string {
    return this.compile(entity, alias, properties).select;
  }

  /** Rows of a `?`-placeholder read, as the driver returns them. Reads never wait for the write queue. */
  async rows(text: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    if (this.pg) return (await this.pool().query({ ...this.pgStatement(text), values: params })).rows;
    return this.sqliteStatement(text).all(...params);
  }

  /** One entity per row, from a select made with `columns(entity, alias)`. */
  async select<T extends ObjectLiteral>(entity: EntityTarget<T>, alias: string, text: string, params: unknown[], properties?: readonly string[]): Promise<T[]> {
    const rows = await this.rows(text, params);
    return rows.map((row) => this.entity(entity, alias, row, properties)!);
  }

  /** The `alias` part of a joined row as an entity; null when a LEFT JOIN found nothing (no primary key). */
  entity<T extends ObjectLiteral>(entity: EntityTarget<T>, alias: string, row: Record<string, unknown>, properties?: readonly string[]): T | null {
    const { columns, target } = this.compile(entity, alias, properties);
    if (row[columns[0].key] === null || row[columns[0].key] === undefined) return null;
    const out = new target() as Record<string, unknown>;
    for (const c of columns) out[c.property] = c.hydrate(row[c.key]);
    return out as T;
  }

  /**
   * One write statement on its own, atomic as a statement is; returns the rows it changed. PostgreSQL: autocommit,
   * one round trip, the driver's row count. SQLite: inside the single write queue, so it never lands in another
   * request's open transaction on the shared connection; the count comes back through `RETURNING` (the queue's
   * executor returns rows only).
   */
  async writeOne(text: string, params: unknown[]): Promise<number> {
    if (this.pg) return (await this.pool().query({ ...this.pgStatement(text), values: params })).rowCount ?? 0;
    return this.tx.runSql(async (sql) => (await sql.query(`${text} RETURNING 1`, params)).length);
  }

  /** A value as the driver stores it in `entity.property` (dates, JSON). */
  persist(entity: EntityTarget<ObjectLiteral>, property: string, value: unknown): unknown {
    const column = this.dataSource.getMetadata(entity).findColumnWithPropertyName(property)!;
    return this.dataSource.driver.preparePersistentValue(value, column);
  }

  private pool(): PgPool {
    return (this.dataSource.driver as unknown as { master: PgPool }).master;
  }

  private pgStatement(text: string): { name: string; text: string } {
    let statement = this.pgStatements.get(text);
    if (!statement) {
      let i = 0;
      // Own name prefix: @o2o/persistence prepares `o2o_<n>` statements on the same connections.
      statement = { name: `o2o_bot_${this.pgStatements.size + 1}`, text: text.replace(/\?/g, () => `$${++i}`) };
      // Past the bound, run unnamed rather than grow every connection's prepared set.
      if (this.pgStatements.size < MAX_STATEMENTS) this.pgStatements.set(text, statement);
      else statement = { name: '', text: statement.text };
    }
    return statement;
  }

  private sqliteStatement(text: string): SqliteStatement {
    let statement = this.sqliteStatements.get(text);
    if (!statement) {
      const db = (this.dataSource.driver as unknown as { databaseConnection: { prepare(sql: string): SqliteStatement } }).databaseConnection;
      statement = db.prepare(text);
      if (this.sqliteStatements.size >= MAX_STATEMENTS) this.sqliteStatements.clear();
      this.sqliteStatements.set(text, statement);
    }
    return statement;
  }

  private compile(entity: EntityTarget<ObjectLiteral>, alias: string, properties?: readonly string[]): CompiledEntity {
    // Called for every row: the property lists are constants, so each keys a map of its own (weakly, so a list
    // built per call would cost time but never leak).
    let byEntity = this.compiled.get(properties ?? ALL);
    if (!byEntity) this.compiled.set(properties ?? ALL, (byEntity = new Map()));
    const key = `${String((entity as { name?: string }).name ?? entity)}|${alias}`;
    let c = byEntity.get(key);
    if (!c) {
      const metadata = this.dataSource.getMetadata(entity);
      const driver = this.dataSource.driver;
      // Primary columns first: entity() reads the first column to tell a missing LEFT JOIN row.
      const ordered = [...metadata.primaryColumns, ...metadata.columns.filter((col) => !col.isPrimary)]
        .filter((col) => !properties || properties.includes(col.propertyName));
      if (!ordered[0]?.isPrimary) throw new Error(`TurnSql: the columns of ${metadata.name} must include its primary key`);
      c = {
        select: ordered.map((col) => `"${alias}"."${col.databaseName}" AS "${alias}_${col.propertyName}"`).join(', '),
        columns: ordered.map((col) => ({
          key: `${alias}_${col.propertyName}`, property: col.propertyName, hydrate: (v: unknown) => driver.prepareHydratedValue(v, col),
        })),
        target: metadata.target as new () => ObjectLiteral,
      };
      byEntity.set(key, c);
    }
    return c;
  }
}
