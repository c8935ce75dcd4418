// The Store over PostgreSQL (server or embedded PGlite behind its socket), built on Kysely.

import { Kysely, PostgresDialect, type QueryExecutorProvider } from 'kysely';
import type pg from 'pg';
import type { JobQueue, Store } from '../store.js';
import { PostgresAccessRepository } from './access-queries.js';
import { PostgresAgentRepository } from './agent-queries.js';
import { PostgresApprovalWriter } from './approval-queries.js';
import { PostgresCampaignRepository } from './campaign-queries.js';
import { PostgresCampaignRunRepository } from './campaign-run-queries.js';
import { PostgresCfoRepository } from './cfo-queries.js';
import { PostgresContentRepository } from './content-queries.js';
import { PostgresEffectRepository } from './effect-queries.js';
import { PostgresHandshakeRepository } from './handshake-queries.js';
import { MemorySearchPaths, PostgresMemoryRepository } from './memory-queries.js';
import { PostgresNetworkRepository } from './network-queries.js';
import { preparedStatementPool } from './prepared-statements.js';
import { PostgresResultRepository } from './result-queries.js';
import { PostgresReviewRepository } from './review-queries.js';
import type { ChimeraSchema } from './schema.js';
import { PostgresStrategyRepository } from './strategy-queries.js';
import { PostgresTaskRepository } from './task-queries.js';
import { PostgresTenantViewRepository } from './tenant-view-queries.js';
import { PostgresAuditRepository, PostgresTraceRepository } from './trace-queries.js';

/**
 * Makes the job queue that adds jobs on `db` (the store's connection, or its transaction), so a
 * job commits with the state beside it. The composition root supplies it (queue/).
 */
export type JobQueueFactory = (db: QueryExecutorProvider) => JobQueue;

export class PostgresStore implements Store {
  readonly agents;
  readonly campaigns;
  readonly campaignRuns;
  readonly tasks;
  readonly results;
  readonly reviews;
  readonly effects;
  readonly traces;
  readonly access;
  readonly tenantViews;
  readonly audit;
  readonly jobs;
  readonly approvals;
  readonly content;
  readonly strategies;
  readonly memories;
  readonly cfo;
  readonly network;
  readonly handshakes;

  private constructor(
    private readonly db: Kysely<ChimeraSchema>,
    private readonly inTransaction: boolean,
    private readonly jobQueue: JobQueueFactory,
    private readonly memorySearch: MemorySearchPaths,
  ) {
    this.agents = new PostgresAgentRepository(db);
    this.campaigns = new PostgresCampaignRepository(db);
    this.campaignRuns = new PostgresCampaignRunRepository(db);
    this.tasks = new PostgresTaskRepository(db);
    this.results = new PostgresResultRepository(db);
    this.reviews = new PostgresReviewRepository(db);
    this.effects = new PostgresEffectRepository(db);
    this.traces = new PostgresTraceRepository(db);
    this.access = new PostgresAccessRepository(db);
    this.tenantViews = new PostgresTenantViewRepository(db);
    this.audit = new PostgresAuditRepository(db);
    this.jobs = jobQueue(db);
    this.approvals = new PostgresApprovalWriter(db);
    this.content = new PostgresContentRepository(db);
    this.strategies = new PostgresStrategyRepository(db);
    this.memories = new PostgresMemoryRepository(db, memorySearch);
    this.cfo = new PostgresCfoRepository(db);
    this.network = new PostgresNetworkRepository(db);
    this.handshakes = new PostgresHandshakeRepository(db);
  }

  /**
   * A store over `pool`, adding jobs with `jobQueue`. The pool stays the caller's to end. Its
   * queries run as prepared statements (prepared-statements.ts): each connection plans one once.
   */
  static fromPool(pool: pg.Pool, jobQueue: JobQueueFactory): PostgresStore {
    const dialect = new PostgresDialect({ pool: preparedStatementPool(pool) });
    const db = new Kysely<ChimeraSchema>({ dialect });
    return new PostgresStore(db, false, jobQueue, new MemorySearchPaths());
  }

  async transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    return this.db
      .transaction()
      .execute((trx) => work(new PostgresStore(trx, true, this.jobQueue, this.memorySearch)));
  }
}
