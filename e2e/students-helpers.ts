/**
 * Steps of the user documents shared by the students and groups journeys, written as a teacher
 * would follow them, plus the automated WCAG 2.1 A/AA check (axe-core).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
// Evaluated through the DevTools protocol, so the app's Content-Security-Policy stays on.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** "Select the CERS Sandbox button. Select one of the Teacher roles. Select the Enter Sandbox button." */
export async function enterSandbox(page: Page, baseUrl: string, role: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page
    .getByRole('link', { name: 'CERS Sandbox' })
    .or(page.getByRole('button', { name: 'CERS Sandbox' }))
    .first()
    .click();
  await page.getByRole('radio', { name: role }).check();
  await page.getByRole('button', { name: 'Enter Sandbox' }).click();
  await page.getByRole('heading', { name: 'Search by Student' }).waitFor();
}

/** "Enter an SSID into the Search by Student search box. Select the Search button." */
export async function searchByStudent(page: Page, ssid: string): Promise<void> {
  const region = page.getByRole('region', { name: 'Search by Student' });
  await region.getByLabel('Statewide Student Identifier (SSID)').fill(ssid);
  await region.getByRole('button', { name: 'Search' }).click();
}

/**
 * Waits for the page's transitions and finite animations to end (a dialog fading in, a panel
 * expanding), so what comes next sees the page at rest. Spinners animate forever and are not waited for.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };

/** No violations of WCAG 2.1 A or AA rules on the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // the pointer rests off the content: a hover state under it is not what a reader sees
  await page.mouse.move(0, 0);
  // Colours are judged at rest: a dialog still fading in has, for a moment, too little contrast.
  await settle(page);
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )) as AxeResult;
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
  expect(summary, `accessibility violations on ${what}`).toEqual([]);
}
