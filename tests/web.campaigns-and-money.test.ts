// FR-WEB-003: the campaign, money and trace pages of the dashboard in Debian's Chromium, against
// the real HTTP server on PGlite with the examples seeded: the campaigns list with progress; a
// campaign's task DAG with each task's state, following task events live; a task's trace opened
// from its box; a campaign created from the form, whose refused fields show the API's message
// beside them; pause, resume and cancel; budgets, the ledger and its verification; a viewer with
// no controls; both widths screenshotted into test-artifacts/ and no serious or critical axe
// violation on any of these pages.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpServer } from '../src/api/http-server.js';
import { seedExamples } from '../src/app/example-seed.js';
import type { Role } from '../src/domain/actor.js';
import { localOperator } from './support/api-fixture.js';
import { launchBrowser } from './support/browser.js';
import { useTestApp } from './support/test-app.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ARTIFACTS = join(ROOT, 'test-artifacts');
const AXE_SCRIPT = join(ROOT, 'node_modules/axe-core/axe.min.js');
const SIDEWAYS_FREE = 'document.documentElement.scrollWidth <= window.innerWidth';
const NARROW = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 900 };

// Waits are conditions re-read every 50 ms (vitest's expect.poll), never fixed pauses. Page
// callbacks are written without DOM types: the tests compile without the DOM library.
const eventually = <T>(read: () => Promise<T>, timeout = 15_000) =>
  expect.poll(read, { timeout, interval: 50 });
const textOf = async (locator: Locator) => (await locator.allTextContents()).join(' ').trim();
const shown = (locator: Locator, state: 'visible' | 'hidden' | 'detached' = 'visible') =>
  locator.waitFor({ state, timeout: 30_000 });
const live = (page: Page) => shown(page.locator('.live-live'));
const heading = (page: Page, name: string) =>
  shown(page.getByRole('heading', { level: 1, name, exact: true }));
/** The header's link to a page. */
const navLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name });
const focused = (locator: Locator) =>
  locator.evaluate((element) => element === element.ownerDocument.activeElement);
const snap = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
const orientation = (page: Page) =>
  page.locator('svg[data-orientation]').getAttribute('data-orientation');
/** The `data-status` of every box of the task graph, by task id. */
const boxStates = (page: Page) =>
  page
    .locator('.dag-node')
    .evaluateAll((boxes) =>
      Object.fromEntries(
        boxes.map((box) => [box.getAttribute('data-task-id'), box.getAttribute('data-status')]),
      ),
    );

