// FR-POLICY-002: a brief that breaks one of its persona's directives is rejected with the
// directive quoted; the Planner re-plans it with that reason, and the writer, told the word the
// directive forbids, leaves it out of the next draft, which is approved.

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
    const judged = (await suite.app.store.traces.listByTask(brief.id)).filter(
      (event) => event.kind === 'task-judge',
    );
    expect(judged[0]).toMatchObject({
      outcome: 'reject',
      attempt: 1,
      detail: { reasons: [`persona-directives: breaks directive "${directive}": found "friends"`] },
    });
    expect(brief.status).toBe('done');
    expect(brief.attempt).toBe(2);
    expect(brief.feedback).toEqual([
      `persona-directives: breaks directive "${directive}": found "friends"`,
    ]);
    expect(JSON.stringify(brief.output).toLowerCase()).not.toContain('friends');
  });
});
