import { type CersDb, importPayloadStudentIds } from '@cers/db';
import { testDbTargets } from '@cers/db/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRunner } from '../src/runner.js';
import { count, importFixture, newRunner, SB_ELA_CLAIMS, SB_MATH_CLAIMS, seedAssessmentFromTrt, seedFixtureSchools } from './helpers.js';

const targets = await testDbTargets();

/** trt/valid/: each file with the outcome the fixture README states. */
describe.each(targets)('valid TRT fixtures on $name', ({ create }) => {
  let cers: CersDb;
  let runner: ImportRunner;
  let schools: Awaited<ReturnType<typeof seedFixtureSchools>>;

  beforeAll(async () => {
    cers = await create();
    schools = await seedFixtureSchools(cers.db);
    runner = newRunner(cers);
    await importFixture(runner, 'accommodations/accommodations.deploy.xml');
  });
  afterAll(async () => cers.close());

  it('TDSReport.ica.sample.xml: ELA ICA G6 → 1 exam, 48 items, 4 claim scores, FINAL attributes, school by alias', async () => {
    const path = 'trt/valid/TDSReport.ica.sample.xml';
    await seedAssessmentFromTrt(cers.db, path, {
      subject: 'ELA',
      grade: '06',
      type: 'ica',
      scores: SB_ELA_CLAIMS,
      cutScores: [2457, 2531, 2618],
    });
    const r = await importFixture(runner, path);
    expect(r).toMatchObject({ status: 'PROCESSED', message: 'Exam created' });
    const exam = await cers.db.selectFrom('exams').selectAll().where('opportunityId', '=', '5000018').executeTakeFirstOrThrow();
    expect(exam).toMatchObject({
      schoolYear: 2016,
      schoolId: schools.APTEST1?.id,
      districtId: schools.APTEST1?.districtId,
      enrolledGrade: '06',
      administrationCondition: 'SD',
      completeness: 'Complete',
      status: 'completed',
      scaleScore: 2484.66874131045,
      scaleScoreSem: 23.5105791416061,
      thetaScore: -0.274257094283746,
      achievementLevel: 2,
      gender: 'Male',
      ethnicities: ['Asian'],
      iep: false,
      sessionId: 'Lab-32',
    });
    expect(exam.completedAt.toISOString()).toBe('2016-10-13T02:32:24.972Z');
    expect(await count(cers.db, 'exam_items', `exam_id = ${exam.id}`)).toBe(48);
    const scores = await cers.db
      .selectFrom('examScores')
      .select(['code', 'kind', 'scaleScore', 'level'])
      .where('examId', '=', exam.id)
      .orderBy('code')
      .execute();
    expect(scores).toEqual([
      { code: '2-W', kind: 'claim', scaleScore: 2530.23146653473, level: 2 },
      { code: '4-CR', kind: 'claim', scaleScore: 2484.17552496828, level: 2 },
      { code: 'SOCK_LS', kind: 'claim', scaleScore: 2415.16898041653, level: 2 },
      { code: 'SOCK_R', kind: 'claim', scaleScore: 2450.80652997339, level: 1 },
    ]);
    const student = await cers.db.selectFrom('students').selectAll().where('ssid', '=', 'ASIXTHGRADER20').executeTakeFirstOrThrow();
    expect(student).toMatchObject({
      firstName: 'Name139',
      lastName: 'LastName139',
      middleName: 'MiddleName139',
      inferredSchoolId: schools.APTEST1?.id,
    });
    // A download of this raw file is audited against the exam's student.
    expect(await importPayloadStudentIds(cers.db, r.id)).toEqual([student.id]);
    // WER item trait sub-scores from ScoreInfo/SubScoreList (first level only)
    const traits = await cers.db
      .selectFrom('examItems')
      .select(['traitOrgScore', 'traitEviScore', 'traitConScore', 'traitOrgStatus'])
      .where('examId', '=', exam.id)
      .where('traitOrgScore', 'is not', null)
      .execute();
    expect(traits.length).toBe(1);
    const responses = await count(cers.db, 'exam_items', `exam_id = ${exam.id} and response is not null`);
    expect(responses).toBe(48);
  });

  it('SBAC-ICA-FIXED-G4M-COMBINED-2017.xml: Math ICA G4 (subject MATH) → level 3, 3 claim scores', async () => {
    const path = 'trt/valid/SBAC-ICA-FIXED-G4M-COMBINED-2017.xml';
    await seedAssessmentFromTrt(cers.db, path, { subject: 'Math', grade: '04', type: 'ica', scores: SB_MATH_CLAIMS });
    const r = await importFixture(runner, path);
    expect(r.status).toBe('PROCESSED');
    const exam = await cers.db
      .selectFrom('exams')
      .select(['id', 'scaleScore', 'achievementLevel'])
      .where('opportunityId', '=', '5000015')
      .executeTakeFirstOrThrow();
    expect(exam).toMatchObject({ scaleScore: 2507.49468876243, achievementLevel: 3 });
    const scores = await cers.db.selectFrom('examScores').select(['code', 'level']).where('examId', '=', exam.id).orderBy('code').execute();
    expect(scores).toEqual([
      { code: '1', level: 2 },
      { code: '3', level: 2 },
      { code: 'SOCK_2', level: 2 },
    ]);
    expect(await count(cers.db, 'exam_items', `exam_id = ${exam.id}`)).toBe(36);
  });

  it('TDSReport.iab.sample.xml: Math IAB → 11 items, no claim rows, Section504 FINAL "NO" beats INITIAL', async () => {
    const path = 'trt/valid/TDSReport.iab.sample.xml';
    await seedAssessmentFromTrt(cers.db, path, { subject: 'Math', grade: '04', type: 'iab', cutScores: [2411, 2485, 2549] });
    const r = await importFixture(runner, path);
    expect(r.status).toBe('PROCESSED');
    const exam = await cers.db.selectFrom('exams').selectAll().where('opportunityId', '=', '100149').executeTakeFirstOrThrow();
    expect(exam).toMatchObject({ scaleScore: 2595.97876140521, achievementLevel: 3, section504: false });
    expect(await count(cers.db, 'exam_items', `exam_id = ${exam.id}`)).toBe(11);
    expect(await count(cers.db, 'exam_scores', `exam_id = ${exam.id}`)).toBe(0);
    expect(exam.accommodations.length).toBeGreaterThan(0);
  });

  it('SBAC-IAB-FIXED-G6E-ReadLit-ELA-6.xml: ELA IAB → level 2, 15 items', async () => {
    const path = 'trt/valid/SBAC-IAB-FIXED-G6E-ReadLit-ELA-6.xml';
    await seedAssessmentFromTrt(cers.db, path, { subject: 'ELA', grade: '06', type: 'iab' });
    const r = await importFixture(runner, path);
    expect(r.status).toBe('PROCESSED');
    const exam = await cers.db
      .selectFrom('exams')
      .select(['id', 'scaleScore', 'achievementLevel', 'status'])
      .where('opportunityId', '=', '100153')
      .executeTakeFirstOrThrow();
    expect(exam).toMatchObject({ scaleScore: 2522.70414008772, achievementLevel: 2, status: 'scored' });
    expect(await count(cers.db, 'exam_items', `exam_id = ${exam.id}`)).toBe(15);
  });

  it('Custom_Subject_ICA.xml: configurable subject → 1 exam, 11 items, 6 scores, 4 target scores, level 15 kept', async () => {
    const path = 'trt/valid/Custom_Subject_ICA.xml';
    await cers.db.insertInto('subjects').values({ code: 'Custom', name: 'Custom' }).execute();
    await seedAssessmentFromTrt(cers.db, path, {
      family: 'OTHER',
      subject: 'Custom',
      grade: '04',
      type: 'ica',
      scores: ['Score1', 'Score2', 'Score3', 'Score4', 'Score5', 'Score6'].map((code) => ({ code, kind: 'claim' as const })),
      targets: ['ClaimCode1|Target1', 'ClaimCode2|Target2', 'ClaimCode3|Target3', 'ClaimCode4|Target4'],
    });
    const r = await importFixture(runner, path);
    expect(r.status).toBe('PROCESSED');
    const exam = await cers.db
      .selectFrom('exams')
      .select(['id', 'achievementLevel'])
      .where('opportunityId', '=', '5000015')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(exam.achievementLevel).toBe(15);
    expect(await count(cers.db, 'exam_items', `exam_id = ${exam.id}`)).toBe(11);
    expect(await count(cers.db, 'exam_scores', `exam_id = ${exam.id}`)).toBe(6);
    expect(await count(cers.db, 'exam_target_scores', `exam_id = ${exam.id}`)).toBe(4);
  });

  it('TDSReport-external-vendor.xml: UNKNOWN_ASMT until its assessment exists; then BAD_DATA (10200 bank keys) without the vendor hook, PROCESSED with it', async () => {
    const path = 'trt/valid/TDSReport-external-vendor.xml';
    const first = await importFixture(runner, path);
    expect(first).toMatchObject({
      status: 'UNKNOWN_ASMT',
      message: 'Unable to find an assessment by natural id [(SBAC)SBAC-SUM-ELA-3-2019-2020]',
    });
    // The package's items carry bank key 200 (what the vendor hook turns 10200 into).
    const { readTrt } = await import('../src/trt/process.js');
    const { fixture } = await import('./helpers.js');
    const trt = readTrt(fixture(path));
    const targetCodes = [...new Set(trt.scores.filter((s) => s.measureOf.includes('|')).map((s) => s.measureOf))];
    const asmtId = await seedAssessmentFromTrt(cers.db, path, {
      subject: 'ELA',
      grade: '03',
      type: 'sum',
      schoolYear: 2020,
      minScore: 2114,
      maxScore: 2623,
      cutScores: [2367, 2432, 2490],
      scores: SB_ELA_CLAIMS,
      targets: targetCodes,
    });
    await cers.db.updateTable('items').set({ bankKey: '200' }).where('assessmentId', '=', asmtId).execute();
    const { sql } = await import('kysely');
    await sql`update items set natural_id = '200-' || item_key where assessment_id = ${asmtId}`.execute(cers.db);
    const retried = await runner.retry({ statuses: ['UNKNOWN_ASMT'], ids: [first.id] });
    expect(retried[0]?.status).toBe('BAD_DATA');
    expect(retried[0]?.message).toContain('Missing item with id = 10200-182558');

    const [hooked] = await runner.importFiles([
      {
        content: 'EXAM',
        bytes: Buffer.concat([fixture(path), Buffer.from('\n')]),
        filename: 'vendor.xml',
        transforms: ['external-vendor'],
      },
    ]);
    expect(hooked).toMatchObject({ status: 'PROCESSED' });
    const exam = await cers.db.selectFrom('exams').selectAll().where('opportunityId', '=', '1000000000').executeTakeFirstOrThrow();
    expect(exam).toMatchObject({
      schoolId: schools['00900010000001']?.id,
      scaleScore: 2523,
      scaleScoreSem: 92,
      achievementLevel: 4,
      lep: true,
      elas: 'EL',
      militaryConnected: 'NotMilitaryConnected',
    });
    expect(await count(cers.db, 'exam_items', `exam_id = ${exam.id}`)).toBe(34);
    expect(await count(cers.db, 'exam_scores', `exam_id = ${exam.id}`)).toBe(4);
    // 21 targets, every one with both residuals once BenchmarkScore is renamed
    expect(await count(cers.db, 'exam_target_scores', `exam_id = ${exam.id}`)).toBe(21);
    const row = await cers.db
      .selectFrom('imports')
      .select(['transforms'])
      .where('id', '=', hooked?.id as number)
      .executeTakeFirstOrThrow();
    expect(row.transforms).toEqual(['external-vendor']);
  });
});
