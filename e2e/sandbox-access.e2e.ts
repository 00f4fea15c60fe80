/**
 * Sign-in, the CERS Sandbox and the home page per role (issue #4), in Chromium against the real
 * app: the Logon page and its CERS Sandbox button (seeds 001, 003), Enter Sandbox as each role with
 * the sandbox banner, the home page each role gets (seeds 002: Educator—Roster sees neither
 * Administrator Tools nor Search by School), password sign-in with lockout, Logout, the Session
 * Expired dialog, and the audit log of the searches made. The six SSIDs of Table 1 per teacher
 * role are in students.e2e.ts.
 */

import { seedUser } from '@cers/db/test';
import { hashPassword } from '@cers/server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resetPassword } from '../packages/cli/src/commands/user.js';
import { screenshot, useSandboxE2e } from './harness.js';
import { enterSandbox, expectAccessible, searchByStudent } from './students-helpers.js';

const PASSWORD = 'Long-enough-pass-2025';
const RESET_USER = 'reset.teacher@district.example';

// No in-process session cache: the Session Expired test ends the session in the database, out
// of band (as the cers CLI or another server process would), and expects the very next request
// to see it; with the cache that takes up to AUTH_CACHE_SECONDS (docs/access.md §Session cache).
const e2e = useSandboxE2e({
  env: { AUTH_CACHE_SECONDS: '0' },
  prepare: async (cers) => {
    const elementary = await cers.db
      .selectFrom('organizations')
      .select('id')
      .where('name', '=', 'Sample Elementary School')
      .executeTakeFirstOrThrow();
    const teacher = await cers.db.selectFrom('users').select('id').where('login', 'like', 'teacher.elementary@%').executeTakeFirstOrThrow();
    const group = await cers.db
      .selectFrom('studentGroupTeachers')
      .select('groupId')
      .where('userId', '=', teacher.id)
      .executeTakeFirstOrThrow();
    const roster = await seedUser(cers.db, {
      login: 'roster.teacher@district.example',
      displayName: 'Robin Roster',
      roles: [{ role: 'EDUCATOR_ROSTER', organizationId: elementary.id }],
    });
    await cers.db.insertInto('studentGroupTeachers').values({ groupId: group.groupId, userId: roster }).execute();
    await cers.db
      .updateTable('users')
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where('id', '=', roster)
      .execute();
    await seedUser(cers.db, {
      login: RESET_USER,
      displayName: 'Rene Reset',
      roles: [{ role: 'TEST_EXAMINER', organizationId: elementary.id }],
    });
  },
});
const newPage = () => e2e.newPage();

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

describe('the Logon page and the CERS Sandbox', () => {
  it('sends a signed-out visitor to Logon, which offers the CERS Sandbox button', async () => {
    const page = await newPage();
    try {
      await page.goto(`${e2e.server.url}/students/1`);
      await page.waitForURL(/\/signin\?next=%2Fstudents%2F1/);
      await heading(page, 'Logon').waitFor();
      expect(await page.getByLabel('Email Address').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Secure Logon' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Forgot Your Password?' }).count()).toBe(1);
      await expectAccessible(page, 'the Logon page');
      await screenshot(page, 'access-logon');
      await page.getByRole('link', { name: 'CERS Sandbox' }).click();
      await heading(page, 'CERS Sandbox').waitFor();
      // the roles arrive after the page (GET /api/sandbox/personas)
      await page.getByRole('radio').first().waitFor();
      for (const role of ['Teacher: Sample Elementary School', 'Teacher: Sample Middle School', 'Teacher: Sample High School']) {
        expect(await page.getByRole('radio', { name: role }).count(), role).toBe(1);
      }
      expect(await page.getByRole('radio').count()).toBe(5);
      expect(await page.getByRole('button', { name: 'Enter Sandbox' }).isDisabled()).toBe(true);
      await expectAccessible(page, 'the Sandbox page');
      await screenshot(page, 'access-sandbox-roles');
    } finally {
      await page.context().close();
    }
  });

  it.each([
    'Teacher: Sample Elementary School',
    'Teacher: Sample Middle School',
    'Teacher: Sample High School',
  ])('enters as %s: banner, Search by Student and groups, no administrator tools', async (role) => {
    const page = await newPage();
    try {
      await enterSandbox(page, e2e.server.url, role);
      expect(await page.getByRole('note', { name: 'CERS Sandbox' }).textContent()).toMatch(/generated and fictitious/);
      await heading(page, 'Assigned Groups')
        .or(page.getByRole('tab', { name: 'Assigned Groups' }))
        .first()
        .waitFor();
      expect(await page.getByRole('tab', { name: 'My Groups' }).or(heading(page, 'My Groups')).count()).toBeGreaterThan(0);
      expect(await heading(page, 'Administrator Tools').count()).toBe(0);
      expect(await heading(page, 'Search by School').count()).toBe(0);
      await expectAccessible(page, `home page of ${role}`);
      await screenshot(page, `access-home-${role.split(': ')[1]?.replaceAll(' ', '-')}`);
    } finally {
      await page.context().close();
    }
  });

  it('enters as the district administrator: Administrator Tools (Audit Log), Search by School; the log shows the searches', async () => {
    const page = await newPage();
    try {
      // a teacher's searches first, so the audit log has entries
      await enterSandbox(page, e2e.server.url, 'Teacher: Sample Elementary School');
      await searchByStudent(page, '1000003718');
      await page.getByTestId('student-results-card').first().waitFor();
      await page.getByRole('button', { name: 'Logout' }).click();
      await heading(page, 'CERS Sandbox').waitFor();

      await page.getByRole('radio', { name: /District Administrator/ }).check();
      await page.getByRole('button', { name: 'Enter Sandbox' }).click();
      const tools = page.getByRole('region', { name: 'Administrator Tools' });
      await tools.waitFor();
      expect(await heading(page, 'Search by School').count()).toBe(1);
      await expectAccessible(page, 'home page of the district administrator');
      await screenshot(page, 'access-home-district-admin');
      await tools.getByRole('link', { name: 'Audit Log' }).click();
      await heading(page, 'Audit Log').waitFor();
      await page.getByLabel('Student SSID').fill('1000003718');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('cell', { name: 'teacher.elementary@sandbox.cers.example' }).first().waitFor();
      await expectAccessible(page, 'the audit log');
      await screenshot(page, 'access-audit-log');

      // An old bookmark of a page CERS does not have: a message and the way Home.
      await page.goto(`${e2e.server.url}/custom-export`);
      await heading(page, 'Page not found').waitFor();
      await expectAccessible(page, 'Page not found');
      await page.getByRole('link', { name: 'Go to Home' }).click();
      await page.getByRole('region', { name: 'Administrator Tools' }).waitFor();
    } finally {
      await page.context().close();
    }
  });
});

