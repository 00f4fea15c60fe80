/**
 * The access matrix's world: the sandbox data (Sample District: elementary, middle and high school,
 * teachers, groups, years of results) plus a second district, one user per role, and records each
 * probe needs (My Groups, reports, instructional resources). Ids are looked up, never assumed.
 */
import { type CersDb, insertExams } from '@cers/db';
import { seedDistrict, seedGroup, seedSchool, seedStudent } from '@cers/db/test';
import type { RoleCode } from '@cers/domain';
import { SANDBOX_SSIDS } from '@cers/sandbox';
import { sql } from 'kysely';

export const ROLE_KEYS = ['anonymous', 'noRole', 'teacher', 'roster', 'site', 'lea', 'otherLea', 'aggregate', 'state', 'loader'] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

/** An id no record has (int4 range, so it parses). */
export const MISSING_ID = 2_000_000_000;
export const MISSING_SSID = '0000000017';

export type MatrixWorld = {
  /** users.id per role (anonymous: none). */
  users: Record<Exclude<RoleKey, 'anonymous'>, number>;
  orgs: { state: number; districtA: number; districtB: number; elementary: number; high: number; schoolB: number };
  students: { elementary: number; high: number; b: number };
  ssids: { elementary: string; high: string; b: string };
  /** Assigned groups: the elementary teacher's (with the elementary student), one at the high school, one in district B. */
  groups: { elementary: number; high: number; b: number };
  /** An assessment with results for the elementary group, its grade and school year, and one of its items. */
  assessment: { id: number; grade: string; schoolYear: number; subject: string; type: string; itemId: number | undefined };
  /** The teacher's My Group (with the elementary student). */
  myGroup: number;
  /** A completed report of the teacher (with a file). */
  report: number;
  /** Instructional resources of the sample district and of district B. */
  resources: { a: number; b: number };
  /** A file the data loader imported (set once the app runs: imports go through the API). */
  importId: number;
};

