// FR-CFO-006: `chimera agent freeze` stops an agent's new tasks and spending at once, and
// `unfreeze` lets its work go on, on PGlite and PostgreSQL. Queued tasks are held back to
// pending when claimed; the Planner queues nothing for a frozen agent; the CFO rejects it.

import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Cfo } from '../src/commerce/cfo.js';
import { setAgentFrozen } from '../src/swarm/agent-freeze.js';
import { addAgent, campaignOf, THREE_STEP_CHAIN, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

describe.each(ADAPTERS)('freezing an agent on %s', (kind) => {
  const suite = useTestApp(kind);

  /** Statuses in step order: outline, compose, announce. */
  const statuses = async (campaignId: string) => {
    const tasks = await suite.app.store.tasks.listByCampaign(campaignId);
    return ['outline', 'compose', 'announce'].map(
      (step) => tasks.find((task) => task.step_key === step)?.status,
    );
  };

  it('holds tasks queued before the freeze, runs nothing, then finishes after unfreeze', async () => {
    const campaign = await suite.app.planner.launch(campaignOf(THREE_STEP_CHAIN));
    expect(await statuses(campaign.id)).toEqual(['queued', 'pending', 'pending']);
    expect(await setAgentFrozen(suite.app.store, 'ava', true, 'test')).toBe(true);
    expect(await setAgentFrozen(suite.app.store, 'ava', true, 'test')).toBe(false);

    // Quiescent: nothing can happen until a person unfreezes the agent.
    await suite.app.runtime.runUntilQuiescent();
    expect(await statuses(campaign.id)).toEqual(['pending', 'pending', 'pending']);
    const first = (await suite.app.store.tasks.listByCampaign(campaign.id)).find(
      (task) => task.step_key === 'outline',
    );
    const trace = await suite.app.store.traces.listByTask(first!.id);
    expect(trace.map((event) => [event.kind, event.outcome])).toContainEqual([
      'task-hold',
      'agent-frozen',
    ]);
    expect(trace.some((event) => event.kind === 'task-start')).toBe(false);

    expect(await setAgentFrozen(suite.app.store, 'ava', false, 'test')).toBe(true);
    await suite.app.runtime.runUntilQuiescent();
    expect(await statuses(campaign.id)).toEqual(['done', 'done', 'done']);
  });

  it('queues nothing for a campaign launched while frozen, and its other agents go on', async () => {
    await addAgent(suite.app, 'milo');
    await setAgentFrozen(suite.app.store, 'ava', true, 'test');
    const campaign = await suite.app.planner.launch(campaignOf(THREE_STEP_CHAIN, ['ava', 'milo']));
    await suite.app.runtime.runUntilQuiescent();
    const tasks = await suite.app.store.tasks.listByCampaign(campaign.id);
    expect(tasks.filter((task) => task.agent_id === 'ava').map((task) => task.status)).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    expect(tasks.filter((task) => task.agent_id === 'milo').map((task) => task.status)).toEqual([
      'done',
      'done',
      'done',
    ]);
    const cfo = new Cfo({
      store: suite.app.store,
      key: { keyId: 'k', ...generateKeyPairSync('ed25519') },
    });
    expect(
      await cfo.approve({
        request_id: `frozen-${kind}`,
        agent_id: 'ava',
        request_type: 'compute',
        amount: '1',
        currency: 'USD',
        justification: 'render',
      }),
    ).toMatchObject({ decision: 'reject', reasons: ['the agent is frozen'] });

    await setAgentFrozen(suite.app.store, 'ava', false, 'test');
    await suite.app.runtime.runUntilQuiescent();
    const after = await suite.app.store.tasks.listByCampaign(campaign.id);
    expect(after.map((task) => task.status)).toEqual(after.map(() => 'done'));
  });

  it('refuses an unknown agent', async () => {
    await expect(setAgentFrozen(suite.app.store, 'nobody', true, 'test')).rejects.toThrow(
      "no agent 'nobody'",
    );
  });
});