describe('campaigns, money and traces in Chromium', () => {
  const suite = useTestApp('pglite');
  const local = localOperator('default');
  let http: FastifyInstance;
  let base: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  async function signIn(into: BrowserContext, role: Role): Promise<Page> {
    const { token } = await suite.app.operator.tokens.create(local, { role, name: `web ${role}` });
    const link = await suite.app.operator.tokens.createLoginLink(local, token.id);
    const opened = await into.newPage();
    opened.on('pageerror', (error) => pageErrors.push(String(error)));
    opened.on('console', (message) => {
      // A refused submission is the form test's point; the browser logs its 422 as an error.
      if (message.type() === 'error' && !/status of 422/.test(message.text())) {
        pageErrors.push(message.text());
      }
    });
    await opened.goto(`${base}/login?token=${link.secret}`);
    await heading(opened, 'Review inbox');
    await live(opened);
    return opened;
  }

  const campaignNamed = async (name: string) => {
    const found = (await suite.app.operator.campaigns.list(local)).find(
      (summary) => summary.campaign.name === name,
    );
    if (!found) throw new Error(`no campaign named ${name}`);
    return suite.app.operator.campaigns.show(local, found.campaign.id);
  };

  /** Expects every box of the open graph to show its task's state, as the API has it. */
  async function expectBoxesOf(name: string): Promise<void> {
    const { dag } = await campaignNamed(name);
    await eventually(() => boxStates(page)).toEqual(
      Object.fromEntries(dag.map((node) => [node.id, node.status])),
    );
    for (const node of dag) {
      const box = page.locator(`.dag-node[data-task-id="${node.id}"]`);
      const words = `${node.step_key} ${node.status.replaceAll('_', ' ')}`;
      expect(await textOf(box)).toBe(words);
      expect(await box.getAttribute('aria-label')).toContain(`${words} (${node.agent_id}'s task`);
    }
  }

  beforeAll(async () => {
    // The examples: Spring drop teaser completes; in Daily trend post, Noor's brief waits for a
    // person and her three later steps wait on it. The workers stay stopped until a test runs them.
    await seedExamples(suite.app);
    await suite.app.runtime.runUntilQuiescent();
    http = await buildHttpServer(suite.app);
    await http.listen({ host: '127.0.0.1', port: 0 });
    const address = http.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchBrowser();
    page = await signIn(await browser.newContext({ viewport: WIDE }), 'operator');
  });

  afterAll(async () => {
    await browser?.close();
    await http?.close();
  });

  it('lists the campaigns with their state and progress in words and as a bar', async () => {
    await navLink(page, 'Campaigns').click();
    await heading(page, 'Campaigns');
    const cards = page.getByRole('list', { name: 'Campaigns' }).getByRole('article');
    await eventually(() => cards.count()).toBe(2);
    for (const { campaign, tasks, progress } of await suite.app.operator.campaigns.list(local)) {
      const card = page.getByRole('article', { name: campaign.name });
      const total = Object.values(tasks).reduce((sum, n) => sum + (n ?? 0), 0);
      expect(await textOf(card.locator('.chip'))).toBe(campaign.status);
      expect(await textOf(card.locator('.progress-text'))).toBe(
        `${tasks.done} of ${total} tasks done, ${Math.round(progress * 100)}%`,
      );
      expect(Number(await card.locator('progress').getAttribute('value'))).toBeCloseTo(progress);
    }
    const daily = page.getByRole('article', { name: 'Daily trend post' });
    expect(
      await daily
        .getByRole('list', { name: 'Tasks by state' })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual(['pending 3', 'awaiting review 1', 'done 11']);
    // It runs every day: the card says so, and when the next run is due.
    expect(await textOf(daily.locator('.card-meta'))).toMatch(/· every 1d · next run in /);
  });

  it("draws a campaign's DAG with each task's state and follows task events without a reload", async () => {
    await page.getByRole('link', { name: 'Daily trend post' }).click();
    await heading(page, 'Daily trend post');
    await expectBoxesOf('Daily trend post');
    expect(await page.locator('.dag-node').count()).toBe(15);
    expect(await page.locator('.dag-edge').count()).toBe(12); // four links in each agent's chain
    expect(await orientation(page)).toBe('horizontal');
    expect(
      await page.locator('.dag-node[data-status="awaiting_review"]').getAttribute('aria-label'),
    ).toBe("brief awaiting review (noor's task, after scout); open its trace");
    // The DAG with all its states, at both widths: top to bottom and without sideways scrolling at 390.
    for (const [size, drawn] of [
      [NARROW, 'vertical'],
      [WIDE, 'horizontal'],
    ] as const) {
      await page.setViewportSize(size);
      await eventually(() => orientation(page)).toBe(drawn);
      expect(await page.evaluate<boolean>(SIDEWAYS_FREE)).toBe(true);
      await snap(page, `campaign-dag-${size.width}`);
    }

    // Noor's brief approved, her asset, post and replies run: the boxes follow, the page stays.
    await page.evaluate('window.stayed = true');
    const [review] = await suite.app.operator.reviews.list(local, { status: 'pending', limit: 10 });
    await suite.app.operator.reviews.approve(local, review!.review.id);
    await suite.app.runtime.runUntilQuiescent();
    await eventually(() => textOf(page.locator('.progress-text'))).toBe(
      '15 of 15 tasks done, 100%',
    );
    await expectBoxesOf('Daily trend post');
    expect(new Set(Object.values(await boxStates(page)))).toEqual(new Set(['done']));
    expect(await page.evaluate<boolean>('window.stayed === true')).toBe(true);
  });

  it("opens a task's trace from its box by keyboard: spec, result, verdict and timed tool calls", async () => {
    const { dag } = await campaignNamed('Daily trend post');
    const scout = dag.find((node) => node.agent_id === 'noor' && node.step_key === 'scout')!;
    // Tab from the graph's region to Noor's scout: each box is in the tab order with a focus ring.
    const box = page.locator(`.dag-node[data-task-id="${scout.id}"]`);
    await page.getByRole('region', { name: 'Task graph of Daily trend post' }).focus();
    for (let presses = 0; presses < 16 && !(await focused(box)); presses++) {
      await page.keyboard.press('Tab');
    }
    expect(await focused(box)).toBe(true);
    expect(
      await box
        .locator('.dag-focus')
        .evaluate((ring) => ring.ownerDocument.defaultView?.getComputedStyle(ring).stroke),
    ).toBe('rgb(29, 78, 216)');
    await page.keyboard.press('Enter');
    await heading(page, 'noor · scout');
    expect(new URL(page.url()).pathname).toBe(`/tasks/${scout.id}`);
    const { task, result, trace } = await suite.app.operator.tasks.show(local, scout.id);
    const facts = await textOf(page.locator('.task-facts'));
    expect(facts).toContain(task.spec_id);
    expect(facts).toContain(`${task.attempt} of ${task.max_attempts}`);
    expect(await textOf(page.locator('.task-result .verdict'))).toBe(result!.verdict);
    expect(await textOf(page.locator('.task-result .reason-list'))).toContain(result!.reasons[0]);

    const events = page.getByRole('list', { name: 'Trace events' }).getByRole('listitem');
    expect(await events.count()).toBe(trace.length);
    const call = page.locator('.trace-event[data-kind="tool-call"]');
    expect(await call.count()).toBe(1);
    expect(await textOf(call.locator('.trace-what'))).toContain('trends.fetch_trends');
    expect(await textOf(call.locator('.trace-duration'))).toMatch(/^took \d+(\.\d+)? (ms|s)$/);
    expect(await textOf(page.locator('.trace-summary'))).toMatch(/1 tool call taking \d/);
    expect(
      await textOf(page.locator('.trace-event[data-kind="skill-run"] .trace-duration')),
    ).toMatch(/^took /);

    await page.getByRole('link', { name: "The campaign's tasks" }).click();
    await heading(page, 'Daily trend post');
  });

  it('creates a campaign from the form, showing each refused field with the API message beside it', async () => {
    await navLink(page, 'Campaigns').click();
    await page.getByRole('link', { name: 'New campaign' }).click();
    await heading(page, 'New campaign');
    const before = (await suite.app.operator.campaigns.list(local)).length;
    const field = (label: string) => page.getByLabel(label, { exact: true });
    const problemOf = (name: string) => page.locator(`.field[data-field="${name}"] .field-error`);

    // Start from the steps of a campaign we have; then a goal too short for the API's schema.
    await page
      .getByLabel('Start from')
      .selectOption({ label: 'The steps of “Spring drop teaser”' });
    await eventually(() => field('Name').inputValue()).toBe('Spring drop teaser');
    expect(JSON.parse(await field('Steps (JSON)').inputValue())).toHaveLength(3);
    await field('Name').fill('Launch week teaser');
    await field('Goal').fill('ab');
    await field('Agents').fill('ava');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await shown(problemOf('goal'));
    expect(await textOf(problemOf('goal'))).toBe('describe the goal in a few words');
    expect(await field('Goal').getAttribute('aria-invalid')).toBe('true');
    expect(await field('Goal').getAttribute('aria-describedby')).toContain('campaign-goal-error');
    await eventually(() => focused(field('Goal'))).toBe(true);
    expect(await textOf(page.getByRole('alert'))).toContain('1 problem, shown next to its field');
    expect(await problemOf('name').count()).toBe(0);

    // An agent the tenant does not have: the services' refusal names agent_ids.
    await field('Goal').fill('Count down to launch week');
    await field('Agents').fill('ava, zed');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await eventually(() => textOf(problemOf('agents'))).toBe(
      "unknown agent 'zed'; create it first (known: ava, milo, noor)",
    );
    expect(await problemOf('goal').count()).toBe(0);
    expect((await suite.app.operator.campaigns.list(local)).length).toBe(before);

    await field('Agents').fill('ava');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await heading(page, 'Launch week teaser');
    await eventually(() => textOf(page.locator('.announcer'))).toBe(
      'Created Launch week teaser with 3 tasks.',
    );
    await expectBoxesOf('Launch week teaser');
    expect(await page.locator('.dag-node').count()).toBe(3);
  });

  it('pauses, resumes and cancels the campaign from its page, cancelling only after a confirmation', async () => {
    const id = (await campaignNamed('Launch week teaser')).campaign.id;
    const chip = page.locator('.page-heading .chip');
    const status = async () => (await suite.app.operator.campaigns.show(local, id)).campaign.status;
    await page.getByRole('button', { name: 'Pause campaign' }).click();
    await eventually(() => textOf(chip)).toBe('Campaign is paused');
    expect(await status()).toBe('paused');
    await page.getByRole('button', { name: 'Resume campaign' }).click();
    await eventually(() => textOf(chip)).toBe('Campaign is active');
    expect(await status()).toBe('active');

    await page.getByRole('button', { name: 'Cancel campaign…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel Launch week teaser?' });
    await shown(confirm);
    await eventually(() => focused(confirm.getByRole('button', { name: 'Keep it' }))).toBe(true);
    await confirm.getByRole('button', { name: 'Cancel the campaign' }).click();
    await eventually(() => textOf(chip)).toBe('Campaign is cancelled');
    expect(await status()).toBe('cancelled');
    await expectBoxesOf('Launch week teaser');
    expect(new Set(Object.values(await boxStates(page)))).toEqual(new Set(['cancelled']));
    expect(await page.getByRole('button', { name: /campaign/ }).count()).toBe(0);
  });

  it('shows budgets per agent and period, the ledger, and a verification that finds it intact', async () => {
    // A fresh load: the announcer still says the campaign was cancelled, over the screenshots.
    await page.goto(`${base}/money`);
    await heading(page, 'Money');
    const budgets = await suite.app.operator.money.budgets(local);
    const cards = page.getByRole('list', { name: 'Budgets by agent' }).getByRole('article');
    await eventually(() => cards.count()).toBe(new Set(budgets.map((line) => line.agent_id)).size);
    const ava = budgets.find((line) => line.agent_id === 'ava' && line.period === 'daily')!;
    const avaDaily = page.getByRole('region', { name: 'ava: Daily, all spending' });
    expect(await textOf(avaDaily.locator('.budget-figures'))).toMatch(
      new RegExp(
        `Spent\\$[\\d.]+\\s*Reserved\\$0\\.00\\s*Remaining\\$[\\d.]+\\s*Limit\\$${Number(ava.limit).toFixed(2)}`,
      ),
    );
    expect(Number(await avaDaily.locator('meter').getAttribute('max'))).toBe(Number(ava.limit));

    const entries = await suite.app.operator.money.ledger(local);
    expect(entries.length).toBeGreaterThan(0);
    const rows = page.getByRole('table').locator('tbody tr');
    await eventually(() => rows.count()).toBe(entries.length);
    expect(await textOf(rows.first().getByRole('rowheader'))).toBe(`#${entries.at(-1)!.seq}`);

    await page.getByRole('button', { name: 'Verify the ledger' }).click();
    const intact = page.locator('[data-result="intact"]');
    await shown(intact);
    const check = await suite.app.operator.money.verifyLedger(local);
    expect(await textOf(intact)).toBe(
      `Intact. The hash chain of ${check.entries} entries holds and every signature checks (key ${check.key_id}).`,
    );
    for (const size of [WIDE, NARROW]) {
      await page.setViewportSize(size);
      expect(await page.evaluate<boolean>(SIDEWAYS_FREE)).toBe(true);
      await snap(page, `ledger-${size.width}`);
    }
    await page.setViewportSize(WIDE);
  });

  it('gives a viewer the pages without create, pause, resume or cancel, but lets it verify', async () => {
    const context = await browser.newContext({ viewport: NARROW });
    try {
      const viewer = await signIn(context, 'viewer');
      await navLink(viewer, 'Campaigns').click();
      await shown(viewer.getByRole('article', { name: 'Launch week teaser' }));
      expect(await viewer.getByRole('link', { name: 'New campaign' }).count()).toBe(0);
      await viewer.getByRole('link', { name: 'Daily trend post' }).click();
      await heading(viewer, 'Daily trend post');
      await shown(viewer.locator('.dag-node').first());
      expect(await viewer.locator('main').getByRole('button').count()).toBe(0);
      expect(await viewer.getByRole('link', { name: 'Use as a template' }).count()).toBe(0);
      await viewer.goto(`${base}/campaigns/new`);
      await shown(viewer.getByText('Only an operator can create a campaign'));
      expect(await viewer.locator('form').count()).toBe(0);
      await navLink(viewer, 'Money').click();
      await viewer.getByRole('button', { name: 'Verify the ledger' }).click();
      await shown(viewer.locator('[data-result="intact"]'));
    } finally {
      await context.close();
    }
  });

  it('fits 1280 and 390 px with no serious or critical axe violations on any new page', async () => {
    // axe goes in as a script tag, which the dashboard's CSP refuses: this context bypasses it.
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const audit = await signIn(context, 'operator');
      const { campaign, dag } = await campaignNamed('Daily trend post');
      // A task with a tool call in its trace: Noor's scout.
      const scout = dag.find((node) => node.agent_id === 'noor' && node.step_key === 'scout')!;
      const scan = async (what: string) => {
        expect(await audit.evaluate<boolean>(SIDEWAYS_FREE), `${what} scrolls sideways`).toBe(true);
        if (!(await audit.evaluate<boolean>("'axe' in window"))) {
          await audit.addScriptTag({ path: AXE_SCRIPT });
        }
        const violations = await audit.evaluate<
          Array<{ id: string; impact: string; help: string; nodes: Array<{ html: string }> }>
        >(
          "axe.run(document, { resultTypes: ['violations'] }).then((results) => results.violations)",
        );
        const grave = violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map(
            (violation) =>
              `${what}: ${violation.id} (${violation.impact}): ${violation.help}: ${violation.nodes[0]?.html}`,
          );
        expect(grave).toEqual([]);
      };
      for (const size of [WIDE, NARROW]) {
        await audit.setViewportSize(size);
        // The DAG and the ledger were shot above; the others here.
        for (const [path, title, ready, shot] of [
          ['/campaigns', 'Campaigns', 'article.campaign-card', 'campaigns'],
          [`/campaigns/${campaign.id}`, 'Daily trend post', '.dag-node', null],
          [`/tasks/${scout.id}`, 'noor · scout', '.trace-event', 'task-trace'],
          ['/money', 'Money', '.ledger-table tbody tr', null],
          ['/campaigns/new', 'New campaign', 'form', null],
        ] as const) {
          await audit.goto(`${base}${path}`);
          await heading(audit, title);
          await shown(audit.locator(ready).first());
          await live(audit);
          await scan(`${path} at ${size.width} px`);
          if (shot) await snap(audit, `${shot}-${size.width}`);
        }
        // The form with its refused fields, and the ledger's check.
        await audit.getByLabel('Goal', { exact: true }).fill('ab');
        await audit.getByRole('button', { name: 'Create campaign' }).click();
        await shown(audit.locator('.field-error').first());
        await scan(`refused form at ${size.width} px`);
        await snap(audit, `campaign-form-${size.width}`);
        await audit.goto(`${base}/money`);
        await audit.getByRole('button', { name: 'Verify the ledger' }).click();
        await shown(audit.locator('[data-result="intact"]'));
        await scan(`verified ledger at ${size.width} px`);
      }
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
