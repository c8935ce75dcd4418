// SK-SCOUT-003, FR-MCP-001: scout.analyze runs in the governed loop on both adapters, perceives
// through the trends MCP server, and reports relevant trends; an unrelated niche fails for good.

import { describe, expect, it } from 'vitest';
import { TrendReport } from '../src/skills/content/trend-report.js';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

describe.each(ADAPTERS)('scout.analyze on %s', (kind) => {
  const suite = useTestApp(kind);

  it('reports trends relevant to the niche, deduplicated, through the trends server', async () => {
    const campaign = await suite.app.planner.launch(
      campaignOf(
        singleStep('scout.analyze', {
          niche: 'budget travel and street food',
          goal: 'Share cheap eats for winter trips',
        }),
      ),
    );
    await suite.app.runtime.runUntilQuiescent();
    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    expect(task?.status).toBe('done');
    const report = TrendReport.parse(task?.output);
    expect(report.duplicates_removed).toBe(1);
    expect(report.trends.every((trend) => trend.relevance >= 0.75)).toBe(true);
    expect(report.trends.map((trend) => trend.headline)).toContain(
      'Night market dumplings under two dollars top budget travel lists',
    );
    const trace = await suite.app.store.traces.listByTask(task!.id);
    expect(
      trace.filter((event) => event.kind === 'tool-call').map((event) => event.outcome),
    ).toEqual(['ok']);
  });

  it('fails for good when nothing is relevant to the niche', async () => {
    const campaign = await suite.app.planner.launch(
      campaignOf(
        singleStep('scout.analyze', { niche: 'deep sea fishing', goal: 'Sell fishing rods' }),
      ),
    );
    await suite.app.runtime.runUntilQuiescent();
    const [task] = await suite.app.store.tasks.listByCampaign(campaign.id);
    expect(task?.status).toBe('failed');
    expect(task?.attempt).toBe(1);
    expect(task?.feedback[0]).toMatch(
      /no trend of the last four hours reaches relevance 0\.75 for niche 'deep sea fishing'/,
    );
  });
});