async function orgId(cers: CersDb, type: string, name: string): Promise<number> {
  const row = await cers.db
    .selectFrom('organizations')
    .select('id')
    .where('type', '=', type)
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function userWithRole(cers: CersDb, login: string, role: RoleCode | undefined, organizationId: number): Promise<number> {
  const user = await cers.db
    .insertInto('users')
    .values({ login, displayName: login.split('@')[0] ?? login })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (role) await cers.db.insertInto('userRoles').values({ userId: user.id, role, organizationId }).execute();
  return user.id;
}

export async function buildMatrixWorld(cers: CersDb): Promise<MatrixWorld> {
  const db = cers.db;
  const state = (await db.selectFrom('organizations').select('id').where('type', '=', 'state').executeTakeFirstOrThrow()).id;
  const districtA = await orgId(cers, 'district', 'Sample District');
  const elementary = await orgId(cers, 'school', 'Sample Elementary School');
  const high = await orgId(cers, 'school', 'Sample High School');
  const persona = async (prefix: string) =>
    (
      await db
        .selectFrom('users')
        .select('id')
        .where('login', 'like', `${prefix}@%`)
        .where('isSandbox', '=', true)
        .executeTakeFirstOrThrow()
    ).id;
  const teacher = await persona('teacher.elementary');
  const site = await persona('admin.high');
  const lea = await persona('admin.district');

  const ssids = { elementary: SANDBOX_SSIDS.elementary[0], high: SANDBOX_SSIDS.high[0], b: '8800000001' };
  const studentId = async (ssid: string) =>
    (await db.selectFrom('students').select('id').where('ssid', '=', ssid).executeTakeFirstOrThrow()).id;
  const studentElementary = await studentId(ssids.elementary);
  const studentHigh = await studentId(ssids.high);

  // The teacher's group holding the documented elementary SSID, and a group of the high school.
  const groupElementary = (
    await db
      .selectFrom('studentGroupTeachers as t')
      .innerJoin('studentGroupMembers as m', 'm.groupId', 't.groupId')
      .select('t.groupId')
      .where('t.userId', '=', teacher)
      .where('m.studentId', '=', studentElementary)
      .orderBy('t.groupId')
      .executeTakeFirstOrThrow()
  ).groupId;
  const groupHigh = (await db.selectFrom('studentGroups').select('id').where('schoolId', '=', high).orderBy('id').executeTakeFirstOrThrow())
    .id;

  // District B: a school, a student with an interim result, a group.
  const districtB = await seedDistrict(db, { name: 'Other District' });
  const schoolB = await seedSchool(db, { districtId: districtB, name: 'Other School' });
  const studentB = await seedStudent(db, { ssid: ssids.b, schoolId: schoolB, districtId: districtB });
  const anyInterim = await db
    .selectFrom('assessments')
    .select(['id', 'schoolYear'])
    .where('type', '=', 'ica')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await insertExams(db, [
    {
      studentId: studentB,
      assessmentId: anyInterim.id,
      schoolId: schoolB,
      districtId: districtB,
      schoolYear: anyInterim.schoolYear,
      opportunityId: 'matrix-b-1',
      completedAt: `${anyInterim.schoolYear - 1}-12-01T16:00:00Z`,
      scaleScore: 2450,
      scaleScoreSem: 22,
      achievementLevel: 2,
      completeness: 'Complete',
      administrationCondition: 'Valid',
    },
  ]);
  const groupB = await seedGroup(db, { schoolId: schoolB, districtId: districtB, name: 'Other Room 1', studentIds: [studentB] });

  // The assessment with the most results in the elementary group (an interim with items when there is one).
  const asmt = await sql<{ id: number; grade: string; schoolYear: number; subject: string; type: string }>`
    select a.id, a.grade, a.school_year as "schoolYear", a.subject, a.type
    from exams e join assessments a on a.id = e.assessment_id
    join student_group_members m on m.student_id = e.student_id and m.group_id = ${groupElementary}
    where a.type <> 'sum'
    group by a.id order by (select count(*) from exam_items ei where ei.exam_id = min(e.id)) > 0 desc, count(*) desc, a.id limit 1`.execute(
    db,
  );
  const assessment = asmt.rows[0];
  if (!assessment) throw new Error('no results for the elementary group');
  const item = await db.selectFrom('items').select('id').where('assessmentId', '=', assessment.id).orderBy('id').executeTakeFirst();

  const users = {
    noRole: await userWithRole(cers, 'norole@matrix.example', undefined, state),
    teacher,
    roster: await userWithRole(cers, 'roster@matrix.example', 'EDUCATOR_ROSTER', elementary),
    site,
    lea,
    otherLea: await userWithRole(cers, 'other.lea@matrix.example', 'LEA_COORDINATOR', districtB),
    aggregate: await userWithRole(cers, 'aggregate@matrix.example', 'DISTRICT_AGGREGATE_VIEWER', districtA),
    state: await userWithRole(cers, 'state@matrix.example', 'STATE_ADMIN', state),
    loader: await userWithRole(cers, 'loader@matrix.example', 'DATA_LOADER', state),
  };
  await db.insertInto('studentGroupTeachers').values({ groupId: groupElementary, userId: users.roster }).execute();

  const myGroup = await createMyGroup(cers, teacher, 'Matrix reading circle', [studentElementary]);
  const report = await createReport(cers, teacher);
  const resource = async (organizationId: number) =>
    (
      await db
        .insertInto('instructionalResources')
        .values({ organizationId, title: 'Matrix resource', url: 'https://example.org/matrix' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  return {
    users,
    orgs: { state, districtA, districtB, elementary, high, schoolB },
    students: { elementary: studentElementary, high: studentHigh, b: studentB },
    ssids,
    groups: { elementary: groupElementary, high: groupHigh, b: groupB },
    assessment: { ...assessment, itemId: item?.id },
    myGroup,
    report,
    resources: { a: await resource(districtA), b: await resource(districtB) },
    importId: 0,
  };
}

let counter = 0;

export async function createMyGroup(cers: CersDb, userId: number, name: string, studentIds: number[]): Promise<number> {
  const row = await cers.db
    .insertInto('userGroups')
    .values({ userId, name: `${name} ${++counter}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (studentIds.length > 0) {
    await cers.db
      .insertInto('userGroupMembers')
      .values(studentIds.map((studentId) => ({ userGroupId: row.id, studentId })))
      .execute();
  }
  return row.id;
}

/** A finished report with a small file, as the job leaves it. */
export async function createReport(cers: CersDb, userId: number): Promise<number> {
  const row = await cers.db
    .insertInto('reports')
    .values({
      userId,
      kind: 'isr',
      name: `Matrix report ${++counter}`,
      params: JSON.stringify({}),
      status: 'completed',
      contentType: 'text/csv; charset=utf-8',
      filename: 'matrix.csv',
      sizeBytes: 4,
      completedAt: new Date(),
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await cers.db
    .insertInto('reportFiles')
    .values({ reportId: row.id, content: Buffer.from('a,b\n') })
    .execute();
  return row.id;
}

export async function createAssignedGroup(cers: CersDb, schoolId: number, districtId: number): Promise<number> {
  return seedGroup(cers.db, { schoolId, districtId, name: `Matrix group ${++counter}` });
}

export async function createResource(cers: CersDb, organizationId: number): Promise<number> {
  const row = await cers.db
    .insertInto('instructionalResources')
    .values({ organizationId, title: `Matrix resource ${++counter}`, url: 'https://example.org/r' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
