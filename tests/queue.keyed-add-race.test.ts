// TR-QUEUE-001: a keyed job added while a worker locks the job that holds its key is kept, not
// dropped. graphile-worker's add_job can return no job in that interleaving (graphile/worker#580),
// which lost Planner wake-ups under load. Two sessions on the PostgreSQL server force it; PGlite
// has one connection, where the race cannot happen.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/store/database.js';
import type { PostgresStore } from '../src/store/postgres/postgres-store.js';
import type { JobRequest } from '../src/store/store.js';
import { waitFor } from './support/cli-process.js';
import { openMigratedStore } from './support/migrated-store.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';

const WAKE = {
  name: 'plan_campaign',
  jobKey: 'plan:campaign-1',
  jobKeyMode: 'preserve_run_at',
} as const satisfies Omit<JobRequest, 'payload'>;

describe('a keyed add racing a worker on PostgreSQL', () => {
  let testDatabase: TestDatabase;
  let database: Database;
  let store: PostgresStore;
  beforeAll(async () => {
    testDatabase = await createTestDatabase('postgres');
    ({ database, store } = await openMigratedStore(testDatabase));
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.dispose();
  });

  it('keeps a wake-up that arrives while a worker is locking the job holding its key', async () => {
    await store.jobs.add({ ...WAKE, payload: { campaignId: 'campaign-1', wake: 1 } });
    // A worker takes the job: its lock is written but not yet committed.
    const worker = await database.pool.connect();
    try {
      await worker.query('BEGIN');
      await worker.query(
        `UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'worker-1'
          WHERE key = $1`,
        [WAKE.jobKey],
      );
      // The second wake-up saw the job unlocked, and now waits on the worker's row lock.
      const adding = store.transaction((tx) =>
        tx.jobs.add({ ...WAKE, payload: { campaignId: 'campaign-1', wake: 2 } }),
      );
      // (Watched from a session of its own: within a transaction the statistics stay as first read.)
      await waitFor(async () => {
        const { rows } = await database.pool.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return rows[0]?.waiting === 1;
      });
      await worker.query('COMMIT');
      await adding;
    } finally {
      worker.release();
    }
    const { rows } = await database.pool.query(
      `SELECT key, locked_by, payload FROM graphile_worker._private_jobs ORDER BY id`,
    );
    expect(rows).toEqual([
      { key: null, locked_by: 'worker-1', payload: { campaignId: 'campaign-1', wake: 1 } },
      { key: WAKE.jobKey, locked_by: null, payload: { campaignId: 'campaign-1', wake: 2 } },
    ]);
  });
});
