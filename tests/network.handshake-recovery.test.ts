// Issue 13 §3, failures and crashes of a hire between two real nodes (each its own embedded
// database, over loopback HTTP): a result below quality 0.8 is refunded; a provider killed
// during execution leaves the hirer's escrow held until the restarted hirer refunds it, once; a
// hirer killed after the receipt, before or after settling its escrow, settles on restart
// without a second payment.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type RunningHttpServer, startHttpServer } from '../src/api/http-server.js';
import type { ChimeraApp } from '../src/app/chimera-app.js';
import { SETTLEMENT_REQUEST_TYPE } from '../src/commerce/cfo.js';
import { type Escrow, type HireOrder, Hirer } from '../src/network/a2a/hirer.js';
import { defineSkill } from '../src/skills/skill.js';
import { addAgent, openTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';

/** A skill that says it started, then runs until its run is aborted (the SLA's 2 s). */
function hangingSkill(started: () => void) {
  return defineSkill({
    name: 'test.hang',
    specId: 'SK-CORE-004',
    description: 'Starts, then waits until aborted.',
    inputSchema: z.object({}),
    outputSchema: z.object({ ok: z.literal(true) }),
    async run(_input, context) {
      started();
      await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
      return { output: { ok: true as const }, confidence: 1 };
    },
  });
}

describe('a hire that fails or is interrupted', () => {
  let databases: TestDatabase[];
  let hirerApp: ChimeraApp;
  let providerApp: ChimeraApp;
  let provider: RunningHttpServer;
  let onStarted: () => void = () => undefined;

  beforeAll(async () => {
    databases = await Promise.all([createTestDatabase('pglite'), createTestDatabase('pglite')]);
    [hirerApp, providerApp] = await Promise.all([
      openTestApp(databases[0] as TestDatabase),
      openTestApp(databases[1] as TestDatabase, { skills: [hangingSkill(() => onStarted())] }),
    ]);
    provider = await startHttpServer(providerApp, { host: '127.0.0.1', port: 0 });
    await addAgent(hirerApp, 'ava');
  }, 120_000);
  afterAll(async () => {
    await provider?.close();
    await hirerApp?.close();
    await providerApp?.close();
    for (const database of databases ?? []) await database.dispose();
  });

  const order = (skill: string, input: Record<string, unknown> = {}): HireOrder => ({
    tenantId: 'default',
    agentId: 'ava',
    providerUrl: provider.url,
    skill,
    input,
  });

  /** The hirer's CFO spend request holding a hire's escrow. */
  async function escrowOf(taskId: string) {
    const record = await hirerApp.store.handshakes.get('hirer', taskId);
    return hirerApp.store.cfo.getRequest(record?.escrow_request_id ?? '');
  }

  async function settlementsIn(app: ChimeraApp) {
    return (await app.store.cfo.listLedger()).filter(
      (entry) => entry.request_type === SETTLEMENT_REQUEST_TYPE,
    );
  }

  /** A hirer as a restarted process builds it, on the same database, with `now` as its clock. */
  const restartedHirer = async (escrow?: Escrow, now?: () => Date) =>
    new Hirer({
      store: hirerApp.store,
      identity: () => hirerApp.nodeIdentity(),
      escrow: escrow ?? (await hirerApp.cfo()),
      ...(now && { now }),
    });

  it('refunds the escrow when the result scores below quality 0.8', async () => {
    const outcome = await (await hirerApp.market.hirer()).hire(
      order('core.noop', { confidence: 0.75 }),
    );

    expect(outcome).toMatchObject({ status: 'refunded' });
    expect(await escrowOf(outcome.taskId)).toMatchObject({ status: 'released' });
    expect(await providerApp.store.handshakes.get('provider', outcome.taskId)).toMatchObject({
      phase: 'refunded',
      failure: 'quality 0.75 is below 0.8',
    });
    expect(await settlementsIn(hirerApp)).toEqual([]);
  });

  it('refunds, once, a hire whose provider was killed during execution', async () => {
    const executing = new Promise<void>((resolve) => {
      onStarted = resolve;
    });
    const hire = (await hirerApp.market.hirer()).hire(order('test.hang'));
    await executing;
    // The provider's HTTP server dies with the hirer's request in flight.
    await provider.close();
    await expect(hire).rejects.toThrow();
    const [open] = await hirerApp.store.handshakes.listOpen('hirer', 10);
    expect(open).toMatchObject({ phase: 'execution', skill: 'test.hang' });
    const taskId = open?.task_id as string;
    expect(await escrowOf(taskId)).toMatchObject({ status: 'reserved' });

    // Restarted, past the quote's SLA, the hirer cannot reach the provider and refunds.
    const later = () => new Date(Date.now() + 10_000);
    const restarted = await restartedHirer(undefined, later);
    expect(await restarted.resume()).toEqual([
      { status: 'refunded', taskId, reason: 'the provider gave no result within its SLA' },
    ]);
    expect(await escrowOf(taskId)).toMatchObject({ status: 'released' });
    // Once: nothing is left to resume, and releasing again holds nothing.
    expect(await restarted.resume()).toEqual([]);
    expect(await (await hirerApp.cfo()).release(`${(await escrowOf(taskId))?.request_id}`)).toBe(
      false,
    );
    expect(await settlementsIn(hirerApp)).toEqual([]);
    // The provider's run, cut off by its 2 s SLA, failed on its side too: nothing to be paid for.
    await expect
      .poll(async () => (await providerApp.store.handshakes.get('provider', taskId))?.phase, {
        timeout: 10_000,
      })
      .toBe('refunded');
    provider = await startHttpServer(providerApp, { host: '127.0.0.1', port: 0 });
  });

  it.each([
    ['after the receipt, before settling its escrow', false],
    ['after settling its escrow, before closing its record', true],
  ])('pays once when the hirer is killed %s', async (_when, settledFirst) => {
    const cfo = await hirerApp.cfo();
    const killed = new Error('the hirer process was killed');
    const dying: Escrow = {
      approve: (request) => cfo.approve(request),
      release: (requestId) => cfo.release(requestId),
      settleByReceipt: async (requestId, settlement) => {
        if (settledFirst) await cfo.settleByReceipt(requestId, settlement);
        throw killed;
      },
    };
    const before = (await settlementsIn(hirerApp)).length;
    await expect(
      (await restartedHirer(dying)).hire(
        order('scout.analyze', {
          niche: 'sustainable streetwear',
          goal: 'Tease the spring capsule drop',
        }),
      ),
    ).rejects.toBe(killed);
    const [open] = await hirerApp.store.handshakes.listOpen('hirer', 10);
    expect(open).toMatchObject({ phase: 'settlement' });
    const taskId = open?.task_id as string;

    const restarted = await restartedHirer();
    const [outcome] = await restarted.resume();
    expect(outcome).toMatchObject({ status: 'settled', taskId });
    expect(await restarted.resume()).toEqual([]);
    expect(await escrowOf(taskId)).toMatchObject({ status: 'settled' });
    const settlements = await settlementsIn(hirerApp);
    expect(settlements).toHaveLength(before + 1);
    const receipt = (await hirerApp.store.handshakes.get('hirer', taskId))?.receipt?.receipt;
    expect(settlements.at(-1)).toMatchObject({ tx_id: receipt?.transaction, amount: '25' });
    // The provider recorded the same settlement once.
    const providerSide = (await settlementsIn(providerApp)).filter(
      (entry) => entry.tx_id === receipt?.transaction,
    );
    expect(providerSide).toHaveLength(1);
  });
});
