import { QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { columnTypes } from './column-types';

type ColumnKind = 'id' | 'ref' | 'string' | 'text' | 'int' | 'bigint' | 'bool' | 'real' | 'timestamp' | 'json';
export interface ColumnSpec {
  kind: ColumnKind;
  length?: number;
  nullable?: boolean;
  default?: string | number | boolean;
  /** A timestamp column filled by the database when the row is inserted. */
  now?: boolean;
  unique?: boolean;
}

/**
 * Declares a table once for both databases, so migrations never diverge between SQLite and PostgreSQL.
 * Example: `await createTable(qr, 'venue', { id: { kind: 'id' }, name: { kind: 'string', length: 200 } })`.
 */
export async function createTable(
  queryRunner: QueryRunner,
  name: string,
  columns: Record<string, ColumnSpec>,
  indices: { columns: string[]; unique?: boolean; where?: string; name?: string }[] = [],
): Promise<void> {
  const t = columnTypes(queryRunner);
  const pg = queryRunner.connection.options.type === 'postgres';
  const defs: TableColumnOptions[] = Object.entries(columns).map(([column, spec]) => {
    const def: TableColumnOptions = { name: column, type: 'varchar', isNullable: !!spec.nullable };
    switch (spec.kind) {
      case 'id':
        return { ...def, type: 'varchar', length: '36', isPrimary: true };
      case 'ref':
        def.length = '36';
        break;
      case 'string':
        def.length = String(spec.length ?? 255);
        break;
      case 'text':
      case 'json':
        def.type = 'text';
        break;
      case 'int':
        def.type = 'integer';
        break;
      case 'bigint':
        def.type = t.bigint;
        break;
      case 'bool':
        def.type = 'boolean';
        break;
      case 'real':
        def.type = t.real;
        break;
      case 'timestamp':
        def.type = t.timestamp;
        if (spec.now) def.default = pg ? 'now()' : "(datetime('now'))";
        break;
    }
    if (spec.default !== undefined) {
      def.default = typeof spec.default === 'string' ? `'${spec.default.replace(/'/g, "''")}'` :
        typeof spec.default === 'boolean' ? (pg ? String(spec.default) : spec.default ? '1' : '0') : spec.default;
    }
    if (spec.unique) def.isUnique = true;
    return def;
  });
  await queryRunner.createTable(new Table({ name, columns: defs }), true);
  for (const index of indices) {
    const indexName = index.name ?? `IDX_${name}_${index.columns.join('_')}`;
    await queryRunner.createIndex(
      name,
      new TableIndex({ name: indexName, columnNames: index.columns, isUnique: index.unique, where: index.where }),
    );
  }
}
