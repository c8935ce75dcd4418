// FR-CFO-003, TR-STORE-001: the ledger table is append-only in the database itself, on PGlite
// and PostgreSQL: a trigger refuses UPDATE, DELETE and TRUNCATE, so no code path can rewrite it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/store/database.js';
import { migrate } from '../src/store/migrator.js';
import { ADAPTERS, createTestDatabase, type TestDatabase } from './support/test-databases.js';

describe.each(ADAPTERS)('the ledger table on %s', (kind) => {
  let testDatabase: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    database = await openDatabase({
      databaseUrl: testDatabase.databaseUrl,
      dataDir: testDatabase.dataDir,
      createDataDir: true,
    });
    await migrate(database.pool);
    await database.pool.query(
      `INSERT INTO ledger (seq, tx_id, agent_id, request_type, amount, currency, projected_roi,
         risk_score, decision, reasons, approval_signature, cfo_agent_id, prev_hash, entry_hash,
         created_at)
       VALUES (1, 'req-1', 'ava', 'api_call', 1000000, 'USDC', NULL, 0.05, 'approve', '[]',
         'c2ln', 'cfo-key-1', repeat('0', 64), repeat('a', 64), now())`,
    );
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.dispose();
  });

  it.each([
    ['UPDATE', `UPDATE ledger SET amount = 1 WHERE seq = 1`],
    ['DELETE', `DELETE FROM ledger WHERE seq = 1`],
    ['TRUNCATE', `TRUNCATE ledger`],
  ])('refuses %s', async (operation, statement) => {
    await expect(database.pool.query(statement)).rejects.toThrow(
      `the ledger is append-only: ${operation} is refused`,
    );
    const { rows } = await database.pool.query(`SELECT amount::text FROM ledger WHERE seq = 1`);
    expect(rows).toEqual([{ amount: '1000000' }]);
  });

  it('accepts appends', async () => {
    await database.pool.query(
      `INSERT INTO ledger SELECT 2, 'req-2', agent_id, request_type, amount, currency,
         projected_roi, risk_score, decision, reasons, approval_signature, cfo_agent_id,
         entry_hash, repeat('b', 64), now() FROM ledger WHERE seq = 1`,
    );
    const { rows } = await database.pool.query(`SELECT count(*)::int AS n FROM ledger`);
    expect(rows[0].n).toBe(2);
  });
});
