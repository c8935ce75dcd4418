// The browser tests' shared helpers: the dashboard served by the real HTTP server on a test app,
// login links that sign a Chromium page in, and page assertions that wait on conditions (never a
// fixed pause). playwright-core has no test-runner assertions: these poll with vitest's
// expect.poll. Page callbacks are written without DOM types, as the tests compile without the DOM
// library.

import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildHttpServer } from '../../src/api/http-server.js';
import type { ChimeraApp } from '../../src/app/chimera-app.js';
import type { Actor, Role } from '../../src/domain/actor.js';
import { launchBrowser } from './browser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where screenshots go (gitignored). */
export const ARTIFACTS = join(ROOT, 'test-artifacts');
const AXE_SCRIPT = join(ROOT, 'node_modules/axe-core/axe.min.js');
const WEB_ASSETS = join(ROOT, 'web/dist/assets');

/** Asserts, once `read` satisfies it, within `timeout` ms (re-read every 50 ms). */
export const eventually = <T>(read: () => Promise<T>, timeout = 15_000) =>
  expect.poll(read, { timeout, interval: 50 });

/** The text of everything `locator` matches, now (no waiting), joined. */
export const textOf = async (locator: Locator) =>
  (await locator.allTextContents()).join(' ').trim();

/** An attribute of `locator`'s first match, now; null when none. */
export const attributeOf = async (locator: Locator, name: string) =>
  (
    await locator.evaluateAll(
      (elements, attribute) => elements.map((element) => element.getAttribute(attribute)),
      name,
    )
  )[0] ?? null;

/** True when `locator` matches one element and it has the focus. */
export const focused = (locator: Locator) =>
  locator.evaluateAll(
    (elements) => elements.length === 1 && elements[0] === elements[0]?.ownerDocument.activeElement,
  );

/** Waits for `locator` to be visible (or hidden, or gone). */
export const shown = (locator: Locator, state: 'visible' | 'hidden' | 'detached' = 'visible') =>
  locator.waitFor({ state, timeout: 30_000 });

/** True in the page when nothing is wider than the window (no sideways scrolling). */
export const SIDEWAYS_FREE = 'document.documentElement.scrollWidth <= window.innerWidth';

/** The live indicator of the header says the event stream is up. */
export const live = (page: Page) => shown(page.locator('.live-live'));

/** The review card of agent/step on `page`. */
export const card = (page: Page, agent: string, step: string): Locator =>
  page.locator('article.review-card', {
    has: page.getByRole('heading', { name: `${agent} step ${step}`, exact: true }),
  });

/** Presses j or k until `target` is the focused card (the first j chooses the first card). */
export async function moveTo(page: Page, target: Locator): Promise<void> {
  await shown(target);
  const wanted = await target.getAttribute('data-review-id');
  const cards = page.locator('article.review-card');
  for (let presses = 0; presses < 20; presses++) {
    if (await focused(target)) return;
    const ids = await cards.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-review-id')),
    );
    const selected = await cards.evaluateAll((elements) =>
      elements.findIndex((element) => element.getAttribute('data-selected') === 'true'),
    );
    const goal = ids.indexOf(wanted);
    expect(goal).toBeGreaterThanOrEqual(0);
    // On the right card without its focus: step off it and back.
    const key = selected < goal ? 'j' : selected > goal ? 'k' : goal > 0 ? 'k' : 'j';
    await page.keyboard.press(key);
  }
  throw new Error('j and k never reached the card');
}

/** The pending review of agent/step in `actor`'s tenant; throws when there is none. */
export async function pendingReviewOf(app: ChimeraApp, actor: Actor, agent: string, step: string) {
  const pending = await app.operator.reviews.list(actor, { status: 'pending', limit: 1000 });
  const found = pending.find((item) => item.task.agent_id === agent && item.task.step_key === step);
  if (!found) throw new Error(`no pending review of ${agent}/${step}`);
  return found;
}

/**
 * Asserts web/dist holds a production build: a development build of React (jsxDEV) renders
 * several times slower than what `chimera start` serves, so timings taken on it mean nothing.
 */
export async function expectProductionBuild(): Promise<void> {
  const scripts = (await readdir(WEB_ASSETS)).filter((name) => name.endsWith('.js'));
  for (const script of scripts) {
    const code = await readFile(join(WEB_ASSETS, script), 'utf8');
    expect(code.includes('jsxDEV'), `web/dist/assets/${script} is a development build`).toBe(false);
  }
}

