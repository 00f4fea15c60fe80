/**
 * Persisting test builders (STYLE.md §3.10): each creates a valid row with sensible defaults and
 * returns its id. Compose them per test; use the sandbox generator for realistic volumes.
 */
import type { RoleCode } from '@cers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../src/schema.js';
import { type ExamDraft, insertExams } from '../src/writers/exams.js';

type Db = Kysely<Database>;
let counter = 0;
const next = () => ++counter;

export async function seedState(db: Db): Promise<number> {
  const existing = await db.selectFrom('organizations').select('id').where('type', '=', 'state').executeTakeFirst();
  if (existing) return existing.id;
  const row = await db
    .insertInto('organizations')
    .values({ type: 'state', naturalId: 'CA', name: 'California' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedDistrict(db: Db, o: { name?: string; naturalId?: string } = {}): Promise<number> {
  const state = await seedState(db);
  const n = next();
  const row = await db
    .insertInto('organizations')
    .values({
      type: 'district',
      naturalId: o.naturalId ?? `99${String(n).padStart(5, '0')}0000000`,
      name: o.name ?? `District ${n}`,
      parentId: state,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('organizations').set({ districtId: row.id }).where('id', '=', row.id).execute();
  return row.id;
}

export async function seedSchool(db: Db, o: { districtId: number; name?: string; naturalId?: string }): Promise<number> {
  const n = next();
  const row = await db
    .insertInto('organizations')
    .values({
      type: 'school',
      naturalId: o.naturalId ?? `98${String(n).padStart(12, '0')}`,
      name: o.name ?? `School ${n}`,
      parentId: o.districtId,
      districtId: o.districtId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedSubjects(db: Db): Promise<void> {
  await db
    .insertInto('subjects')
    .values([
      { code: 'ELA', name: 'English Language Arts/Literacy' },
      { code: 'Math', name: 'Mathematics' },
      { code: 'Science', name: 'Science' },
      { code: 'Spanish', name: 'Spanish' },
      { code: 'ELPAC', name: 'English Language Proficiency' },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function seedAssessment(
  db: Db,
  o: Partial<{
    family: string;
    subject: string;
    type: string;
    grade: string;
    schoolYear: number;
    name: string;
    cutScores: number[];
    minScore: number;
    maxScore: number;
    hasClaims: boolean;
  }> = {},
): Promise<number> {
  await seedSubjects(db);
  const n = next();
  const name = o.name ?? `Test Assessment ${n}`;
  const row = await db
    .insertInto('assessments')
    .values({
      naturalId: `(TEST)${name}-${n}`,
      family: o.family ?? 'SBAC',
      subject: o.subject ?? 'ELA',
      type: o.type ?? 'sum',
      grade: o.grade ?? '05',
      schoolYear: o.schoolYear ?? 2025,
      name,
      label: name,
      minScore: o.minScore ?? 2201,
      maxScore: o.maxScore ?? 2701,
      cutScores: o.cutScores ?? [2442, 2502, 2582],
      standardCutLevel: 3,
      hasClaims: o.hasClaims ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedStudent(
  db: Db,
  o: { ssid?: string; firstName?: string; lastName?: string; schoolId?: number | null; districtId?: number | null } = {},
): Promise<number> {
  const n = next();
  const row = await db
    .insertInto('students')
    .values({
      ssid: o.ssid ?? String(9_000_000_000 + n),
      firstName: o.firstName ?? `First${n}`,
      lastName: o.lastName ?? `Last${n}`,
      inferredSchoolId: o.schoolId ?? null,
      inferredDistrictId: o.districtId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedExam(
  db: Db,
  o: Pick<ExamDraft, 'studentId' | 'assessmentId' | 'schoolId' | 'districtId'> & Partial<ExamDraft>,
): Promise<number> {
  const [id] = await insertExams(db, [
    {
      schoolYear: 2025,
      opportunityId: `opp-${next()}`,
      completedAt: '2025-04-15T16:00:00Z',
      scaleScore: 2500,
      scaleScoreSem: 25,
      achievementLevel: 2,
      completeness: 'Complete',
      administrationCondition: 'Valid',
      enrolledGrade: '05',
      ...o,
    },
  ]);
  return id as number;
}

export async function seedUser(
  db: Db,
  o: { login?: string; displayName?: string; roles?: { role: RoleCode; organizationId: number }[] } = {},
): Promise<number> {
  const n = next();
  const row = await db
    .insertInto('users')
    .values({ login: o.login ?? `user${n}@example.org`, displayName: o.displayName ?? `User ${n}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const r of o.roles ?? []) {
    await db.insertInto('userRoles').values({ userId: row.id, role: r.role, organizationId: r.organizationId }).execute();
  }
  return row.id;
}

export async function seedGroup(
  db: Db,
  o: {
    schoolId: number;
    districtId: number;
    name?: string;
    schoolYear?: number;
    subjects?: string[] | null;
    studentIds?: number[];
    teacherIds?: number[];
  },
): Promise<number> {
  const row = await db
    .insertInto('studentGroups')
    .values({
      schoolId: o.schoolId,
      districtId: o.districtId,
      name: o.name ?? `Group ${next()}`,
      schoolYear: o.schoolYear ?? 2025,
      subjects: o.subjects ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.studentIds?.length) {
    await db
      .insertInto('studentGroupMembers')
      .values(o.studentIds.map((studentId) => ({ groupId: row.id, studentId, districtId: o.districtId })))
      .execute();
  }
  if (o.teacherIds?.length) {
    await db
      .insertInto('studentGroupTeachers')
      .values(o.teacherIds.map((userId) => ({ groupId: row.id, userId })))
      .execute();
  }
  return row.id;
}

/** Releases summative results of a year/district/subject (no row = loading, i.e. hidden). */
export async function releaseEmbargo(db: Db, o: { schoolYear: number; districtId: number; subject: string }): Promise<void> {
  for (const reportType of ['individual', 'aggregate'] as const) {
    await db
      .insertInto('embargoes')
      .values({ ...o, reportType, status: 'released' })
      .onConflict((oc) => oc.columns(['schoolYear', 'districtId', 'subject', 'reportType']).doUpdateSet({ status: 'released' }))
      .execute();
  }
}
