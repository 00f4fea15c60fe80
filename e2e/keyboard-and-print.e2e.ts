/**
 * WCAG 2.1 operable and printable (issue #6 "keyboard-usable, printable"), in Chromium: a teacher
 * goes from the Sandbox page to a student's test history with the keyboard alone — every control
 * reached with Tab shows where the focus is — sorts the history table with Enter, then prints the
 * page: the print layout drops the navigation and keeps the results, and the PDF Chromium prints
 * holds the student's name and the exam the card opened.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, useSandboxE2e } from './harness.js';
import { settle } from './students-helpers.js';

const e2e = useSandboxE2e();

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

/** Presses Tab until the target has the focus (it must be in the tab order), and checks that the focus shows. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await isFocused(target)) {
      // The focused control looks different from the same control unfocused (outline, ring, border…),
      // compared at rest: Mantine's inputs fade their border colour in and out.
      const el = await page.evaluateHandle(() => document.activeElement as HTMLElement);
      const look = () =>
        el.evaluate((e) => {
          const s = getComputedStyle(e);
          return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor].join('|');
        });
      await settle(page);
      const focused = await look();
      await el.evaluate((e) => e.blur());
      await settle(page);
      const blurred = await look();
      await el.evaluate((e) => e.focus());
      await el.dispose();
      const shows = focused !== blurred;
      expect(shows, 'a visible focus indicator').toBe(true);
      return;
    }
  }
  throw new Error(`not reached with ${max} presses of Tab`);
}

describe('keyboard only, then print', () => {
  it('reaches a student’s test history from the Sandbox page with the keyboard, sorts it, and prints it', async () => {
    const page = await e2e.newPage();
    try {
      await page.goto(`${e2e.server.url}/sandbox`);
      const role = page.getByRole('radio', { name: 'Teacher: Sample Elementary School' });
      await role.waitFor(); // the roles arrive after the page
      await tabTo(page, page.getByRole('radio').first());
      for (let i = 0; i < 8 && !(await role.isChecked()); i++) {
        if (!(await isFocused(role))) await page.keyboard.press('ArrowDown');
        else await page.keyboard.press('Space');
      }
      expect(await role.isChecked()).toBe(true);
      await tabTo(page, page.getByRole('button', { name: 'Enter Sandbox' }));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Search by Student' }).waitFor();

      const search = page.getByRole('region', { name: 'Search by Student' });
      await tabTo(page, search.getByLabel('Statewide Student Identifier (SSID)'));
      await page.keyboard.type('1000003718');
      await page.keyboard.press('Enter');
      const card = page.getByTestId('student-results-card').first();
      await card.waitFor();
      const title = ((await card.getByRole('heading').textContent()) ?? '').trim();
      await tabTo(page, card);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/students\/\d+\?exam=\d+/);
      await page.getByTestId('history-row').first().waitFor();
      // the chart's level bands are named, not told apart by colour alone
      const bands = page.getByRole('list', { name: /Achievement level bands/ });
      await bands.waitFor();
      expect(await bands.getByRole('listitem').count()).toBeGreaterThan(2);

      // Sort the first history table by its first sortable column, from the keyboard.
      const header = page.locator('th[aria-sort]').first();
      const before = await header.getAttribute('aria-sort');
      await tabTo(page, header.getByRole('button'));
      await page.keyboard.press('Enter');
      await expect.poll(() => header.getAttribute('aria-sort')).not.toBe(before);

      // Print: no navigation, the results stay; the printed PDF names the student and the exam.
      const name = ((await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '').trim();
      expect(name).not.toBe('');
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('navigation', { name: 'Breadcrumb' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Logout' }).isVisible()).toBe(false);
      expect(await page.getByTestId('history-row').first().isVisible()).toBe(true);
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const pdf = join(ARTIFACTS_DIR, 'keyboard-student-page-print.pdf');
      await page.pdf({ path: pdf, format: 'Letter', printBackground: true });
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(name.replace(/\s+/g, ' '));
      expect(text).toContain(title.replace(/\s+/g, ' '));
      expect(text).not.toContain('Logout');
    } finally {
      await page.context().close();
    }
  });
});