/**
 * Runs axe on the page (injecting it first; the page's context must bypass the CSP) and asserts
 * it finds nothing serious or critical; `what` names the screen in the failure.
 */
export async function expectNoGraveAxeViolations(page: Page, what: string): Promise<void> {
  if (!(await page.evaluate<boolean>("'axe' in window"))) {
    await page.addScriptTag({ path: AXE_SCRIPT });
  }
  const violations = await page.evaluate<Array<{ id: string; impact: string; help: string }>>(
    "axe.run(document, { resultTypes: ['violations'] }).then((results) => results.violations)",
  );
  const grave = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${what}: ${violation.id} (${violation.impact}): ${violation.help}`);
  expect(grave).toEqual([]);
}

/** When a first render happened, in ms after navigation start (-1: never loaded). */
export interface RenderMarks {
  /** The bundle, the session and the review list arrived (their responseEnd). */
  script: number;
  session: number;
  list: number;
  /** The last of the `count` elements reached the DOM. */
  dom: number;
  /** The frame that laid them out and painted them was done. */
  painted: number;
}

/**
 * Navigates `page` (of a context that bypasses the CSP) to `url` and times, in the page, when
 * `count` elements matching `selector` are in the DOM and painted: a task queued from the next
 * frame's animation callback runs once that frame has been laid out and painted.
 */
export async function timeFirstRender(
  page: Page,
  url: string,
  selector: string,
  count: number,
): Promise<RenderMarks> {
  await page.addInitScript(`
    new MutationObserver((_, observer) => {
      if (document.querySelectorAll(${JSON.stringify(selector)}).length < ${count}) return;
      observer.disconnect();
      performance.mark('first-render-dom');
      requestAnimationFrame(() => setTimeout(() => performance.mark('first-render-painted')));
    }).observe(document, { childList: true, subtree: true });
  `);
  await page.goto(url);
  const marks = await page.waitForFunction(
    `(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
      const painted = at('first-render-painted');
      if (painted === undefined) return false;
      const loaded = (part) =>
        performance.getEntriesByType('resource').find((entry) => entry.name.includes(part))
          ?.responseEnd ?? -1;
      return {
        script: loaded('/assets/index-'),
        session: loaded('/api/v1/session'),
        list: loaded('/api/v1/reviews'),
        dom: at('first-render-dom'),
        painted,
      };
    })()`,
    undefined,
    { timeout: 30_000 },
  );
  return (await marks.jsonValue()) as RenderMarks;
}

/** The dashboard of one test app, served on a free port, with one Chromium. */
export interface Dashboard {
  base: string;
  http: FastifyInstance;
  browser: Browser;
  /** Page errors and console errors of every page opened with `open`. */
  pageErrors: string[];
  /** A login link of a new token of `role`, and the token's id. */
  loginLink(role: Role): Promise<{ url: string; tokenId: string }>;
  /** Opens `url` in a new page of `into`, recording its errors. */
  open(into: BrowserContext, url: string): Promise<Page>;
  /** Opens a login link in a new page of `into` and waits for the inbox. */
  signIn(into: BrowserContext, url: string): Promise<Page>;
  close(): Promise<void>;
}

/** Serves `app`'s dashboard and launches Chromium; `local` makes the tokens. */
export async function startDashboard(app: ChimeraApp, local: Actor): Promise<Dashboard> {
  const http = await buildHttpServer(app);
  await http.listen({ host: '127.0.0.1', port: 0 });
  const address = http.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  await mkdir(ARTIFACTS, { recursive: true });
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await http.close();
    throw error;
  });
  const pageErrors: string[] = [];
  const dashboard: Dashboard = {
    base,
    http,
    browser,
    pageErrors,
    async loginLink(role) {
      const { token } = await app.operator.tokens.create(local, { role, name: `web ${role}` });
      const link = await app.operator.tokens.createLoginLink(local, token.id);
      return { url: `${base}/login?token=${link.secret}`, tokenId: token.id };
    },
    async open(into, url) {
      const page = await into.newPage();
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text());
      });
      await page.goto(url);
      return page;
    },
    async signIn(into, url) {
      const page = await dashboard.open(into, url);
      expect(new URL(page.url()).pathname).toBe('/');
      await shown(page.getByRole('heading', { level: 1, name: 'Review inbox' }));
      return page;
    },
    async close() {
      await browser.close();
      await http.close();
    },
  };
  return dashboard;
}
