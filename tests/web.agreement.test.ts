// FR-WEB-003: the Judge–human agreement page in Debian's Chromium, on PGlite. Noor's health brief
// (escalated by sensitive-topics at 0.93) is approved and a 0.75 result rejected; the page shows
// 2 decided, 1 approved, by band and by policy; a decision made meanwhile updates it live. Both
// widths are screenshotted into test-artifacts/, with no sideways scrolling and no serious or
// critical axe violation.

import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedExamples } from '../src/app/example-seed.js';
import { localOperator } from './support/api-fixture.js';
import { campaignOf, useTestApp } from './support/test-app.js';
import {
  ARTIFACTS,
  type Dashboard,
  eventually,
  expectNoGraveAxeViolations,
  SIDEWAYS_FREE,
  shown,
  startDashboard,
  textOf,
} from './support/web-page.js';

describe('the agreement page in Chromium', () => {
  const suite = useTestApp('pglite');
  const local = localOperator('default');
  let dashboard: Dashboard;
  let context: BrowserContext;
  let page: Page;

  /** The cells of the row headed `label` in the table captioned `caption`. */
  const row = (caption: string, label: string) =>
    textOf(
      page
        .locator('table', { has: page.locator('caption', { hasText: caption }) })
        .locator('tr', { has: page.getByRole('rowheader', { name: label, exact: true }) }),
    );

  beforeAll(async () => {
    const { app } = suite;
    await seedExamples(app);
    await app.operator.campaigns.create(
      local,
      campaignOf(
        [0.75, 0.85].map((confidence, index) => ({
          key: `check${index}`,
          skill: 'core.noop',
          input: { confidence },
          max_attempts: 1,
        })),
        ['milo'],
      ),
    );
    await app.runtime.runUntilQuiescent();
    const pending = await app.operator.reviews.list(local, { status: 'pending', limit: 100 });
    const at = (confidence: number) =>
      pending.find((item) => item.result?.confidence === confidence)!.review.id;
    await app.operator.reviews.approve(local, at(0.93));
    await app.operator.reviews.reject(local, at(0.75), 'off topic');
    dashboard = await startDashboard(app, local);
    // bypassCSP: axe is injected as an inline script, which the dashboard's CSP refuses.
    context = await dashboard.browser.newContext({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
    });
    page = await dashboard.signIn(context, (await dashboard.loginLink('viewer')).url);
    await page.getByRole('link', { name: 'Agreement' }).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Judge–human agreement' }));
  });
  afterAll(async () => {
    await dashboard?.close();
  });

  it('shows how often people approved, by band and by policy', async () => {
    await eventually(() => textOf(page.locator('.agreement-overall'))).toBe(
      '2 decided, 1 approved (50 %).',
    );
    expect(await row('confidence', '≥ 0.90')).toMatch(/≥ 0.90\s*1\s*1\s*100 %/);
    expect(await row('confidence', '0.75–0.80')).toMatch(/0.75–0.80\s*1\s*0\s*0 %/);
    expect(await row('confidence', '0.85–0.90')).toMatch(/0.85–0.90\s*0\s*0\s*–/);
    expect(await row('policy', 'sensitive-topics')).toMatch(/sensitive-topics\s*1\s*1\s*100 %/);
    expect(await row('policy', 'judge')).toMatch(/judge\s*1\s*0\s*0 %/);
  });

  it('updates live when a review is decided elsewhere', async () => {
    const [waiting] = await suite.app.operator.reviews.list(local, { status: 'pending', limit: 5 });
    await suite.app.operator.reviews.approve(local, waiting!.review.id);
    await eventually(() => textOf(page.locator('.agreement-overall'))).toBe(
      '3 decided, 2 approved (67 %).',
    );
    expect(await row('confidence', '0.85–0.90')).toMatch(/0.85–0.90\s*1\s*1\s*100 %/);
  });

  it('fits both widths and passes axe', async () => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate<boolean>(SIDEWAYS_FREE)).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, `agreement-${width}.png`), fullPage: true });
      await expectNoGraveAxeViolations(page, `agreement at ${width} px`);
    }
    expect(dashboard.pageErrors).toEqual([]);
  });
});
