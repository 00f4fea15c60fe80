/**
 * Importing through the web app (issue #5), in Chromium against the real app on the sandbox data:
 * a state administrator uploads exam files on Administrator Tools › Data Imports (one good, one
 * truncated, the good one again), filters the history by status, opens a file's details, downloads
 * the raw file, and finds the imported student with Search by Student; the district administrator
 * uploads student group files from Student Groups › Upload Groups (the template, a good file, a
 * file with rejected rows) and finds the new group with its students and teacher.
 * Everything on screen is checked against the database.
 */
import type { CersDb } from '@cers/db';
import { seedUser } from '@cers/db/test';
import { SAMPLE_SCHOOLS } from '@cers/sandbox';
import { hashPassword } from '@cers/server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type GenRef, generateExam, generateTrt, loadGenRef } from '../packages/ingest/test/generate.js';
import { downloaded, screenshot, useSandboxE2e } from './harness.js';
import { expectAccessible, searchByStudent } from './students-helpers.js';

const PASSWORD = 'Long-enough-pass-2025';
const STATE_ADMIN = 'state.admin@cde.example';
const TEACHER = 'teacher.elementary@sandbox.cers.example';

let ref: GenRef | undefined;
const e2e = useSandboxE2e({
  prepare: async (cers) => {
    const state = await cers.db.selectFrom('organizations').select('id').where('type', '=', 'state').executeTakeFirstOrThrow();
    const admin = await seedUser(cers.db, {
      login: STATE_ADMIN,
      displayName: 'Sam State',
      roles: [{ role: 'STATE_ADMIN', organizationId: state.id }],
    });
    await cers.db
      .updateTable('users')
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where('id', '=', admin)
      .execute();
    ref = await loadGenRef(cers.db);
  },
});

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

async function importOf(cers: CersDb, filename: string) {
  return cers.db
    .selectFrom('imports')
    .select(['id', 'status', 'message', 'examId'])
    .where('filename', '=', filename)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
}

/** Chooses files in the Upload Files form and sends them. */
async function upload(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const form = page.getByRole('form', { name: 'Upload files' });
  await form.locator('input[type="file"]').setInputFiles(files);
  await form.getByRole('button', { name: 'Upload' }).click();
  return form.getByRole('table', { name: 'Uploaded files' });
}

/** The row of a table that names this file. */
const rowOf = (table: ReturnType<Page['getByRole']>, filename: string) => table.getByRole('row').filter({ hasText: filename });

