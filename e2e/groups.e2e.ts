/**
 * User documents (seeds 001), "Create, Name and Save a Custom Group" and "Access The Results Page
 * for a Custom Group": My Groups tab → Create → filter the students → add them one by one or with
 * Add All Students → Students List (Remove All Students) → Group Name → Subjects → Save → the
 * group is in My Groups → open it → delete it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useSandboxE2e } from './harness.js';
import { enterSandbox, expectAccessible, settle } from './students-helpers.js';

const e2e = useSandboxE2e();
const newPage = (width = 1280) => e2e.newPage({ viewport: { width, height: 900 } });

const studentsList = (page: Page) => page.getByRole('region', { name: /Students List/ });
const findStudents = (page: Page) => page.getByRole('region', { name: 'Find Students' });
/** A student's name in the list of students to add (a button: "Select each student's name"). */
const addButtons = (page: Page) => findStudents(page).getByRole('table').getByRole('button', { name: /^Add / });

async function listedCount(page: Page): Promise<number> {
  return studentsList(page)
    .getByRole('table')
    .getByRole('button', { name: /^Remove / })
    .count();
}

describe('My Groups (Teacher: Sample Elementary School)', () => {
  it('creates, names, saves, opens and deletes a custom group', async () => {
    const page = await newPage();
    try {
      await enterSandbox(page, e2e.server.url, 'Teacher: Sample Elementary School');
      const groups = page.getByRole('region', { name: 'Groups' });
      const firstAssigned = ((await groups.getByRole('table').getByRole('link').first().textContent()) ?? '').trim();
      expect(firstAssigned).not.toBe('');

      // 1. Select the My Groups tab.  2. Select the Create button.
      await groups.getByRole('tab', { name: 'My Groups' }).click();
      await expectAccessible(page, 'My Groups tab');
      await groups.getByRole('link', { name: 'Create' }).click();
      await page.waitForURL(/\/my-groups\/new$/);
      await addButtons(page).first().waitFor();
      await expectAccessible(page, 'Create Group');

      // 3. Filter the list by school or group title…
      await page.getByLabel('School or Group').first().click();
      await page
        .getByRole('option', { name: new RegExp(`^${escapeRegExp(firstAssigned)}`) })
        .first()
        .click();
      await addButtons(page).first().waitFor();
      const inGroup = await addButtons(page).count();
      expect(inGroup).toBeGreaterThan(1);

      // …by student name or SSID…
      const firstName = ((await addButtons(page).first().textContent()) ?? '').trim();
      const lastName = firstName.split(',')[0] ?? firstName;
      await page.getByLabel('Student Name or SSID').fill(lastName);
      await expect.poll(() => addButtons(page).count()).toBeLessThanOrEqual(inGroup);
      // 4. Select a student's name to add the student individually.
      await findStudents(page)
        .getByRole('table')
        .getByRole('button', { name: `Add ${firstName}` })
        .click();
      await expect.poll(() => listedCount(page)).toBe(1);
      // the pressed button is gone: the focus moves on instead of falling to the page, and the change is announced
      const focused = await page.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
      );
      expect(focused).toMatch(/^Add |^Students List/);
      await page.getByText(`Added ${firstName}. 1 in the Students List.`).waitFor();
      await page.getByLabel('Student Name or SSID').fill('');

      // …or with advanced filters.
      await page.getByRole('button', { name: /^Advanced Filters/ }).click();
      await settle(page); // the filters panel expands
      await page.getByLabel('Gender').first().click({ force: true });
      await page.getByRole('option', { name: 'Female' }).click();
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await page.getByText(/students? listed/).textContent()) ?? '').toMatch(/\d+ students? listed/);
      await page.getByRole('button', { name: 'Clear filters' }).click();

      // Add All Students, then 5. Remove All Students, then add all again.
      await page.getByRole('button', { name: 'Add All Students' }).click();
      await expect.poll(() => listedCount(page)).toBe(inGroup);
      await studentsList(page).getByRole('button', { name: 'Remove All Students' }).click();
      await expect.poll(() => listedCount(page)).toBe(0);
      await page.getByRole('button', { name: 'Add All Students' }).click();
      await expect.poll(() => listedCount(page)).toBe(inGroup);
      // remove one individually
      await studentsList(page)
        .getByRole('table')
        .getByRole('button', { name: /^Remove / })
        .first()
        .click();
      await expect.poll(() => listedCount(page)).toBe(inGroup - 1);

      // 6. Group Name; Subjects (default all: keep ELA and Math only).
      const name = `E2E Reading Circle ${Date.now() % 100000}`;
      await page.getByLabel('Group Name').fill(name);
      for (const subject of ['Science', 'Spanish', 'ELPAC']) await page.getByRole('checkbox', { name: subject }).uncheck();
      await screenshot(page, 'groups-create-filled');
      // 7. Save: the group is added to the My Groups tab.
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/groups=mine/);
      const row = page.getByRole('row', { name: new RegExp(escapeRegExp(name)) });
      await row.waitFor();
      expect(await row.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['ELA, Math', String(inGroup - 1)]));
      await expectAccessible(page, 'My Groups with the new group');
      await screenshot(page, 'groups-my-groups-saved');

      // Access the results page of the custom group: select its Group Name in the My Groups panel.
      await row.getByRole('link', { name, exact: true }).click();
      await page.waitForURL(/\/my-groups\/\d+(\?.*)?$/);
      await page.getByText(name).first().waitFor();
      await screenshot(page, 'groups-my-group-results');
      await page.goBack();

      // Delete: Edit → Delete → confirm.
      await page
        .getByRole('row', { name: new RegExp(escapeRegExp(name)) })
        .getByRole('link', { name: `Edit ${name}` })
        .click();
      await page.waitForURL(/\/my-groups\/\d+\/edit$/);
      await expect.poll(() => listedCount(page)).toBe(inGroup - 1);
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete Group' }).click();
      await page.waitForURL(/groups=mine/);
      await page.getByRole('tab', { name: 'My Groups', selected: true }).waitFor();
      await expect.poll(() => page.getByRole('row', { name: new RegExp(escapeRegExp(name)) }).count()).toBe(0);
      await screenshot(page, 'groups-deleted');
    } finally {
      await page.context().close();
    }
  });

  it('explains a missing group name instead of saving, and works at phone width', async () => {
    const page = await newPage(390);
    try {
      await enterSandbox(page, e2e.server.url, 'Teacher: Sample Middle School');
      await page.goto(`${e2e.server.url}/my-groups/new`);
      await addButtons(page).first().waitFor();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Enter a group name.').waitFor();
      expect(page.url()).toMatch(/\/my-groups\/new$/);
      await expectAccessible(page, 'Create Group at phone width');
      await screenshot(page, 'groups-phone-width');
    } finally {
      await page.context().close();
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
