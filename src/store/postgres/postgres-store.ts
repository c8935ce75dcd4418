// The Store over PostgreSQL (server or embedded PGlite behind its socket), built on Kysely.

import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Store } from '../store.js';
import { PostgresAgentRepository } from './agent-queries.js';
import { PostgresApprovalWriter } from './approval-queries.js';
import { PostgresCampaignRepository } from './campaign-queries.js';
import { PostgresCfoRepository } from './cfo-queries.js';
import { PostgresContentRepository } from './content-queries.js';
import { PostgresEffectRepository } from './effect-queries.js';
import { GraphileJobQueue } from './graphile-job-queue.js';
import { PostgresResultRepository } from './result-queries.js';
import { PostgresReviewRepository } from './review-queries.js';
import type { ChimeraSchema } from './schema.js';
import { PostgresTaskRepository } from './task-queries.js';
import { PostgresAuditRepository, PostgresTraceRepository } from './trace-queries.js';

export class PostgresStore implements Store {
  readonly agents;
  readonly campaigns;
  readonly tasks;
  readonly results;
  readonly reviews;
  readonly effects;
  readonly traces;
  readonly audit;
  readonly jobs;
  readonly approvals;
  readonly content;
  readonly cfo;

  private constructor(
    private readonly db: Kysely<ChimeraSchema>,
    private readonly inTransaction: boolean,
  ) {
    this.agents = new PostgresAgentRepository(db);
    this.campaigns = new PostgresCampaignRepository(db);
    this.tasks = new PostgresTaskRepository(db);
    this.results = new PostgresResultRepository(db);
    this.reviews = new PostgresReviewRepository(db);
    this.effects = new PostgresEffectRepository(db);
    this.traces = new PostgresTraceRepository(db);
    this.audit = new PostgresAuditRepository(db);
    this.jobs = new GraphileJobQueue(db);
    this.approvals = new PostgresApprovalWriter(db);
    this.content = new PostgresContentRepository(db);
    this.cfo = new PostgresCfoRepository(db);
  }

  /** A store over `pool`. The pool stays the caller's to end. */
  static fromPool(pool: pg.Pool): PostgresStore {
    const db = new Kysely<ChimeraSchema>({ dialect: new PostgresDialect({ pool }) });
    return new PostgresStore(db, false);
  }

  async transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    return this.db.transaction().execute((trx) => work(new PostgresStore(trx, true)));
  }
}
