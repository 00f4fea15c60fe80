/**
 * User documents (seeds 001), "Access Individual Student Results", for each sandbox teacher role:
 * enter the Sandbox as the role, enter an SSID of Table 1 in the Search by Student box, select
 * Search, select a Student Results Card, see the table. An SSID of another school shows no results
 * ("a high school SSID will not show results for the elementary teacher role").
 */
import { describe, expect, it } from 'vitest';
import { screenshot, useSandboxE2e } from './harness.js';
import { enterSandbox, expectAccessible, searchByStudent } from './students-helpers.js';

const TABLE_1 = [
  { role: 'Teacher: Sample Elementary School', key: 'elementary', ssids: ['1000003718', '3000002098'] },
  { role: 'Teacher: Sample Middle School', key: 'middle', ssids: ['4000012949', '6000035780'] },
  { role: 'Teacher: Sample High School', key: 'high', ssids: ['1000015789', '6000037559'] },
] as const;

const e2e = useSandboxE2e();
const newPage = (width = 1280) => e2e.newPage({ viewport: { width, height: 900 } });

describe.each(TABLE_1)('$role', ({ role, key, ssids }) => {
  it.each(ssids)('finds SSID %s, opens a Student Results Card and sees the test history table', async (ssid) => {
    const page = await newPage();
    try {
      await enterSandbox(page, e2e.server.url, role);
      await searchByStudent(page, ssid);
      const cards = page.getByTestId('student-results-card');
      await cards.first().waitFor();
      expect(await cards.count()).toBeGreaterThan(0);
      await expect.poll(() => page.url()).toContain(`ssid=${ssid}`);
      await expect.poll(() => page.getByText(`SSID ${ssid}`).count()).toBeGreaterThan(0);
      await expectAccessible(page, `search results for ${ssid}`);
      await screenshot(page, `students-${key}-${ssid}-cards`);

      const title = (await cards.first().getByRole('heading').textContent()) ?? '';
      await cards.first().click();
      await page.waitForURL(/\/students\/\d+\?exam=\d+/);
      const rows = page.getByTestId('history-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBeGreaterThan(0);
      // the selected card's exam is open with its details
      await expect.poll(() => page.getByRole('button', { name: /Hide details/ }).count()).toBe(1);
      await expect.poll(() => page.getByRole('cell', { name: title }).count()).toBeGreaterThan(0);
      await page.getByRole('heading', { name: 'Score History' }).waitFor();
      await expectAccessible(page, `student page of ${ssid}`);
      await screenshot(page, `students-${key}-${ssid}-history`);
    } finally {
      await page.context().close();
    }
  });

  it('shows no results for the SSIDs of the other schools', async () => {
    const page = await newPage();
    try {
      await enterSandbox(page, e2e.server.url, role);
      const others = TABLE_1.filter((t) => t.key !== key).flatMap((t) => t.ssids);
      for (const ssid of others) {
        await searchByStudent(page, ssid);
        await page.getByText(`No results were found for SSID ${ssid}`).waitFor();
        expect(await page.getByTestId('student-results-card').count()).toBe(0);
      }
      await expectAccessible(page, 'no results');
      await screenshot(page, `students-${key}-other-school-no-results`);
    } finally {
      await page.context().close();
    }
  });
});

describe('Search by Student details', () => {
  it('explains an SSID that is not 10 digits without searching', async () => {
    const page = await newPage();
    try {
      await enterSandbox(page, e2e.server.url, TABLE_1[0].role);
      await searchByStudent(page, '12345');
      await page.getByText('exactly 10 digits').first().waitFor();
      expect(page.url()).not.toContain('ssid=');
      await expectAccessible(page, 'invalid SSID');
    } finally {
      await page.context().close();
    }
  });

  it('keeps filters and score types in the URL, sorts the table, and works at phone width', async () => {
    const page = await newPage(390);
    try {
      await enterSandbox(page, e2e.server.url, TABLE_1[0].role);
      await searchByStudent(page, '1000003718');
      await page.getByTestId('student-results-card').first().click();
      await page.getByTestId('history-row').first().waitFor();
      const studentUrl = new URL(page.url());

      await page.getByLabel('Subject', { exact: true }).first().click();
      await page.getByRole('option', { name: 'ELA', exact: true }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('subject')).toBe('ELA');
      await page.getByLabel('Assessment Type', { exact: true }).first().click();
      await page.getByRole('option', { name: 'Summative', exact: true }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('type')).toBe('sum');

      const sections = page.getByRole('region', { name: 'ELA' });
      const toggle = sections.getByRole('radiogroup', { name: /Score type/ });
      if ((await toggle.count()) > 0) {
        const options = (await toggle.locator('label').allTextContents()).map((t) => t.trim());
        expect(options[0]).toBe('Overall');
        const second = options[1];
        if (second) {
          await toggle.getByText(second, { exact: true }).click();
          await expect.poll(() => new URL(page.url()).searchParams.get('views') ?? '').toContain('ELA:');
        }
      }
      await sections.getByRole('button', { name: /^Date/ }).click();
      await expect.poll(() => sections.getByRole('columnheader', { name: /^Date/ }).getAttribute('aria-sort')).toBe('ascending');

      // the URL alone reproduces the page
      const linked = page.url();
      const other = await newPage(390);
      try {
        await other.context().addCookies(await page.context().cookies());
        await other.goto(linked);
        await other.getByTestId('history-row').first().waitFor();
        expect(new URL(other.url()).searchParams.get('subject')).toBe('ELA');
      } finally {
        await other.context().close();
      }
      expect(studentUrl.pathname).toMatch(/^\/students\/\d+$/);
      await expectAccessible(page, 'student page at phone width');
      await screenshot(page, 'students-phone-width');
    } finally {
      await page.context().close();
    }
  });
});

describe('administrators', () => {
  it('Search by School: school typeahead, grade and school year lead to the school results page', async () => {
    const page = await newPage();
    try {
      await enterSandbox(page, e2e.server.url, 'District Administrator: Sample District');
      const region = page.getByRole('region', { name: 'Search by School' });
      await region.getByLabel('School', { exact: true }).first().fill('Sample High');
      await page.getByRole('option', { name: 'Sample High School' }).click();
      await expect.poll(() => region.getByLabel('School Year', { exact: true }).first().inputValue()).not.toBe('');
      await region.getByLabel('Grade', { exact: true }).first().click();
      await page.getByRole('option', { name: 'Grade 11' }).click();
      await expectAccessible(page, 'Search by School filled in');
      await screenshot(page, 'students-search-by-school');
      await region.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/\/schools\/\d+\?grade=11&year=\d{4}$/);
    } finally {
      await page.context().close();
    }
  });

  it('Student Groups: lists the district’s assigned groups with their teachers', async () => {
    const page = await newPage();
    try {
      await enterSandbox(page, e2e.server.url, 'District Administrator: Sample District');
      await page.goto(`${e2e.server.url}/admin/groups`);
      await page.getByRole('heading', { name: 'Student Groups' }).waitFor();
      await page.getByRole('table').getByRole('row').nth(1).waitFor();
      expect(
        await page
          .getByRole('table')
          .getByRole('link', { name: /^Edit / })
          .count(),
      ).toBeGreaterThan(0);
      await expectAccessible(page, 'Student Groups');
      await screenshot(page, 'students-admin-groups');

      // The list is paged (50 a page): the count says where the page is, Next page moves on.
      await page.getByText(/^Groups 1–50 of \d+$/).waitFor();
      await page.getByRole('button', { name: 'Next page' }).click();
      await page.waitForURL(/[?&]page=2/);
      await page.getByText(/^Groups 51–\d+ of \d+$/).waitFor();

      // Edit opens the group's form with Save, Cancel and Delete; Cancel goes back to the list.
      await page
        .getByRole('table')
        .getByRole('link', { name: /^Edit / })
        .first()
        .click();
      await page.waitForURL(/\/admin\/groups\/\d+\/edit$/);
      await page.getByRole('button', { name: 'Save' }).waitFor();
      expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(1);
      await expectAccessible(page, 'an assigned group’s edit form');
      await page.getByRole('link', { name: 'Cancel' }).click();
      await page.waitForURL(/\/admin\/groups$/);
      await page.getByRole('heading', { name: 'Student Groups' }).waitFor();

      // A group that does not exist (or is out of reach) says so, with the way back.
      await page.goto(`${e2e.server.url}/admin/groups/2147483000/edit`);
      await page.getByRole('heading', { name: 'Group not found' }).waitFor();
      await page.getByRole('link', { name: 'Back to Student Groups' }).click();
      await page.waitForURL(/\/admin\/groups$/);
    } finally {
      await page.context().close();
    }
  });
});
