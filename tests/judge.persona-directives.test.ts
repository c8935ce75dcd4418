// FR-POLICY-002: a brief that breaks one of its persona's directives is rejected with the
// directive quoted; the Planner re-plans it with that reason until its attempts run out.

import { describe, expect, it } from 'vitest';
import { addPersonas, contentLoop } from './support/content-loop.js';
import { campaignOf, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

describe.each(ADAPTERS)('the persona-directives policy on %s', (kind) => {
  const suite = useTestApp(kind);

  it("rejects a brief that uses a word its persona's directive forbids, quoting the directive", async () => {
    await addPersonas(suite.app);
    const ava = (await suite.app.store.agents.get('ava'))!;
    const directive = "Never use the word 'friends'";
    await suite.app.store.agents.upsert({
      ...ava,
      persona: { ...ava.persona, directives: [...(ava.persona.directives as string[]), directive] },
    });
    const campaign = await suite.app.planner.launch(
      campaignOf(contentLoop({ through: 'brief' }), ['ava'], 'Tease the spring capsule drop'),
    );
    await suite.app.runtime.runUntilQuiescent();
    const brief = (await suite.app.store.tasks.listByCampaign(campaign.id)).find(
      (task) => task.step_key === 'brief',
    )!;
    expect(brief.status).toBe('failed');
    expect(brief.attempt).toBe(3);
    const result = await suite.app.store.results.latest(brief.id);
    expect(result?.verdict).toBe('reject');
    expect(result?.reasons).toEqual([
      `persona-directives: breaks directive "${directive}": found "friends"`,
    ]);
  });
});
