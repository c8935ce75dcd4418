// Kysely's queries on a PostgreSQL server run as named prepared statements (prepared-statements.ts):
// each connection prepares a query once and reuses it; transaction control stays unnamed; and a
// schema change that alters a prepared query's result columns does not break the query.

import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedStatementPool } from '../src/store/postgres/prepared-statements.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';

interface Schema {
  notes: { id: number; body: string };
}

describe('named prepared statements on the PostgreSQL server', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let db: Kysely<Schema>;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    // One connection, so every query below meets the statements the earlier ones prepared.
    pool = new pg.Pool({ connectionString: database.databaseUrl, max: 1 });
    await pool.query('CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)');
    await pool.query("INSERT INTO notes VALUES (1, 'one'), (2, 'two')");
    db = new Kysely<Schema>({
      dialect: new PostgresDialect({ pool: preparedStatementPool(pool) }),
    });
  });
  afterAll(async () => {
    await pool?.end();
    await database?.dispose();
  });

  const preparedHere = async () =>
    (
      await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(db)
    ).rows.map((row) => row.statement);

  it('prepares a query once per connection and runs it again by name', async () => {
    const byId = (id: number) => db.selectFrom('notes').selectAll().where('id', '=', id);
    expect(await byId(1).execute()).toEqual([{ id: 1, body: 'one' }]);
    expect(await byId(2).execute()).toEqual([{ id: 2, body: 'two' }]);
    const statements = await preparedHere();
    const compiled = byId(1).compile().sql;
    expect(statements.filter((text) => text === compiled)).toHaveLength(1);
  });

  it('runs a transaction, whose BEGIN and COMMIT stay unnamed', async () => {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('notes').set({ body: 'uno' }).where('id', '=', 1).execute();
    });
    expect((await db.selectFrom('notes').select('body').where('id', '=', 1).execute())[0]).toEqual({
      body: 'uno',
    });
    const statements = await preparedHere();
    expect(statements.some((text) => /^\s*(begin|commit)/i.test(text))).toBe(false);
  });

  it('answers with the new columns after a migration changed a prepared query', async () => {
    const all = () => db.selectFrom('notes').selectAll().orderBy('id').execute();
    expect((await all())[0]).toEqual({ id: 1, body: 'uno' });
    await pool.query("ALTER TABLE notes ADD COLUMN tag text NOT NULL DEFAULT 'x'");
    expect((await all())[0]).toEqual({ id: 1, body: 'uno', tag: 'x' });
    expect((await all())[1]).toEqual({ id: 2, body: 'two', tag: 'x' });
  });
});
