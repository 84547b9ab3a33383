import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

interface CompiledEntity {
  /** `"alias"."column" AS "property"` for every column. */
  select: string;
  columns: { property: string; hydrate: (value: unknown) => unknown }[];
}

/**
 * The few queries every chat turn runs (load the conversation, the user's link, the sessions searched; save the
 * state), as SQL compiled once instead of TypeORM query builders rebuilt per call: in a turn that costs about a
 * millisecond, building and hydrating through the query builder was a third of it. Values still go through the
 * driver's own conversions, so both databases read and write them exactly as TypeORM does.
 */
@Injectable()
export class TurnSql {
  private readonly pg: boolean;
  private readonly compiled = new Map<unknown, CompiledEntity>();
  private readonly statements = new Map<string, string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.pg = dataSource.options.type === 'postgres';
  }

  /** Writes `?` placeholders; PostgreSQL gets `$1, $2…`. */
  sql(text: string): string {
    let out = this.statements.get(text);
    if (out === undefined) {
      let i = 0;
      out = this.pg ? text.replace(/\?/g, () => `$${++i}`) : text;
      this.statements.set(text, out);
    }
    return out;
  }

  /** The select list of an entity under `alias`, each column named after its property. */
  columns(entity: EntityTarget<ObjectLiteral>, alias: string): string {
    return this.compile(entity, alias).select;
  }

  async select<T extends ObjectLiteral>(entity: EntityTarget<T>, alias: string, text: string, params: unknown[]): Promise<T[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(this.sql(text), params);
    const { columns } = this.compile(entity, alias);
    const target = this.dataSource.getMetadata(entity).target as new () => T;
    return rows.map((row) => {
      const out = new target() as Record<string, unknown>;
      for (const c of columns) out[c.property] = c.hydrate(row[c.property]);
      return out as T;
    });
  }

  /** Runs a write inside the caller's transaction and returns the number of rows it changed. */
  async write(m: EntityManager, text: string, params: unknown[]): Promise<number> {
    const result = await m.queryRunner!.query(this.sql(text), params, true);
    return result.affected ?? 0;
  }

  /** A value as the driver stores it in `entity.property` (dates, JSON). */
  persist(entity: EntityTarget<ObjectLiteral>, property: string, value: unknown): unknown {
    const column = this.dataSource.getMetadata(entity).findColumnWithPropertyName(property)!;
    return this.dataSource.driver.preparePersistentValue(value, column);
  }

  private compile(entity: EntityTarget<ObjectLiteral>, alias: string): CompiledEntity {
    const key = `${String((entity as { name?: string }).name ?? entity)}|${alias}`;
    let c = this.compiled.get(key);
    if (!c) {
      const metadata = this.dataSource.getMetadata(entity);
      const driver = this.dataSource.driver;
      c = {
        select: metadata.columns.map((col) => `"${alias}"."${col.databaseName}" AS "${col.propertyName}"`).join(', '),
        columns: metadata.columns.map((col) => ({ property: col.propertyName, hydrate: (v: unknown) => driver.prepareHydratedValue(v, col) })),
      };
      this.compiled.set(key, c);
    }
    return c;
  }
}
