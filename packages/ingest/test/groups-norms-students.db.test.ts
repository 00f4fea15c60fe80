import type { CersDb } from '@cers/db';
import { findPrincipal } from '@cers/db';
import { seedDistrict, seedSchool, seedStudent, seedUser, testDbTargets } from '@cers/db/test';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRunner } from '../src/runner.js';
import { count, fixture, importBytes, importFixture, messages, newRunner, seedFixtureSchools } from './helpers.js';

const targets = await testDbTargets();

describe.each(targets)('groups/ fixtures on $name', ({ create }) => {
  let cers: CersDb;
  let runner: ImportRunner;
  let school: number;
  let district: number;
  beforeAll(async () => {
    cers = await create();
    runner = newRunner(cers);
    district = await seedDistrict(cers.db, { naturalId: 'DISTRICT2' });
    school = await seedSchool(cers.db, { districtId: district, naturalId: 'DS9002' });
    await seedSchool(cers.db, { districtId: district, naturalId: 'DS9003' });
    await cers.db
      .insertInto('subjects')
      .values([
        { code: 'ELA', name: 'ELA' },
        { code: 'Math', name: 'Math' },
      ])
      .execute();
  });
  afterAll(async () => cers.close());

  const groupState = async () => {
    const rows = await sql<{ name: string; subjects: string[] | null; students: string[]; users: string[] }>`
      select g.name, g.subjects,
        coalesce((select array_agg(s.ssid order by s.ssid) from student_group_members m join students s on s.id = m.student_id where m.group_id = g.id), '{}') as students,
        coalesce((select array_agg(u.login order by u.login) from student_group_teachers t join users u on u.id = t.user_id where t.group_id = g.id), '{}') as users
      from student_groups g where g.deleted_at is null order by g.name`.execute(cers.db);
    return rows.rows;
  };
  const expected = [
    {
      name: 'JT4thGrade',
      subjects: null,
      students: ['SSID001', 'SSID002', 'SSID003'],
      users: ['btutor@example.com', 'jteacher@example.com'],
    },
    {
      name: 'ME6thGradeMath',
      subjects: ['Math'],
      students: ['SSID010', 'SSID011', 'SSID012'],
      users: ['meducator@example.com', 'sinstructor@example.com'],
    },
  ];

  it.each([
    'sample-group-001.crlf.csv',
    'sample-group-002.cr.csv',
    'sample-group-003.lf.csv',
  ])('%s → PROCESSED; values trimmed; 2 groups of 3 students and 2 teachers', async (file) => {
    const r = await importFixture(runner, `groups/${file}`);
    expect(r).toMatchObject({ status: 'PROCESSED', message: '2 groups accepted for DS9002.' });
    expect(await groupState()).toEqual(expected);
    const g = await cers.db
      .selectFrom('studentGroups')
      .select(['schoolId', 'schoolYear'])
      .where('name', '=', 'JT4thGrade')
      .executeTakeFirstOrThrow();
    expect(g).toEqual({ schoolId: school, schoolYear: 2018 });
  });

  it('groups-template.csv (header only) → PROCESSED, nothing changes', async () => {
    expect((await importFixture(runner, 'groups/groups-template.csv')).status).toBe('PROCESSED');
    expect(await groupState()).toEqual(expected);
  });

  it('replace semantics: a file naming a group sets exactly its rows; groups not named are untouched', async () => {
    const csv =
      'group_name,school_natural_id,school_year,subject_code,student_ssid,group_user_login\nJT4thGrade,DS9002,2018,ELA,SSID003,\nJT4thGrade,DS9002,2018,,SSID099,newteacher@example.com\n';
    expect((await importBytes(runner, Buffer.from(csv), 'GROUPS')).status).toBe('PROCESSED');
    const state = await groupState();
    expect(state[0]).toEqual({
      name: 'JT4thGrade',
      subjects: ['ELA'],
      students: ['SSID003', 'SSID099'],
      users: ['newteacher@example.com'],
    });
    expect(state[1]).toEqual(expected[1]);
  });

  it('every rejected row is reported with its row and line number; the whole file is rejected', async () => {
    const rows = [
      'group_name,school_natural_id,school_year,subject_code,student_ssid,group_user_login',
      ',DS9002,2018,,S1,',
      'G1,DS9002,18,,S3,',
      'G1,DS9002,2018,Latin,S4,',
      'G2,DS9003,2018,,S5,',
      'G3,DS9002,2018,,S6,',
      'G4,NOPE,2018,,S2,',
    ];
    const r = await importBytes(runner, Buffer.from(rows.join('\r\n')), 'GROUPS');
    expect(r.status).toBe('BAD_DATA');
    expect((r.message ?? '').split('\n')).toEqual([
      'Row: 1 (line 2) Failure: group_name is required',
      'Row: 2 (line 3) Failure: school_year must be a year such as 2025 (for 2024-25), not "18"',
      'Row: 3 (line 4) Failure: unknown subject_code [Latin]',
      'Row: 5 (line 6) Failure: school [DS9002] is out-of-order: sort CSV by school, group, year',
      'Row: 6 (line 7) Failure: unknown school [NOPE]',
    ]);
    expect(await count(cers.db, 'student_groups', "name in ('G1','G2','G3')")).toBe(0);
  });

  it('bad headers → Row: 0 message; more than 200 students in a group → rejected', async () => {
    const bad = await importBytes(runner, Buffer.from('name,school\nx,y\n'), 'GROUPS');
    expect(bad.message).toBe(
      'Row: 0 Failure: Invalid headers. Headers must be in order: [group_name,school_natural_id,school_year,subject_code,student_ssid,group_user_login]',
    );
    const lines = ['group_name,school_natural_id,school_year,subject_code,student_ssid,group_user_login'];
    for (let i = 0; i < 201; i++) lines.push(`Big,DS9002,2018,,S${i},`);
    const big = await importBytes(runner, Buffer.from(lines.join('\n')), 'GROUPS');
    expect(big.status).toBe('BAD_DATA');
    expect(big.message).toContain('Row: 201 (line 202) Failure: Maximum students allowed per group is 200');
  });

  it('uploads by a user are checked per row against GROUP_WRITE for the school', async () => {
    const other = await seedDistrict(cers.db, { naturalId: 'OTHER' });
    const otherSchool = await seedSchool(cers.db, { districtId: other, naturalId: 'OS1' });
    const userId = await seedUser(cers.db, { roles: [{ role: 'SITE_COORDINATOR', organizationId: school }] });
    const csv =
      'group_name,school_natural_id,school_year,subject_code,student_ssid,group_user_login\nA,DS9002,2018,,S1,\nB,OS1,2018,,S2,\n';
    const [r] = await runner.importFiles([{ content: 'GROUPS', bytes: Buffer.from(csv), creatorId: userId }]);
    expect(r?.status).toBe('BAD_DATA');
    expect(r?.message).toBe('Row: 2 (line 3) Failure: you do not have permission to write groups for school [OS1]');
    expect(otherSchool).toBeGreaterThan(0);
    expect(await findPrincipal(cers.db, userId)).toBeDefined();
  });
});