describe('Administrator Tools › Data Imports', () => {
  it('uploads exam files: Processed, Bad Format with line and column, already imported; filters, details, raw file; the student is then found', async () => {
    if (!ref) throw new Error('no reference data');
    const good = generateTrt(ref, 4242, 11);
    const ssid = generateExam(ref, 4242, 11).examinee.attributes.StudentIdentifier ?? '';
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    const page = await e2e.newPage();
    try {
      await page.goto(`${e2e.server.url}/signin`);
      await page.getByLabel('Email Address').fill(STATE_ADMIN);
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Secure Logon' }).click();
      const tools = page.getByRole('region', { name: 'Administrator Tools' });
      await tools.getByRole('link', { name: 'Data Imports' }).click();
      await heading(page, 'Data Imports').waitFor();

      const uploaded = await upload(page, [
        { name: 'e2e-exam.xml', mimeType: 'application/xml', buffer: good },
        { name: 'e2e-truncated.xml', mimeType: 'application/xml', buffer: truncated },
      ]);
      await rowOf(uploaded, 'e2e-exam.xml').getByText('Processed').waitFor();
      await rowOf(uploaded, 'e2e-truncated.xml').getByText('Bad Format').waitFor();
      const processed = await importOf(e2e.cers, 'e2e-exam.xml');
      const bad = await importOf(e2e.cers, 'e2e-truncated.xml');
      expect(processed.status).toBe('PROCESSED');
      expect(processed.examId).not.toBeNull();
      expect(bad.status).toBe('BAD_FORMAT');
      expect(bad.message).toMatch(/line \d+.*column \d+/i);

      // The same file again: its earlier import, nothing new.
      const again = await upload(page, [{ name: 'e2e-exam.xml', mimeType: 'application/xml', buffer: good }]);
      await rowOf(again, 'e2e-exam.xml').getByText(`already imported (#${processed.id})`).waitFor();
      const copies = await e2e.cers.db
        .selectFrom('imports')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('filename', '=', 'e2e-exam.xml')
        .executeTakeFirstOrThrow();
      expect(Number(copies.n)).toBe(1);

      // The history, filtered to Bad Format: the truncated file only.
      const history = page.getByRole('table', { name: 'Imports' });
      await rowOf(history, 'e2e-exam.xml').waitFor();
      const filter = page.getByRole('form', { name: 'Filter imports' });
      await filter.getByRole('textbox', { name: 'Status' }).click();
      await page.getByRole('option', { name: 'Bad Format' }).click();
      await page.keyboard.press('Escape');
      await filter.getByRole('button', { name: 'Search' }).click();
      await rowOf(history, 'e2e-exam.xml').waitFor({ state: 'detached' });
      expect(await rowOf(history, 'e2e-truncated.xml').count()).toBe(1);
      const badCount = await e2e.cers.db
        .selectFrom('imports')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('status', '=', 'BAD_FORMAT')
        .executeTakeFirstOrThrow();
      expect(await history.locator('tbody tr').count()).toBe(Number(badCount.n));
      await page.getByRole('group', { name: 'Files per status' }).getByText(`Bad Format: ${badCount.n}`).waitFor();

      // Details of the bad file: its message, and the raw bytes exactly as sent.
      await rowOf(history, 'e2e-truncated.xml')
        .getByRole('button', { name: String(bad.id) })
        .click();
      const dialog = page.getByRole('dialog', { name: `Import ${bad.id}: e2e-truncated.xml` });
      await dialog.getByText(bad.message ?? '', { exact: true }).waitFor();
      await expectAccessible(page, 'the details of an import');
      await screenshot(page, 'imports-details-bad-format');
      const raw = await downloaded(page, () => dialog.getByRole('link', { name: 'Download File' }).click());
      expect(raw.equals(truncated)).toBe(true);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expectAccessible(page, 'the Data Imports page');

      // The imported exam is a result like any other.
      await page.getByRole('link', { name: 'Home' }).first().click();
      await searchByStudent(page, ssid);
      await page.getByTestId('student-results-card').first().waitFor();
      expect(await page.getByTestId('student-results-card').count()).toBe(1);
    } finally {
      await page.context().close();
    }
  });
});

