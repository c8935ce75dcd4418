// Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core, which
// never downloads a browser. Each launch starts from a fresh, temporary profile (Playwright's
// own, removed on close), with the flags that keep Chromium off the network on its own account.

import { access } from 'node:fs/promises';
import { type Browser, chromium } from 'playwright-core';

/** The browser binary: Debian's `chromium` package, or CHIMERA_CHROMIUM. */
export const CHROMIUM_PATH = process.env.CHIMERA_CHROMIUM ?? '/usr/bin/chromium';

/**
 * No sandbox (containers refuse it) and no GPU; the rest stop Chromium's own network attempts
 * (QUIC, component updates, sync, field trials) which the machine refuses many at a time.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium; fails naming the package when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  try {
    await access(CHROMIUM_PATH);
  } catch {
    throw new Error(
      `no Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install chromium) or set CHIMERA_CHROMIUM; the tests never download a browser`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
