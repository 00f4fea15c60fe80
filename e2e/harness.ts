/**
 * End-to-end harness: serve the real app (built web + API + job worker) on a random port over a
 * given database, and drive it with Debian's Chromium through playwright-core (never a downloaded
 * browser). Screenshots and other artifacts go to test-results/e2e/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CersDb } from '@cers/db';
import type { AppContext } from '@cers/server';
import { buildApp, createLogger, loadConfig } from '@cers/server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startWorker } from '../apps/server/src/worker.js';

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

/** Saves a full-page screenshot as a test artifact and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name.replace(/[^a-z0-9-_]+/gi, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