describe('Student Groups › Upload Groups', () => {
  it('offers the template, rejects a file row by row with line numbers, and replaces the groups a good file names', async () => {
    const school = await e2e.cers.db
      .selectFrom('organizations')
      .select(['id', 'naturalId'])
      .where('naturalId', '=', SAMPLE_SCHOOLS.elementary.naturalId)
      .executeTakeFirstOrThrow();
    const students = await e2e.cers.db
      .selectFrom('students')
      .select('ssid')
      .where('inferredSchoolId', '=', school.id)
      .orderBy('ssid')
      .limit(3)
      .execute();
    expect(students).toHaveLength(3);
    const year = await e2e.cers.db
      .selectFrom('studentGroups')
      .select((eb) => eb.fn.max('schoolYear').as('y'))
      .where('schoolId', '=', school.id)
      .executeTakeFirstOrThrow();
    const name = 'E2E Reading Circle';
    const header = 'group_name,school_natural_id,school_year,subject_code,student_ssid,group_user_login';
    const goodCsv = [
      header,
      `${name},${school.naturalId},${year.y},All,,${TEACHER}`,
      ...students.map((s) => `${name},${school.naturalId},${year.y},,${s.ssid},`),
    ].join('\r\n');
    const badCsv = [header, `Lost Group,NO-SUCH-SCHOOL,${year.y},All,,`, `Lost Group,${school.naturalId},twenty,All,,`].join('\r\n');

    const page = await e2e.newPage();
    try {
      await page.goto(`${e2e.server.url}/`);
      await page
        .getByRole('button', { name: 'CERS Sandbox' })
        .or(page.getByRole('link', { name: 'CERS Sandbox' }))
        .first()
        .click();
      await page.getByRole('radio', { name: /District Administrator/ }).check();
      await page.getByRole('button', { name: 'Enter Sandbox' }).click();
      await page.getByRole('region', { name: 'Administrator Tools' }).getByRole('link', { name: 'Student Groups' }).click();
      await heading(page, 'Student Groups').waitFor();
      await page.getByRole('link', { name: 'Upload Groups' }).click();
      await heading(page, 'Upload Groups').waitFor();

      const rules = page.getByRole('group', { name: 'Student group files' });
      const template = await downloaded(page, () => rules.getByRole('button', { name: 'Download Template' }).click());
      expect(
        template
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .trim(),
      ).toBe(header);

      const uploaded = await upload(page, [{ name: 'e2e-bad-groups.csv', mimeType: 'text/csv', buffer: Buffer.from(badCsv) }]);
      await rowOf(uploaded, 'e2e-bad-groups.csv').getByText('Bad Data').waitFor();
      const bad = await importOf(e2e.cers, 'e2e-bad-groups.csv');
      expect(bad.status).toBe('BAD_DATA');
      expect(bad.message).toContain('(line 2) Failure: unknown school [NO-SUCH-SCHOOL]');
      expect(bad.message).toContain('(line 3) Failure: school_year must be a year');
      const history = page.getByRole('table', { name: 'Imports' });
      await rowOf(history, 'e2e-bad-groups.csv')
        .getByRole('button', { name: String(bad.id) })
        .click();
      const dialog = page.getByRole('dialog', { name: `Import ${bad.id}: e2e-bad-groups.csv` });
      await dialog.getByText('(line 2) Failure: unknown school [NO-SUCH-SCHOOL]').waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await e2e.cers.db.selectFrom('studentGroups').select('id').where('name', '=', 'Lost Group').execute()).toEqual([]);

      const accepted = await upload(page, [{ name: 'e2e-groups.csv', mimeType: 'text/csv', buffer: Buffer.from(goodCsv) }]);
      await rowOf(accepted, 'e2e-groups.csv').getByText('Processed').waitFor();
      expect((await importOf(e2e.cers, 'e2e-groups.csv')).message).toBe(`1 group accepted for ${school.naturalId}.`);
      await expectAccessible(page, 'the Upload Groups page');
      await screenshot(page, 'imports-upload-groups');

      // The group is in the district's list, with its three students and its teacher.
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Student Groups' }).click();
      await heading(page, 'Student Groups').waitFor();
      await page.getByLabel('Search groups by name').fill(name);
      const row = page.getByRole('row').filter({ hasText: name });
      await row.waitFor();
      await expect.poll(() => page.getByRole('row').filter({ hasText: name }).count()).toBe(1);
      expect(await row.getByRole('cell', { name: '3', exact: true }).count()).toBe(1);
      const group = await e2e.cers.db
        .selectFrom('studentGroups as g')
        .innerJoin('studentGroupMembers as m', 'm.groupId', 'g.id')
        .innerJoin('students as s', 's.id', 'm.studentId')
        .select('s.ssid')
        .where('g.name', '=', name)
        .orderBy('s.ssid')
        .execute();
      expect(group.map((g) => g.ssid)).toEqual(students.map((s) => s.ssid));
    } finally {
      await page.context().close();
    }
  });
});
