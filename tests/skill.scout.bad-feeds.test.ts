// SK-SCOUT-003, FR-MCP-001: a configured feed that is not XML (or is broken XML) is left out with
// a clear reason that reaches the Scout's report, while the other feeds still produce trends and
// the agent keeps working; a missing feed manifest stops start-up naming the file.

import { mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrendReport } from '../src/skills/content/trend-report.js';
import { runChimera } from './support/run-chimera.js';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const SHIPPED = fileURLToPath(new URL('../examples/feeds/', import.meta.url));
const directory = mkdtempSync(path.join(tmpdir(), 'chimera-feeds-'));
const manifest = path.join(directory, 'feeds.json');

beforeAll(async () => {
  await writeFile(path.join(directory, 'outage.rss.xml'), 'Service temporarily unavailable\n');
  await writeFile(path.join(directory, 'cut.rss.xml'), '<rss><channel><item><title>Half');
  await writeFile(
    manifest,
    JSON.stringify({
      snapshot_at: '2026-11-20T12:00:00Z',
      feeds: [
        {
          file: path.join(SHIPPED, 'travel-food.atom.xml'),
          source: 'wanderplate',
          platform: 'youtube',
          topics: ['travel'],
        },
        { file: 'outage.rss.xml', source: 'outage-news', platform: 'news' },
        { file: 'cut.rss.xml', source: 'cut-news', platform: 'news' },
      ],
    }),
  );
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe.each(ADAPTERS)('the Scout over broken feeds on %s', (kind) => {
  const suite = useTestApp(kind, { config: { feeds: manifest } });

  async function scout() {
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
    return task!;
  }

  it('reports trends from the good feed and names each broken one with its reason', async () => {
    const task = await scout();
    expect(task.status).toBe('done');
    const report = TrendReport.parse(task.output);
    expect(report.trends.length).toBeGreaterThan(0);
    expect(report.trends.flatMap((trend) => trend.sources)).not.toContain('outage-news');
    expect(report.source_problems).toHaveLength(2);
    expect(report.source_problems[0]).toMatch(
      /^trends: feed 'outage-news' left out: .*outage\.rss\.xml is not a feed: expected XML \(RSS or Atom\) or JSON Feed/,
    );
    expect(report.source_problems[1]).toMatch(/^trends: feed 'cut-news' left out: .*cut\.rss\.xml/);
  });

  it('keeps the agent working: the next scout task is done as well', async () => {
    expect((await scout()).status).toBe('done');
  });
});

describe('a missing feed manifest', () => {
  it('stops the trends server with the file named', async () => {
    const result = await runChimera(['mcp', 'serve', 'trends'], {
      CHIMERA_FEEDS: path.join(directory, 'nope.json'),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot read the feed manifest .*nope\.json/);
  });
});
