// The PGlite wire server with real `pg` clients on an in-memory PGlite: connections preparing the
// same statement name each get their own; a closed connection's statements are deallocated; and
// a client that vanishes mid-transaction is rolled back, leaving the session to the others.

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PgliteWireServer } from './pglite-wire-server.js';

describe('PgliteWireServer', () => {
  let db: PGlite;
  let server: PgliteWireServer;
  let port: number;
  const clients: pg.Client[] = [];

  const connect = async () => {
    const client = new pg.Client({
      host: '127.0.0.1',
      port,
      user: 'postgres',
      database: 'postgres',
    });
    await client.connect();
    clients.push(client);
    return client;
  };
  const preparedNames = async () =>
    (
      await db.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name')
    ).rows.map((row) => row.name);

  beforeAll(async () => {
    db = await PGlite.create();
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    await db.exec(
      "DROP TABLE IF EXISTS notes; CREATE TABLE notes (id int PRIMARY KEY, body text); INSERT INTO notes VALUES (1, 'a'), (2, 'b')",
    );
    server = new PgliteWireServer(db);
    port = await server.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.end().catch(() => undefined)));
    await server.stop();
    await db.exec('DEALLOCATE ALL');
  });

  it('keeps two connections’ statements of one name apart', async () => {
    const [first, second] = [await connect(), await connect()];
    const byId = { name: 'note', text: 'SELECT body FROM notes WHERE id = $1' };
    const other = { name: 'note', text: 'SELECT id FROM notes WHERE body = $1' };
    expect((await first.query({ ...byId, values: [1] })).rows).toEqual([{ body: 'a' }]);
    expect((await second.query({ ...other, values: ['b'] })).rows).toEqual([{ id: 2 }]);
    expect((await first.query({ ...byId, values: [2] })).rows).toEqual([{ body: 'b' }]);
    expect((await second.query({ ...other, values: ['a'] })).rows).toEqual([{ id: 1 }]);
    const [one, two] = await preparedNames();
    expect(one).toMatch(/^c\d+_note$/);
    expect(two).toMatch(/^c\d+_note$/);
    expect(one).not.toBe(two);
  });

  it('deallocates the statements of a connection that closed', async () => {
    const [first, second] = [await connect(), await connect()];
    await first.query({ name: 'mine', text: 'SELECT 1 AS one' });
    await second.query({ name: 'theirs', text: 'SELECT 2 AS two' });
    await first.end();
    // The next batch runs after the orphans are freed.
    expect((await second.query({ name: 'theirs', text: 'SELECT 2 AS two' })).rows).toEqual([
      { two: 2 },
    ]);
    expect(await preparedNames()).toEqual([expect.stringMatching(/^c\d+_theirs$/)]);
  });

  it('rolls back a client that vanished mid-transaction and serves the others', async () => {
    const [quitter, other] = [await connect(), await connect()];
    quitter.on('error', () => undefined);
    await quitter.query('BEGIN');
    await quitter.query("UPDATE notes SET body = 'changed' WHERE id = 1");
    const waiting = other.query('SELECT body FROM notes WHERE id = 1');
    // Gone without a Terminate: the socket just closes.
    (
      quitter as unknown as { connection: { stream: { destroy(): void } } }
    ).connection.stream.destroy();
    expect((await waiting).rows).toEqual([{ body: 'a' }]);
  });
});
