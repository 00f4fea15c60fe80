/**
 * User documents (seeds 001), "Search Results by Group" and the summative / interim feature videos,
 * followed literally for a teacher of each sandbox school:
 *   Enter Sandbox as the teacher → select a Group Name in Assigned Groups → Select Assessments (or
 *   the plus icon) → choose the desired assessment → x on the default → Show Results → each option
 *   of the Results by Student drop-down (Overall/Composite/Domain toggles, Writing Trait Scores,
 *   Target Report, Lexile/Quantile Report, Results by Item with the item tabs, Key/Distractor).
 * Numbers on screen are checked against values computed here, straight from the database:
 * distribution counts, mean ± standard error, a distractor percentage and a target classification.
 */
import { sql } from 'kysely';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { downloaded, screenshot, useSandboxE2e } from './harness.js';
import { enterSandbox, expectAccessible } from './students-helpers.js';

const e2e = useSandboxE2e();

type Summary = {
  id: number;
  label: string;
  grade: string;
  type: string;
  subject: string;
  views: string[];
  scoreTypes: string[];
  studentsTested: number | null;
};
type Member = { kind: 'group' | 'user-group' | 'school'; id: number };

// ---------------------------------------------------------------- independent figures from the database

/** The latest exam of each member on an assessment (one result per student), computed here. */
async function latestExams(member: Member, assessmentId: number) {
  const members =
    member.kind === 'group'
      ? sql`select student_id from student_group_members where group_id = ${member.id}`
      : member.kind === 'user-group'
        ? sql`select student_id from user_group_members where user_group_id = ${member.id}`
        : sql`select student_id from exams where school_id = ${member.id} and assessment_id = ${assessmentId}`;
  const atSchool = member.kind === 'school' ? sql`and e.school_id = ${member.id}` : sql``;
  const { rows } = await sql<{ id: number; districtId: number; achievementLevel: number | null; scaleScore: number | null }>`
    select distinct on (e.student_id) e.id, e.district_id, e.achievement_level, e.scale_score
    from exams e where e.assessment_id = ${assessmentId} and e.student_id in (${members}) ${atSchool}
    order by e.student_id, e.completed_at desc, e.id desc`.execute(e2e.cers.db);
  return rows;
}

async function dbDistribution(member: Member, assessmentId: number) {
  const exams = await latestExams(member, assessmentId);
  const counts = new Map<number, number>();
  for (const e of exams) if (e.achievementLevel !== null) counts.set(e.achievementLevel, (counts.get(e.achievementLevel) ?? 0) + 1);
  const scores = exams.map((e) => e.scaleScore).filter((v): v is number => v !== null);
  const n = scores.length;
  const mean = scores.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(scores.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  return { tested: exams.length, counts, mean, se: sd / Math.sqrt(n) };
}

/** Share of responding students whose answer contains the key option of an item. */
async function dbKeyPercent(member: Member, assessmentId: number, itemId: number) {
  const exams = await latestExams(member, assessmentId);
  const { rows } = await sql<{ response: string | null }>`
    select ei.response from exam_items ei
    where ei.item_id = ${itemId} and ei.exam_id = any(${exams.map((e) => e.id)}::int[])`.execute(e2e.cers.db);
  const item = await e2e.cers.db.selectFrom('items').select(['answerKey']).where('id', '=', itemId).executeTakeFirstOrThrow();
  const key = (item.answerKey ?? '').toUpperCase().split(/[,;| ]+/)[0] ?? '';
  const answered = rows.map((r) => (r.response ?? '').trim().toUpperCase()).filter((r) => r !== '');
  const chose = answered.filter((r) => r.split(/[,;| ]+/).includes(key)).length;
  return { key, percent: Math.round((chose * 100) / answered.length), count: chose, responders: answered.length };
}

/** domain.md §Target report, computed here from the residuals. */
async function dbTargetResult(member: Member, assessmentId: number, targetCode: string) {
  const exams = await latestExams(member, assessmentId);
  const { rows } = await sql<{ r: number }>`
    select ts.student_relative_residual as r from exam_target_scores ts join targets t on t.id = ts.target_id
    where t.natural_id = ${targetCode} and ts.exam_id = any(${exams.map((e) => e.id)}::int[])
      and ts.student_relative_residual is not null`.execute(e2e.cers.db);
  const values = rows.map((x) => x.r);
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const se = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) / Math.sqrt(n);
  if (se > 0.2) return 'Insufficient Data';
  return mean >= se ? 'Better' : mean <= -se ? 'Worse' : 'Similar';
}