describe.each(targets)('norms/ fixtures on $name', ({ create }) => {
  let cers: CersDb;
  let runner: ImportRunner;
  beforeAll(async () => {
    cers = await create();
    runner = newRunner(cers);
    for (const f of ['subjects/ELA_subject.xml', 'subjects/Math_subject.xml']) await importFixture(runner, f);
    await importFixture(runner, 'trt/update-sequence/setup-assessments.csv');
  });
  afterAll(async () => cers.close());

  it('percentiles.csv → "Percentiles created: 3 updated: 0", 57 ranks; reload → "created: 0 updated: 3"', async () => {
    expect(await importFixture(runner, 'norms/percentiles.csv')).toMatchObject({
      status: 'PROCESSED',
      message: 'Percentiles created: 3 updated: 0',
    });
    expect(await count(cers.db, 'percentile_ranks')).toBe(57);
    const first = await sql<{ min: number; max: number }>`select min_inclusive as min, max_exclusive as max from percentile_ranks r
      join percentile_tables t on t.id = r.percentile_table_id order by t.id, r.rank limit 1`.execute(cers.db);
    expect(first.rows[0]).toEqual({ min: 0, max: 2303 });
    const again = await importBytes(runner, Buffer.concat([fixture('norms/percentiles.csv'), Buffer.from('\n')]), 'NORMS');
    expect(again.message).toBe('Percentiles created: 0 updated: 3');
    expect(await count(cers.db, 'percentile_ranks')).toBe(57);
  });

  it('percentiles-update.csv → created 1, updated 2', async () => {
    expect((await importFixture(runner, 'norms/percentiles-update.csv')).message).toBe('Percentiles created: 1 updated: 2');
  });

  it('percentiles-overlap.csv → BAD_DATA: overlap with 1 existing table, nothing stored', async () => {
    const before = await count(cers.db, 'percentile_tables');
    const r = await importFixture(runner, 'norms/percentiles-overlap.csv');
    expect(r.status).toBe('BAD_DATA');
    expect(r.message).toContain('start_date and end_date overlap 1 existing percentile(s) for the same assessment');
    expect(await count(cers.db, 'percentile_tables')).toBe(before);
  });

  it.each([
    ['percentiles-bad-order.csv', 'score 2356.0 must not be less than previous score 4000.0'],
    ['percentiles-bad-rank.csv', 'percentile rank must be an integer, not [twenty]'],
    ['percentiles-bad-min-max.csv', 'min score 3000.0 must be less than max score 1500.0'],
    ['percentiles-missing.csv', 'Missing assessment with natural id of (naturalId)Missing-Assessment-Id'],
  ])('%s → BAD_DATA "%s"', async (file, error) => {
    const before = await count(cers.db, 'percentile_ranks');
    const r = await importFixture(runner, `norms/${file}`);
    expect(r.status).toBe('BAD_DATA');
    expect(messages(r.message).map((m) => m.error)).toContain(error);
    expect(await count(cers.db, 'percentile_ranks')).toBe(before);
  });

  it('percentiles-bom.csv → 1 table', async () => {
    const fresh = await create();
    const r2 = newRunner(fresh);
    for (const f of ['subjects/ELA_subject.xml', 'subjects/Math_subject.xml', 'trt/update-sequence/setup-assessments.csv'])
      await importFixture(r2, f);
    expect((await importFixture(r2, 'norms/percentiles-bom.csv')).message).toBe('Percentiles created: 1 updated: 0');
    await fresh.close();
  });
});

