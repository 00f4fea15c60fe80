/**
 * User documents, literally: seeds 001 "Print ISRs in Bulk" and "Print an ISR for an Individual
 * Student", and seeds 000 "How to View Individual Student Summative Writing Trait Scores" (the
 * row menu's Print {Student}'s Summative Report). Each report is downloaded through My Reports'
 * Download Report Data and its pages are turned into PNGs (pdftoppm) kept in test-results/e2e/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, screenshot, useSandboxE2e } from './harness.js';
import { enterSandbox, expectAccessible, searchByStudent } from './students-helpers.js';

// The group flows need the group results page (issue #8); until it is in the tree they are skipped.
const HAS_GROUP_RESULTS = existsSync(join(process.cwd(), 'apps', 'web', 'src', 'pages', 'group-results', 'results-page.tsx'));

const e2e = useSandboxE2e({ env: { PDF_WORKERS: '1' } });
const newPage = () => e2e.newPage({ acceptDownloads: true });

/** Picks an option of a dialog's drop-down menu (Mantine Select). */
async function choose(dialog: Locator, page: Page, label: string, option: string | RegExp): Promise<void> {
  await dialog.getByRole('textbox', { name: label, exact: true }).click();
  await page.locator('[role="listbox"]:visible').getByRole('option', { name: option }).first().click();
}

/** "Enter a name … Select the attributes … using the School Year, Assessment Type, Subject, and Sort Order drop-down menus. Select Create Report." */
async function fillAndCreate(page: Page, args: { name?: string; subject?: string | RegExp; artifact: string }): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Printable Reports' });
  await dialog.waitFor();
  if (args.name) await dialog.getByRole('textbox', { name: 'Report Name' }).fill(args.name);
  // School Year: the most recent year offered; Assessment Type: Summative.
  await dialog.getByRole('textbox', { name: 'School Year', exact: true }).click();
  await page.locator('[role="listbox"]:visible').getByRole('option').first().click();
  await choose(dialog, page, 'Assessment Type', 'Summative');
  if (args.subject) await choose(dialog, page, 'Subject', args.subject);
  await choose(dialog, page, 'Sort Order', 'Student Name');
  await expectAccessible(page, 'the Printable Reports dialog');
  await screenshot(page, `${args.artifact}-dialog`);
  await dialog.getByRole('button', { name: 'Create Report' }).click();
}

/** "When the Status column displays Completed, select the report name. Select Download Report Data." */
async function downloadWhenCompleted(page: Page, reportName: string, artifact: string): Promise<Buffer> {
  await page.waitForURL(/\/reports$/);
  await page.getByRole('heading', { name: 'My Reports' }).waitFor();
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: reportName, exact: true }) })
    .first();
  await row.getByText('Completed', { exact: true }).waitFor({ timeout: 120_000 });
  await expectAccessible(page, 'My Reports');
  await screenshot(page, `${artifact}-my-reports`);
  await row.getByRole('button', { name: reportName, exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Download Report Data' }).click(),
  ]);
  const dir = join(ARTIFACTS_DIR, artifact);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${artifact}.pdf`);
  await download.saveAs(file);
  // Every page as a PNG, kept as an artifact.
  execFileSync('pdftoppm', ['-png', '-r', '50', file, join(dir, 'page')]);
  const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
  expect(pngs.length).toBeGreaterThan(0);
  return readFileSync(file);
}

function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes }).toString('utf8').replace(/\s+/g, ' ');
}

describe('Printable Reports (user documents 000 and 001)', () => {
  it.runIf(HAS_GROUP_RESULTS)(
    'Print ISRs in Bulk: Assigned Group → Printable Reports → Create Report → Completed → Download Report Data',
    async () => {
      const page = await newPage();
      try {
        await enterSandbox(page, e2e.server.url, 'Teacher: Sample Elementary School');
        // "Select a Group Name in the Assigned Groups panel."
        const panel = page.getByRole('tabpanel', { name: 'Assigned Groups' });
        const groupLink = panel.getByRole('link').first();
        const groupName = ((await groupLink.textContent()) ?? '').trim();
        await groupLink.click();
        await page.waitForURL(/\/groups\/\d+/);
        // "Select the Printable Reports button."
        await page.getByRole('button', { name: 'Printable Reports' }).click();
        const reportName = `Bulk ISRs ${groupName}`.slice(0, 90);
        await fillAndCreate(page, { name: reportName, subject: 'English Language Arts/Literacy', artifact: 'isr-bulk' });
        const pdf = await downloadWhenCompleted(page, reportName, 'isr-bulk');
        const text = pdfText(pdf);
        expect(text).toContain('Individual Student Report');
        expect(text).toContain('Sample Elementary School');
        expect((text.match(/Individual Student Report/g) ?? []).length).toBeGreaterThan(1);
      } finally {
        await page.context().close();
      }
    },
  );

  it('Print an ISR for an Individual Student: Search by Student → Printable Reports → … → Download Report Data', async () => {
    const page = await newPage();
    try {
      await enterSandbox(page, e2e.server.url, 'Teacher: Sample Elementary School');
      await searchByStudent(page, '1000003718');
      await page.getByTestId('student-search-results').waitFor({ timeout: 90_000 });
      await page.getByRole('button', { name: 'Printable Reports' }).click();
      await fillAndCreate(page, { name: 'ISR 1000003718', artifact: 'isr-student' });
      const pdf = await downloadWhenCompleted(page, 'ISR 1000003718', 'isr-student');
      const text = pdfText(pdf);
      expect(text).toContain('1000003718');
      expect(text).toContain('Scale Score'.toUpperCase());
    } finally {
      await page.context().close();
    }
  });

  it.runIf(HAS_GROUP_RESULTS)(
    'Writing Trait Scores ISR: a student’s name → Print {Student}’s Summative Report → Create Report → the student’s name → Download Report Data',
    async () => {
      const page = await newPage();
      try {
        await enterSandbox(page, e2e.server.url, 'Teacher: Sample Elementary School');
        await page.getByRole('tabpanel', { name: 'Assigned Groups' }).getByRole('link').first().click();
        await page.waitForURL(/\/groups\/\d+/);
        // "Verify the ELA Summative results are displayed": Show Results of the first assessment.
        await page.getByRole('button', { name: 'Show Results' }).first().click();
        // "Select a student's name and select the Print {Student}'s Summative Report button from the drop-down menu."
        const nameButton = page.locator('.cers-student-name').first();
        await nameButton.waitFor({ timeout: 60_000 });
        const studentName = ((await nameButton.textContent()) ?? '').trim();
        const [last, first] = studentName.split(',').map((p) => p.trim());
        const reportName = `${first} ${last}`;
        await nameButton.click();
        await page.getByRole('menuitem', { name: /^Print .+'s Summative Report$/ }).click();
        // "Select the Create Report button" (the report is named after the student).
        const dialog = page.getByRole('dialog', { name: 'Printable Reports' });
        await expect.poll(() => dialog.getByRole('textbox', { name: 'Report Name' }).inputValue()).toBe(reportName);
        await expect.poll(() => dialog.getByRole('button', { name: 'Create Report' }).isEnabled(), { timeout: 30_000 }).toBe(true);
        await dialog.getByRole('button', { name: 'Create Report' }).click();
        // "Select the student's name and select the Download Report Data button."
        const pdf = await downloadWhenCompleted(page, reportName, 'isr-row-menu');
        const text = pdfText(pdf);
        expect(text).toContain(studentName);
        expect(text).toContain('Individual Student Report');
      } finally {
        await page.context().close();
      }
    },
  );
});