// ---------------------------------------------------------------- steps of the user documents

const newPage = () => e2e.newPage({ viewport: { width: 1360, height: 1000 } });

async function api<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
}

const card = (page: Page, assessmentId: number) => page.locator(`section.cers-card[data-assessment="${assessmentId}"]`);

/** "Select the Select Assessments button or Plus icon … Select the desired assessment." */
async function addAssessment(page: Page, label: string, how: 'plus' | 'button'): Promise<void> {
  const section = page.getByRole('region', { name: 'Selected Assessments' });
  if (how === 'plus') await section.getByRole('button', { name: 'Add assessments' }).click();
  else await section.getByRole('button', { name: 'Select Assessments' }).click();
  const dialog = page.getByRole('dialog', { name: 'Select Assessments' });
  const box = dialog.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(label)} \\(`) });
  await box.waitFor();
  await page.waitForTimeout(400); // the dialog's opening transition
  await box.click();
  await expect.poll(() => box.isChecked()).toBe(true);
  await expectAccessible(page, 'the Select Assessments dialog');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "Select the Show Results expansion link in the Results section under the Student Score Distribution." */
async function showResults(c: Locator): Promise<void> {
  await c.getByRole('button', { name: 'Show Results' }).click();
  await c.getByRole('button', { name: 'Hide Results' }).waitFor();
}

/** "Change the Results by Student drop-down menu to …" */
async function chooseView(c: Locator, label: string): Promise<void> {
  await c.getByLabel('Select a results view').selectOption({ label });
}

/** Distribution counts, mean ± SE and percent at or above the standard on screen = database figures. */
async function expectDistribution(c: Locator, member: Member, assessmentId: number): Promise<void> {
  const db = await dbDistribution(member, assessmentId);
  const table = c.getByTestId('distribution-table');
  await table.waitFor();
  const cells = await table
    .locator('td[data-level]')
    .evaluateAll((tds) => tds.map((td) => [Number(td.getAttribute('data-level')), td.textContent?.trim()]));
  expect(cells.length).toBeGreaterThan(0);
  for (const [level, text] of cells) expect(Number(text), `students at level ${level}`).toBe(db.counts.get(level as number) ?? 0);
  await expect.poll(() => c.getByTestId('students-tested').textContent()).toBe(String(db.tested));
  expect(await c.getByTestId('average-scale-score').textContent()).toBe(`${Math.round(db.mean)} ± ${Math.round(db.se)}`);
}

type Flow = { role: string; key: string; how: 'plus' | 'button' };

const FLOWS: Flow[] = [
  { role: 'Teacher: Sample Elementary School', key: 'elementary', how: 'plus' },
  { role: 'Teacher: Sample Middle School', key: 'middle', how: 'button' },
  { role: 'Teacher: Sample High School', key: 'high', how: 'plus' },
];

describe.each(FLOWS)('group results for $role', ({ role, key, how }) => {
  it('goes through every view of a group and shows the database’s numbers', async () => {
    const page = await newPage();
    try {
      await enterSandbox(page, e2e.server.url, role);
      // Pick, among the teacher's assigned groups, one with an interim that has selected-response items.
      const groups = await api<{ groups: { id: number; name: string }[] }>(page, '/api/groups');
      let chosen: { id: number; name: string; assessments: Summary[]; defaults: number[] } | undefined;
      for (const g of groups.groups) {
        const a = await api<{ assessments: Summary[]; defaultAssessmentIds: number[] }>(page, `/api/results/assessments?groupId=${g.id}`);
        const hasInterim = a.assessments.some((x) => x.views.includes('distractors'));
        const hasEla = a.assessments.some((x) => x.type === 'sum' && x.subject === 'ELA' && x.views.includes('lexile'));
        if (hasInterim && hasEla) {
          chosen = { ...g, assessments: a.assessments, defaults: a.defaultAssessmentIds };
          break;
        }
      }
      if (!chosen) throw new Error(`no group of ${role} has an interim with items and an ELA summative`);
      const member: Member = { kind: 'group', id: chosen.id };

      // 1. Select a Group Name in the Assigned Groups panel.
      await page.getByRole('link', { name: chosen.name, exact: true }).click();
      await page.waitForURL(new RegExp(`/groups/${chosen.id}`));
      await page.getByRole('heading', { name: chosen.name, level: 2 }).waitFor();
      const defaultId = chosen.defaults[0] as number;
      const defaultLabel = chosen.assessments.find((a) => a.id === defaultId)?.label as string;
      await card(page, defaultId).waitFor();
      await screenshot(page, `group-results-${key}-1-default`);

      // 2–3. Select Assessments / plus icon → choose an interim block with items.
      const interim =
        chosen.assessments.find((a) => a.views.includes('distractors') && a.type !== 'ica') ??
        chosen.assessments.find((a) => a.views.includes('distractors'));
      if (!interim) throw new Error('no interim');
      await addAssessment(page, interim.label, how);
      // 4. Deselect the default assessment with its x button, so only the desired one shows.
      await page
        .getByRole('region', { name: 'Selected Assessments' })
        .getByRole('button', { name: `Remove ${defaultLabel}` })
        .click();
      await expect.poll(() => page.locator('section.cers-card').count()).toBe(1);
      const ic = card(page, interim.id);
      await expectDistribution(ic, member, interim.id);

      // 5. Show Results → Results by Student.
      await showResults(ic);
      const rows = ic.getByTestId('student-results-table').locator('tbody tr');
      await expect.poll(() => rows.count()).toBe((await latestExams(member, interim.id)).length);
      await screenshot(page, `group-results-${key}-2-interim-students`);

      // Results by Item → select an item number → the four tabs.
      await chooseView(ic, 'Results by Item');
      await ic.getByTestId('items-table').waitFor();
      await screenshot(page, `group-results-${key}-3-results-by-item`);
      await expectAccessible(page, `Results by Item of ${role}`);
      await ic
        .getByTestId('items-table')
        .getByRole('button', { name: /^Item \d+ details$/ })
        .first()
        .click();
      const dialog = page.getByRole('dialog');
      for (const tab of ['Student Points and Responses', 'Item Viewer', 'Rubric and Exemplar', 'Item Information']) {
        await dialog.getByRole('tab', { name: tab }).click();
        await dialog.getByRole('tabpanel', { name: tab }).waitFor();
        await expectAccessible(page, `item detail, ${tab}`);
      }
      await screenshot(page, `group-results-${key}-4-item-information`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });

      // Key/Distractor Analysis: the key's percentage = responses in the database.
      await chooseView(ic, 'Key/Distractor Analysis');
      await page
        .locator('label')
        .filter({ hasText: /^Percent$/ })
        .click();
      await expect.poll(() => page.getByRole('radio', { name: 'Percent' }).isChecked()).toBe(true);
      const firstRow = ic.getByTestId('distractor-table').locator('tbody tr').first();
      await firstRow.waitFor();
      const itemId = Number(await firstRow.getAttribute('data-item-id'));
      const expected = await dbKeyPercent(member, interim.id, itemId);
      const keyCell = firstRow.locator(`td[data-option="${expected.key}"]`);
      await expect.poll(() => keyCell.getAttribute('data-key')).toBe('true');
      expect((await keyCell.textContent())?.trim()).toBe(`${expected.percent}% (${expected.count}) (key)`);
      await screenshot(page, `group-results-${key}-5-key-distractor`);
      await expectAccessible(page, `Key/Distractor Analysis of ${role}`);
      await page
        .locator('label')
        .filter({ hasText: /^Number$/ })
        .click();

      // The ELA summative (plus icon again): distribution, Overall/Composite, each view.
      const ela = chosen.assessments.find((a) => a.type === 'sum' && a.subject === 'ELA' && a.views.includes('lexile')) as Summary;
      await addAssessment(page, ela.label, 'plus');
      const ec = card(page, ela.id);
      await expectDistribution(ec, member, ela.id);
      if (ela.scoreTypes.includes('composite')) {
        await ec.getByRole('button', { name: 'Composite', exact: true }).click();
        await ec.getByTestId('subscore-table').waitFor();
        await screenshot(page, `group-results-${key}-6-composite`);
        await ec.getByRole('button', { name: 'Overall', exact: true }).click();
      }
      await showResults(ec);
      await ec.getByTestId('student-results-table').waitFor();
      for (const [view, testId] of [
        ['Writing Trait Scores', 'trait-distribution'],
        ['Lexile Report', 'measure-table'],
      ] as const) {
        if (!ela.views.includes(view === 'Writing Trait Scores' ? 'writing-traits' : 'lexile')) continue;
        await chooseView(ec, view);
        await ec.getByTestId(testId).first().waitFor();
        await screenshot(page, `group-results-${key}-7-${testId}`);
        await expectAccessible(page, `${view} of ${role}`);
      }
      if (ela.views.includes('targets')) {
        await chooseView(ec, 'Target Report');
        await ec.getByLabel('Subgroups').waitFor();
        await expect
          .poll(async () => (await ec.getByText(/30 or more students/).count()) + (await ec.getByTestId('target-table').count()))
          .toBeGreaterThan(0);
        await screenshot(page, `group-results-${key}-8-target-report`);
      }

      // Math summative: Quantile Report.
      const math = chosen.assessments.find((a) => a.type === 'sum' && a.subject === 'Math' && a.views.includes('quantile'));
      if (math) {
        await addAssessment(page, math.label, 'button');
        const mc = card(page, math.id);
        await expectDistribution(mc, member, math.id);
        await showResults(mc);
        await chooseView(mc, 'Quantile Report');
        await mc.getByTestId('measure-table').waitFor();
        expect(await mc.getByTestId('measure-table').locator('tbody tr').first().textContent()).toMatch(/Q/);
        await screenshot(page, `group-results-${key}-9-quantile`);
        await expectAccessible(page, `Quantile Report of ${role}`);
      }

      // CAST (Overall / Domain) or ELPAC (Overall / Composite / Domain) where the group has them.
      const other = chosen.assessments.find((a) => a.type === 'sum' && a.scoreTypes.includes('domain'));
      if (other) {
        await addAssessment(page, other.label, 'plus');
        const oc = card(page, other.id);
        await oc.getByRole('button', { name: 'Domain', exact: true }).click();
        await oc.getByTestId('subscore-table').waitFor();
        await screenshot(page, `group-results-${key}-10-domain`);
        await expectAccessible(page, `domain scores of ${role}`);
      }

      // The page is linkable: reloading keeps the selection, the open results and the view.
      const before = page.url();
      await page.reload();
      await card(page, ela.id).getByRole('button', { name: 'Hide Results' }).waitFor();
      expect(page.url()).toBe(before);
      await expectAccessible(page, `group results of ${role}`);
    } finally {
      await page.context().close();
    }
  });
});

describe('Target Report of a group of 30 or more (My Groups, Teacher: Sample Middle School)', () => {
  it('classifies a target as the database’s residuals say', async () => {
    const page = await newPage();
    try {
      await enterSandbox(page, e2e.server.url, 'Teacher: Sample Middle School');
      const me = await api<{ csrfToken: string }>(page, '/api/me');
      const groups = await api<{ groups: { id: number; name: string; subjects: string[] | null }[] }>(page, '/api/groups');
      // The grade-8 students of the teacher's groups that open ELA (all-subject advisory and the ELA
      // section): more than 30 took the ELA summative. My Groups never widen access, so students
      // seen only through a Math or Science section would not show their ELA results.
      const ids = groups.groups
        .filter((g) => g.name.startsWith('Grade 8') && (g.subjects === null || g.subjects.includes('ELA')))
        .map((g) => g.id);
      const { rows } = await sql<{
        studentId: number;
      }>`select distinct student_id from student_group_members where group_id = any(${ids}::int[])`.execute(e2e.cers.db);
      const created = await page.evaluate(
        async ({ csrf, studentIds }) => {
          const res = await fetch('/api/my-groups', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
            body: JSON.stringify({ name: 'Grade 8 Target Report', subjects: null, studentIds }),
          });
          return res.json();
        },
        { csrf: me.csrfToken, studentIds: rows.map((r) => r.studentId) },
      );
      const userGroupId = (created.group?.id ?? created.id) as number;
      const member: Member = { kind: 'user-group', id: userGroupId };

      // Select a Group Name in the My Groups panel.
      await page.goto(`${e2e.server.url}/`);
      await page.getByRole('tab', { name: 'My Groups' }).click();
      await page.getByRole('link', { name: 'Grade 8 Target Report', exact: true }).click();
      await page.waitForURL(new RegExp(`/my-groups/${userGroupId}`));
      const list = await api<{ assessments: Summary[]; defaultAssessmentIds: number[] }>(
        page,
        `/api/results/assessments?userGroupId=${userGroupId}`,
      );
      const ela = list.assessments.find((a) => a.type === 'sum' && a.subject === 'ELA' && a.views.includes('targets')) as Summary;
      expect(ela.studentsTested).toBeGreaterThanOrEqual(30);
      if (!list.defaultAssessmentIds.includes(ela.id)) await addAssessment(page, ela.label, 'plus');
      const ec = card(page, ela.id);
      await expectDistribution(ec, member, ela.id);
      await showResults(ec);
      await chooseView(ec, 'Target Report');
      const table = ec.getByTestId('target-table');
      await table.waitFor();
      const first = table.locator('tbody tr').first();
      const cells = await first.locator('td').allTextContents();
      const targetCode = (cells[1] ?? '').trim().split(/\s+/)[0] as string;
      const expected = await dbTargetResult(member, ela.id, targetCode);
      expect(cells[4]?.replace(/[▲▼●]/g, '').trim()).toBe(expected);
      await screenshot(page, 'group-results-middle-target-report');
      await expectAccessible(page, 'Target Report');
    } finally {
      await page.context().close();
    }
  });
});

describe('School/Grade results from Search by School (School Administrator: Sample High School)', () => {
  it('opens a grade of the school with the database’s distribution and no Target Report', async () => {
    const page = await newPage();
    try {
      await enterSandbox(page, e2e.server.url, 'School Administrator: Sample High School');
      const region = page.getByRole('region', { name: 'Search by School' });
      // Mantine selects: open, wait for the dropdown's transition, choose, check the value.
      const choose = async (label: string, option: string, type?: string) => {
        const box = region.getByRole('textbox', { name: label, exact: true });
        if (type) await box.fill(type);
        else await box.click();
        await page.waitForTimeout(400);
        await page.getByRole('option', { name: option, exact: true }).first().click();
        await page.waitForTimeout(300);
        if ((await box.inputValue()) !== option) {
          // keyboard: open the list, arrow down to the option, Enter
          await box.click();
          await page.waitForTimeout(300);
          const names = await page.getByRole('listbox').last().getByRole('option').allTextContents();
          for (let i = 0; i <= names.indexOf(option); i++) await page.keyboard.press('ArrowDown');
          await page.keyboard.press('Enter');
        }
        await expect.poll(() => box.inputValue()).toBe(option);
        await page.waitForTimeout(300);
      };
      await choose('School', 'Sample High School', 'Sample High');
      await choose('Grade', 'Grade 11');
      await choose('School Year', '2025–26');
      await region.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/\/schools\/\d+\?grade=11/);
      const schoolId = Number(/\/schools\/(\d+)/.exec(page.url())?.[1]);
      const list = await api<{ assessments: Summary[]; defaultAssessmentIds: number[] }>(
        page,
        `/api/results/assessments?schoolId=${schoolId}&grade=11&year=2026`,
      );
      const ela = list.assessments.find((a) => a.id === list.defaultAssessmentIds[0]) as Summary;
      expect(ela.views).not.toContain('targets');
      const c = card(page, ela.id);
      await expectDistribution(c, { kind: 'school', id: schoolId }, ela.id);

      // Every table exports what it shows: the distribution's CSV holds the database's counts…
      const csvLines = (bytes: Buffer) =>
        bytes
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n');
      const dist = csvLines(await downloaded(page, () => c.getByRole('button', { name: /^Export CSV: .*students per level$/ }).click()));
      const order = await c
        .getByTestId('distribution-table')
        .locator('td[data-level]')
        .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-level'))));
      const expected = await dbDistribution({ kind: 'school', id: schoolId }, ela.id);
      expect(dist).toHaveLength(2);
      expect(dist[1]?.split(',').map(Number)).toEqual(order.map((level) => expected.counts.get(level) ?? 0));
      // …and Compare years shows a table per school year that exports row for row.
      await c.getByRole('button', { name: 'Compare years' }).click();
      const compare = c.getByTestId('compare-years-table');
      await compare.waitFor();
      const years = await compare.locator('tbody tr').count();
      expect(years).toBeGreaterThan(0);
      const exported = csvLines(await downloaded(page, () => c.getByRole('button', { name: /^Export CSV: Compare years/ }).click()));
      expect(exported[0]).toMatch(/^School Year,Assessment,Students,Average Scale Score/);
      expect(exported).toHaveLength(years + 1);
      await expectAccessible(page, 'Compare years');
      await c.getByRole('button', { name: 'Hide year comparison' }).click();
      await showResults(c);
      const rows = c.getByTestId('student-results-table').locator('tbody tr');
      await expect.poll(() => rows.count()).toBe((await latestExams({ kind: 'school', id: schoolId }, ela.id)).length);
      // The Target Report is listed as not available, and the page says why.
      const options = await c.getByLabel('Select a results view').locator('option').allTextContents();
      expect(options).not.toContain('Target Report');
      expect(options).toContain('Target Report (not available)');
      expect(await c.getByLabel('Select a results view').locator('option', { hasText: 'Target Report' }).isDisabled()).toBe(true);
      expect(await c.getByTestId('unavailable-views').textContent()).toContain(
        'Target Report: The Target Report is shown for student groups, not for a whole school or grade.',
      );
      await screenshot(page, 'group-results-school-grade');
      await expectAccessible(page, 'School/Grade results');

      // All Grades: the whole school on one page — every grade's assessments of the year, and the
      // same numbers for an assessment as on its grade's page.
      await page.goto(`${e2e.server.url}/`);
      const again = page.getByRole('region', { name: 'Search by School' });
      await again.waitFor();
      await choose('School', 'Sample High School', 'Sample High');
      await choose('Grade', 'All Grades');
      await choose('School Year', '2025–26');
      await again.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('heading', { name: 'Sample High School — All Grades', level: 2 }).waitFor();
      expect(page.url()).not.toContain('grade=');
      const whole = await api<{ assessments: Summary[]; defaultAssessmentIds: number[] }>(
        page,
        `/api/results/assessments?schoolId=${schoolId}&year=2026`,
      );
      const { rows: gradesInDb } = await sql<{ grade: string }>`
        select distinct a.grade from exams e join assessments a on a.id = e.assessment_id
        where e.school_id = ${schoolId} and a.school_year = 2026 order by a.grade`.execute(e2e.cers.db);
      expect([...new Set(whole.assessments.map((a) => a.grade))].sort()).toEqual(gradesInDb.map((g) => g.grade));
      expect(gradesInDb.length).toBeGreaterThan(1);
      if (!whole.defaultAssessmentIds.includes(ela.id)) await addAssessment(page, ela.label, 'button');
      await expectDistribution(card(page, ela.id), { kind: 'school', id: schoolId }, ela.id);
      await screenshot(page, 'group-results-whole-school');
      await expectAccessible(page, 'whole-school results');
    } finally {
      await page.context().close();
    }
  });
});

describe('Instructional resources (District Administrator: Sample District → Teacher)', () => {
  it('creates a District Resources link that the teacher’s card then offers, edits and deletes it', async () => {
    const admin = await newPage();
    const teacher = await newPage();
    try {
      await enterSandbox(teacher, e2e.server.url, 'Teacher: Sample Elementary School');
      const groups = await api<{ groups: { id: number; name: string }[] }>(teacher, '/api/groups');
      const group = groups.groups[0] as { id: number; name: string };
      const list = await api<{ assessments: Summary[]; defaultAssessmentIds: number[] }>(
        teacher,
        `/api/results/assessments?groupId=${group.id}`,
      );
      const target = list.assessments.find((a) => a.id === list.defaultAssessmentIds[0]) as Summary;
      const { name: assessmentName } = await e2e.cers.db
        .selectFrom('assessments')
        .select('name')
        .where('id', '=', target.id)
        .executeTakeFirstOrThrow();

      await enterSandbox(admin, e2e.server.url, 'District Administrator: Sample District');
      await admin.getByRole('link', { name: 'Instructional Resources' }).first().click();
      await admin.getByRole('heading', { name: 'Instructional Resources', level: 2 }).waitFor();
      await admin.getByRole('button', { name: 'Create' }).click();
      const dialog = admin.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Find organization' }).fill('Sample District');
      const org = dialog.getByRole('combobox', { name: 'Organization' });
      await expect.poll(() => org.locator('option').count()).toBeGreaterThan(1);
      await org.selectOption({ label: 'Sample District (district)' });
      await dialog.getByRole('textbox', { name: 'Title' }).fill('E2E district lessons');
      await dialog.getByRole('textbox', { name: 'URL' }).fill('https://lessons.example.org/e2e');
      await dialog.getByRole('textbox', { name: 'Find assessment' }).fill(assessmentName);
      const assessment = dialog.getByRole('combobox', { name: 'Assessment', exact: true });
      await expect.poll(() => assessment.locator(`option[value="${assessmentName}"]`).count()).toBe(1);
      await assessment.selectOption({ value: assessmentName });
      await expectAccessible(admin, 'the instructional resource form');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await admin.getByRole('textbox', { name: 'Search' }).fill('E2E district');
      await admin.getByRole('cell', { name: 'E2E district lessons', exact: true }).waitFor();
      await screenshot(admin, 'group-results-instructional-resources');

      await teacher.goto(`${e2e.server.url}/groups/${group.id}`);
      const c = card(teacher, target.id);
      // Until the card's resources have loaded, District Resources is a disabled button; then it is
      // a link (one resource) or a menu button (several).
      const button = c
        .getByRole('link', { name: 'District Resources' })
        .or(c.getByRole('button', { name: 'District Resources', disabled: false }));
      await button.first().waitFor();
      if ((await c.getByRole('link', { name: 'District Resources' }).count()) > 0) {
        expect(await c.getByRole('link', { name: 'District Resources' }).getAttribute('href')).toBe('https://lessons.example.org/e2e');
      } else {
        await c.getByRole('button', { name: 'District Resources' }).click();
        await teacher.getByRole('menuitem', { name: /E2E district lessons/ }).waitFor();
      }

      await admin.getByRole('button', { name: 'Edit E2E district lessons' }).click();
      await dialog.getByRole('textbox', { name: 'Title' }).fill('E2E district lessons, revised');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await admin.getByRole('cell', { name: 'E2E district lessons, revised', exact: true }).waitFor();
      await admin.getByRole('button', { name: 'Delete E2E district lessons, revised' }).click();
      await admin.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await expect.poll(() => admin.getByRole('cell', { name: 'E2E district lessons, revised', exact: true }).count()).toBe(0);
      await expectAccessible(admin, 'Instructional Resources');
    } finally {
      await admin.context().close();
      await teacher.context().close();
    }
  });
});
