// Named prepared statements for Kysely's queries on a PostgreSQL server. PostgreSQL plans an
// unnamed statement on every run; for the operator reads (joins and correlated subqueries)
// planning costs several times the execution. Naming a statement lets each connection parse and
// plan it once and then only bind and execute it (pg remembers which names a connection has
// prepared). The name is derived from the SQL text, so the same query gets the same name on every
// connection. A connection prepares at most MAX_PER_CONNECTION distinct statements; beyond that,
// queries run unnamed, so a query whose text varies (an IN list of varying length) cannot make a
// connection's memory grow without bound. Should a migration change a prepared query's result
// columns (another process upgraded the schema), PostgreSQL refuses the old plan; that query then
// runs unnamed on that connection from then on. Only on a server: the embedded database multiplexes
// every connection onto one PGlite session, where two connections preparing one name collide.

import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** SQLSTATE 0A000, which a stale plan is reported with. */
const FEATURE_NOT_SUPPORTED = '0A000';
/** Distinct statements one connection prepares at most. */
const MAX_PER_CONNECTION = 500;
/** Only these are worth preparing; transaction control and the like run unnamed. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/** `pool`, as Kysely sees it, with its queries run as named prepared statements. */
export function preparedStatementPool(pool: pg.Pool): PostgresPool {
  const prepared = new WeakMap<pg.PoolClient, Set<string>>();
  /** Names whose plans a schema change invalidated, on any connection. */
  const stale = new Set<string>();
  const names = new Map<string, string>();
  const nameOf = (text: string): string => {
    let name = names.get(text);
    if (name === undefined) {
      name = `chimera_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      if (names.size < MAX_PER_CONNECTION * 4) names.set(text, name);
    }
    return name;
  };
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let statements = prepared.get(client);
      if (!statements) {
        statements = new Set();
        prepared.set(client, statements);
      }
      const known = statements;
      return {
        // biome-ignore lint/suspicious/noExplicitAny: forwards both of Kysely's query overloads.
        query: ((textOrCursor: any, parameters?: readonly unknown[]) => {
          if (typeof textOrCursor !== 'string') return client.query(textOrCursor);
          const values = parameters ? [...parameters] : [];
          if (!PREPARABLE.test(textOrCursor)) return client.query(textOrCursor, values);
          const name = nameOf(textOrCursor);
          if (stale.has(name)) return client.query(textOrCursor, values);
          if (!known.has(name)) {
            if (known.size >= MAX_PER_CONNECTION) return client.query(textOrCursor, values);
            known.add(name);
          }
          return client.query({ name, text: textOrCursor, values }).catch((error: unknown) => {
            if (!isStalePlan(error)) throw error;
            stale.add(name);
            return client.query(textOrCursor, values);
          });
        }) as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
}

/** PostgreSQL's refusal to run a prepared plan whose result columns a schema change altered. */
function isStalePlan(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: string }).code === FEATURE_NOT_SUPPORTED &&
    error.message.includes('cached plan must not change result type')
  );
}
