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

const ALL: readonly string[] = [];

/**
 * The few statements every chat turn runs (load the conversation with the user's link, search sessions, save the
 * state), with select lists and hydration compiled once per entity, sent straight to the driver through
 * `TransactionRunner.readSql` / `writeSql` (named prepared statements on PostgreSQL, cached statements on SQLite).
 * Query runners, transactions around single statements and ORM hydration were most of a turn's CPU. Values still
 * go through the driver's own conversions, so both databases read and write them exactly as TypeORM does.
 */
@Injectable()
export class TurnSql {
  private readonly compiled = new WeakMap<readonly string[], Map<string, CompiledEntity>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * The select list of an entity under `alias` (only `properties` when given: the primary key must be among them);
   * hydrate rows with `entity()`/`select()` and the same alias and properties.
   */
  columns(entity: EntityTarget<ObjectLiteral>, alias: string, properties?: readonly string[]): string {
    return this.compile(entity, alias, properties).select;
  }

  /** Rows of a `?`-placeholder read, as the driver returns them. Reads never wait for the write queue. */
  rows(text: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    return this.tx.readSql(text, params);
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

  /** One write statement on its own, atomic as a statement is; returns the rows it changed. */
  writeOne(text: string, params: unknown[]): Promise<number> {
    return this.tx.writeSql(text, params);
  }

  /** A value as the driver stores it in `entity.property` (dates, JSON). */
  persist(entity: EntityTarget<ObjectLiteral>, property: string, value: unknown): unknown {
    const column = this.dataSource.getMetadata(entity).findColumnWithPropertyName(property)!;
    return this.dataSource.driver.preparePersistentValue(value, column);
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