describe('password sign-in, Logout and Session Expired', () => {
  it('signs an Educator—Roster in: groups and search, but no Administrator Tools and no Search by School', async () => {
    const page = await newPage();
    try {
      await page.goto(`${e2e.server.url}/signin`);
      await page.getByLabel('Email Address').fill('roster.teacher@district.example');
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Secure Logon' }).click();
      await heading(page, 'Search by Student').waitFor();
      expect(await page.getByRole('note', { name: 'CERS Sandbox' }).count()).toBe(0);
      expect(await heading(page, 'Administrator Tools').count()).toBe(0);
      expect(await heading(page, 'Search by School').count()).toBe(0);
      expect(await page.getByText('Educator—Roster').count()).toBeGreaterThan(0);

      // The session ends on the server (idle timeout): the next request shows Session Expired.
      await e2e.cers.db.deleteFrom('sessions').execute();
      await searchByStudent(page, '1000003718');
      const dialog = page.getByRole('dialog', { name: 'Session Expired' });
      await dialog.waitFor();
      await expectAccessible(page, 'the Session Expired dialog');
      await screenshot(page, 'access-session-expired');
      await dialog.getByRole('button', { name: 'Sign In Again' }).click();
      await page.waitForURL(/\/signin\?next=/);
      await heading(page, 'Logon').waitFor();
      expect(await page.getByText('1000003718').count(), 'no student data left on screen').toBe(0);

      // Sign in again: back where the user was.
      await page.getByLabel('Email Address').fill('roster.teacher@district.example');
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Secure Logon' }).click();
      await page.waitForURL(/ssid=1000003718/);
      await page.getByRole('button', { name: 'Logout' }).click();
      await heading(page, 'Logon').waitFor();
      await page.goBack();
      await heading(page, 'Logon').waitFor();
    } finally {
      await page.context().close();
    }
  });

  it('tells the user about a wrong password, then about the lockout after five failures', async () => {
    const page = await newPage();
    try {
      await page.goto(`${e2e.server.url}/signin`);
      await page.getByLabel('Email Address').fill('roster.teacher@district.example');
      for (let i = 1; i <= 5; i++) {
        await page.getByLabel(/^Password/).fill(`wrong-password-${i}`);
        await page.getByRole('button', { name: 'Secure Logon' }).click();
        const expected = i < 5 ? /email address or password is incorrect/ : /locked/;
        await expect.poll(() => page.getByRole('alert').textContent()).toMatch(expected);
      }
      expect(await page.getByRole('alert').textContent()).toMatch(/Try again in 15 minutes/);
      await screenshot(page, 'access-locked');
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Secure Logon' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/locked/);
      expect(page.url()).toContain('/signin');
    } finally {
      await page.context().close();
    }
  });

  it('sets a new password with the one-time link an administrator issued, signs in with it, and the link works once', async () => {
    // What `cers user reset-password --login … --base-url …` prints: the link with the token in its fragment.
    const printed = await resetPassword(e2e.cers, { login: RESET_USER, baseUrl: e2e.server.url, hours: 1 });
    const link = printed.split('\n').find((line) => line.startsWith(`${e2e.server.url}/reset-password#token=`));
    if (!link) throw new Error(`no link in: ${printed}`);
    const newPassword = 'Brand-new-pass-2026';
    const page = await newPage();
    try {
      await page.goto(link);
      await heading(page, 'Set a New Password').waitFor();
      await page.getByLabel(/^New Password/).fill(newPassword);
      await page.getByLabel(/^Confirm New Password/).fill(`${newPassword}x`);
      await page.getByRole('button', { name: 'Save Password' }).click();
      await page.getByText('The two passwords do not match.').waitFor();
      await expectAccessible(page, 'the Set a New Password page with a mismatch');
      await page.getByLabel(/^Confirm New Password/).fill(newPassword);
      await page.getByRole('button', { name: 'Save Password' }).click();
      await heading(page, 'Password Changed').waitFor();
      await page.getByRole('link', { name: 'Go to Logon' }).click();
      await page.getByLabel('Email Address').fill(RESET_USER);
      await page.getByLabel(/^Password/).fill(newPassword);
      await page.getByRole('button', { name: 'Secure Logon' }).click();
      await heading(page, 'Search by Student').waitFor();
      expect(await page.getByText('Rene Reset').count()).toBeGreaterThan(0);

      // The same link again: refused with a message, the password stays.
      await page.goto(link);
      await page.getByLabel(/^New Password/).fill('Another-new-pass-2027');
      await page.getByLabel(/^Confirm New Password/).fill('Another-new-pass-2027');
      await page.getByRole('button', { name: 'Save Password' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/link/i);
      expect(await heading(page, 'Password Changed').count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });
});
