/**
 * End-to-end harness: serve the real app (built web + API + job worker) on a random port over a
 * given database, and drive it with Debian's Chromium through playwright-core (never a downloaded
 * browser). Screenshots and other artifacts go to test-results/e2e/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CersDb } from '@cers/db';
import { openSandboxTestDb } from '@cers/sandbox/test';
import type { AppContext } from '@cers/server';
import { buildApp, createLogger, loadConfig } from '@cers/server';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startWorker } from '../apps/server/src/worker.js';
import { settle } from './students-helpers.js';

export const ARTIFACTS_DIR = join(process.cwd(), 'test-results', 'e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type TestServer = { url: string; ctx: AppContext; close: () => Promise<void> };

export async function startTestServer(cers: CersDb, env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({ CERS_SANDBOX: 'true', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', ...env });
  const ctx: AppContext = { config, cers, logger: createLogger({ level: 'silent', pretty: false }) };
  ctx.jobs = await startWorker(ctx);
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    close: async () => {
      await app.close();
      await ctx.jobs?.stop();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot of the page at rest as a test artifact and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name.replace(/[^a-z0-9-_]+/gi, '-')}.png`);
  await settle(page); // the step's panel has finished opening
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Runs the click that starts a download and returns the downloaded bytes. */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync(await download.path());
}

export type SandboxE2e = {
  /** The sandbox data (PGlite), for values the tests compute independently. */
  readonly cers: CersDb;
  readonly server: TestServer;
  /** A page in a fresh browser context (own cookies); 1280×900 unless the options say otherwise. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
};

/**
 * The setup every e2e file shares, registered as beforeAll/afterAll: the sandbox data on PGlite,
 * `prepare` (extra data) on it, the app on a random port with `env`, and Chromium.
 */
export function useSandboxE2e(o: { env?: Record<string, string>; prepare?: (cers: CersDb) => Promise<void> } = {}): SandboxE2e {
  let cers: CersDb | undefined;
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    cers = await openSandboxTestDb('pglite');
    await o.prepare?.(cers);
    server = await startTestServer(cers, o.env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await cers?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: use it inside a test`);
    return value;
  };
  return {
    get cers() {
      return ready(cers, 'the database');
    },
    get server() {
      return ready(server, 'the server');
    },
    async newPage(options = {}) {
      const context = await ready(browser, 'the browser').newContext({ viewport: { width: 1280, height: 900 }, ...options });
      return context.newPage();
    },
  };
}