describe.each(targets)('students/ fixtures on $name', ({ create }) => {
  let cers: CersDb;
  let runner: ImportRunner;
  let schools: Awaited<ReturnType<typeof seedFixtureSchools>>;
  const ssids = ['2663752814', '1158939483', '2735108818', '3009750513', '3018560040', '6106239033'];
  beforeAll(async () => {
    cers = await create();
    runner = newRunner(cers);
    schools = await seedFixtureSchools(cers.db);
  });
  afterAll(async () => cers.close());

  it('CA_StudentExtract.csv before the students exist → UNKNOWN_STUDENT (retryable)', async () => {
    const r = await importFixture(runner, 'students/CA_StudentExtract.csv');
    expect(r.status).toBe('UNKNOWN_STUDENT');
    for (const ssid of ssids) await seedStudent(cers.db, { ssid });
    const [again] = await runner.retry({ statuses: ['UNKNOWN_STUDENT'] });
    expect(again).toMatchObject({ status: 'PROCESSED', message: 'Students updated: 6' });
    const s = await cers.db
      .selectFrom('students')
      .select(['inferredSchoolId', 'inferredDistrictId'])
      .where('ssid', '=', '2663752814')
      .executeTakeFirstOrThrow();
    expect(s).toEqual({ inferredSchoolId: schools.SchoolNaturalId1?.id, inferredDistrictId: schools.SchoolNaturalId1?.districtId });
  });

  it('CA_StudentExtractWithDates.csv → 6 students (InfoUpdate dates older than now are not applied)', async () => {
    await sql`update students set latest_info_update = null`.execute(cers.db);
    expect(await importFixture(runner, 'students/CA_StudentExtractWithDates.csv')).toMatchObject({
      status: 'PROCESSED',
      message: 'Students updated: 6',
    });
  });

  it('CA_StudentExtract_bad_data.csv → "Students updated: 5", bad rows skipped and listed by line', async () => {
    await sql`update students set latest_info_update = null`.execute(cers.db);
    const r = await importFixture(runner, 'students/CA_StudentExtract_bad_data.csv');
    expect(r).toMatchObject({ status: 'PROCESSED', message: 'Students updated: 5' });
    const w = await cers.db.selectFrom('imports').select('warnings').where('id', '=', r.id).executeTakeFirstOrThrow();
    expect((w.warnings as { elementName: string }[]).map((x) => x.elementName)).toEqual(['line 4', 'line 8', 'line 9']);
  });
});
