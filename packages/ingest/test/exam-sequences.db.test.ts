import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CersDb } from '@cers/db';
import { testDbTargets } from '@cers/db/test';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRunner } from '../src/runner.js';
import { count, FIXTURES, importFixture, newRunner, seedAssessmentFromTrt, seedFixtureSchools } from './helpers.js';

const targets = await testDbTargets();

describe.each(targets)('trt/reset-and-infer-school on $name', ({ create }) => {
  let cers: CersDb;
  let runner: ImportRunner;
  let schools: Awaited<ReturnType<typeof seedFixtureSchools>>;
  const dir = 'trt/reset-and-infer-school';
  const student = () =>
    cers.db
      .selectFrom('students')
      .select(['id', 'firstName', 'inferredSchoolId', 'inferredDistrictId'])
      .where('ssid', '=', 'AFOURTHGRADER17')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    cers = await create();
    schools = await seedFixtureSchools(cers.db);
    await seedAssessmentFromTrt(cers.db, `${dir}/SBAC-IAB-FIXED-G4M-G-MATH-4.xml`, { subject: 'Math', grade: '04', type: 'iab' });
    runner = newRunner(cers);
  });
  afterAll(async () => cers.close());

  it('1. creates the exam; inferred school = APTEST1; StudentGroupName "Math" joins/creates the group', async () => {
    expect((await importFixture(runner, `${dir}/SBAC-IAB-FIXED-G4M-G-MATH-4.xml`)).status).toBe('PROCESSED');
    expect(await count(cers.db, 'exams', "opportunity_id = '100150'")).toBe(1);
    const s = await student();
    expect(s.inferredSchoolId).toBe(schools.APTEST1?.id);
    expect(s.inferredDistrictId).toBe(schools.APTEST1?.districtId);
    const groups = await cers.db
      .selectFrom('studentGroups as g')
      .innerJoin('studentGroupMembers as m', 'm.groupId', 'g.id')
      .select(['g.name', 'g.schoolId'])
      .where('m.studentId', '=', s.id)
      .execute();
    expect(groups).toEqual([{ name: 'Math', schoolId: schools.APTEST1?.id }]);
  });

  it('2. status="reset" deletes the exam; the student has no live exam ⇒ inferred school NULL', async () => {
    const r = await importFixture(runner, `${dir}/SBAC-IAB-FIXED-G4M-G-MATH-4-delete.xml`);
    expect(r).toMatchObject({ status: 'PROCESSED', message: 'Exam deleted (status reset)' });
    expect(await count(cers.db, 'exams')).toBe(0);
    expect(await count(cers.db, 'exam_items')).toBe(0);
    expect((await student()).inferredSchoolId).toBeNull();
  });

  it('3. a newer exam at APTEST14 ⇒ inferred school APTEST14', async () => {
    expect((await importFixture(runner, `${dir}/SBAC-IAB-FIXED-G4M-G-MATH-4-new-oppId-and-date.xml`)).status).toBe('PROCESSED');
    expect((await student()).inferredSchoolId).toBe(schools.APTEST14?.id);
  });

  it('4. the older opportunity again (new first name): exam back, school stays APTEST14 (newest wins), name overwritten', async () => {
    expect((await importFixture(runner, `${dir}/SBAC-IAB-FIXED-G4M-G-MATH-4.update.student.xml`)).status).toBe('PROCESSED');
    expect(await count(cers.db, 'exams')).toBe(2);
    const s = await student();
    expect(s.inferredSchoolId).toBe(schools.APTEST14?.id);
    expect(s.firstName).toBe('New Name');
  });
});

describe.each(targets)('trt/update-sequence on $name', ({ create }) => {
  let cers: CersDb;
  let runner: ImportRunner;
  const dir = 'trt/update-sequence';

  beforeAll(async () => {
    cers = await create();
    runner = newRunner(cers);
    for (const f of ['subjects/ELA_subject.xml', 'subjects/Math_subject.xml', 'accommodations/accommodations.deploy.xml']) {
      expect((await importFixture(runner, f)).status).toBe('PROCESSED');
    }
    expect((await importFixture(runner, `${dir}/setup-organizations.json`)).message).toBe('2 schools processed');
    const pkg = await importFixture(runner, `${dir}/setup-assessments.csv`);
    expect(pkg.message).toBe('Assessments processed: 3, created: 3, updated: 0, rejected: 0');
    // README caution: the mock packages give 2100–2450 ranges that the TRT scores exceed; RDW's
    // test loads these assessments without ranges, and so do we. Its target codes are mocks too.
    await sql`update assessments set min_score = null, max_score = null`.execute(cers.db);
    const ica = await cers.db
      .selectFrom('assessments')
      .select('id')
      .where('naturalId', '=', '(naturalId)MOCK-ICA-G11-2017-2018')
      .executeTakeFirstOrThrow();
    for (const t of ['T1|1-2', 'T2|A', 'T2|B']) {
      const target = await cers.db
        .insertInto('targets')
        .values({ subject: 'ELA', claimCode: 'C1', naturalId: t, name: t })
        .returning('id')
        .executeTakeFirstOrThrow();
      await cers.db.insertInto('assessmentTargets').values({ assessmentId: ica.id, targetId: target.id }).execute();
    }
    runner.invalidate();
  });
  afterAll(async () => cers.close());

  it('processes the 15 versions in file-name order to the state RDW asserts', async () => {
    const files = readdirSync(join(FIXTURES, dir))
      .filter((f) => f.endsWith('.xml'))
      .sort();
    expect(files).toHaveLength(15);
    const statuses: string[] = [];
    for (const f of files) statuses.push(`${f}: ${(await importFixture(runner, `${dir}/${f}`)).status}`);
    expect(statuses.every((s) => s.endsWith('PROCESSED'))).toBe(true);
    expect(await count(cers.db, 'students')).toBe(4);
    expect(await count(cers.db, 'exams')).toBe(9);
    expect(await count(cers.db, 'exam_items')).toBe(65);
    const acc = await sql<{ n: number }>`select coalesce(sum(cardinality(accommodations)), 0)::int as n from exams`.execute(cers.db);
    expect(acc.rows[0]?.n).toBe(17);
    expect(await count(cers.db, 'exam_scores')).toBe(9);
    expect(await count(cers.db, 'exam_target_scores')).toBe(2);
  });

  it('re-sending a processed version is a NO_UPDATE duplicate; an older status date is a prior-date NO_UPDATE', async () => {
    const again = await runner.importFiles([
      {
        content: 'EXAM',
        bytes: Buffer.concat([Buffer.from(' '), (await import('./helpers.js')).fixture(`${dir}/B005-SSID001-ICA-030-V04.xml`)]),
      },
    ]);
    expect(again[0]).toMatchObject({ status: 'NO_UPDATE', message: 'Duplicate -- no changes triggered an exam update' });
    const older = (await import('./helpers.js'))
      .fixture(`${dir}/B001-SSID001-ICA-030-V01.xml`)
      .toString('utf8')
      .replaceAll('2018-05-01T08:50:00.000000', '2018-04-01T08:50:00.000000');
    const r = await runner.importFiles([{ content: 'EXAM', bytes: Buffer.from(older) }]);
    expect(r[0]).toMatchObject({ status: 'NO_UPDATE', message: 'Prior date -- Earlier status date than existing exam record' });
    expect(await count(cers.db, 'exams')).toBe(9);
  });
});
