import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { availableDatabases, createTestDatabase, TestDatabase } from '@o2o/testing';
import { TransactionRunner } from './transaction.runner';

describe.each(availableDatabases())('TransactionRunner.runSql on %s', (kind) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let tx: TransactionRunner;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    dataSource = kind === 'sqlite'
      ? new DataSource({ type: 'better-sqlite3', database: join(db.dataDir, 'runner.sqlite') })
      : new DataSource({ type: 'postgres', url: db.env.DATABASE_URL, extra: { max: 4 } });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE "seat" ("id" varchar(36) PRIMARY KEY, "taken" integer NOT NULL)');
    await dataSource.query('CREATE TABLE "seat_log" ("id" varchar(36) PRIMARY KEY, "seatId" varchar(36) NOT NULL)');
    await dataSource.query(`INSERT INTO "seat" ("id", "taken") VALUES ('s1', 0)`);
    tx = new TransactionRunner(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const takeSeat = (logId: string) => tx.runSql(async (sql) => {
    const [seat] = await sql.query<{ taken: number | string }>(`SELECT "taken" FROM "seat" WHERE "id" = ?${sql.forUpdate}`, ['s1']);
    await sql.writeAll([
      { sql: 'UPDATE "seat" SET "taken" = ? WHERE "id" = ?', params: [Number(seat.taken) + 1, 's1'] },
      { sql: 'INSERT INTO "seat_log" ("id", "seatId") VALUES (?, ?)', params: [logId, 's1'] },
    ]);
  });

  const state = async () => {
    const [seat] = await dataSource.query('SELECT "taken" FROM "seat" WHERE "id" = \'s1\'');
    const [{ n }] = await dataSource.query('SELECT COUNT(*) AS "n" FROM "seat_log"');
    return { taken: Number(seat.taken), logged: Number(n) };
  };

  it('applies every statement of writeAll, and concurrent units of work never lose an update', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => takeSeat(`log-${i}`)));
    expect(await state()).toEqual({ taken: 40, logged: 40 });
  });

  it('writes nothing of a unit of work whose writeAll fails part-way', async () => {
    const before = await state();
    // The second statement hits the primary key of a row logged above: the first must not survive.
    const failure = await takeSeat('log-0').then(() => 'resolved', (err: unknown) => err);
    expect(String((failure as Error)?.message ?? failure)).toMatch(/UNIQUE|duplicate key/);
    expect(await state()).toEqual(before);
    // The connection is usable afterwards (no transaction left open on it).
    await takeSeat('log-after-failure');
    expect(await state()).toEqual({ taken: before.taken + 1, logged: before.logged + 1 });
  });

  it('rolls back when the work throws after writing', async () => {
    const before = await state();
    await expect(tx.runSql(async (sql) => {
      await sql.writeAll([{ sql: 'INSERT INTO "seat_log" ("id", "seatId") VALUES (?, ?)', params: ['log-thrown', 's1'] }]);
      throw new Error('business rule failed');
    })).rejects.toThrow('business rule failed');
    expect(await state()).toEqual(before);
  });

  it('reads straight from the driver, the same rows as the ORM sees, with repeated (prepared) statements', async () => {
    for (let i = 0; i < 3; i++) {
      const rows = await tx.readSql<{ id: string; taken: number | string }>('SELECT "id", "taken" FROM "seat" WHERE "id" = ?', ['s1']);
      expect(rows.map((r) => ({ id: r.id, taken: Number(r.taken) }))).toEqual([{ id: 's1', taken: (await state()).taken }]);
    }
    expect(await tx.readSql('SELECT "id" FROM "seat" WHERE "id" = ?', ['none'])).toEqual([]);
  });

  it('reads rows as arrays in SELECT order, while the same SQL through readSql still answers objects', async () => {
    const sql = 'SELECT "taken", "id" FROM "seat" WHERE "id" IN (?, ?) ORDER BY "id"';
    await dataSource.query(`INSERT INTO "seat" ("id", "taken") VALUES ('s2', 7)`);
    const { taken } = await state();
    for (let i = 0; i < 3; i++) {
      const rows = await tx.readSqlRows(sql, ['s1', 's2']);
      expect(rows.map(([n, id]) => [Number(n), id])).toEqual([[taken, 's1'], [7, 's2']]);
      const objects = await tx.readSql<{ id: string; taken: number | string }>(sql, ['s1', 's2']);
      expect(objects.map((r) => r.id)).toEqual(['s1', 's2']);
    }
    expect(await tx.readSqlRows(sql, ['none', 'nothing'])).toEqual([]);
    await dataSource.query(`DELETE FROM "seat" WHERE "id" = 's2'`);
  });

  it('writes one statement on its own and answers how many rows it changed (compare-and-set)', async () => {
    const { taken } = await state();
    const cas = (seen: number) => tx.writeSql('UPDATE "seat" SET "taken" = ? WHERE "id" = ? AND "taken" = ?', [seen + 1, 's1', seen]);
    // Two racers that read the same value: exactly one wins.
    expect((await Promise.all([cas(taken), cas(taken)])).sort()).toEqual([0, 1]);
    expect((await state()).taken).toBe(taken + 1);
  });
});
