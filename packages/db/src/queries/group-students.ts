import type { AccessScope } from '@cers/domain';
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../schema.js';
import { examInScope, studentInScope } from '../scope.js';

/**
 * Students as group pickers list them: identity, current school and the attributes of their
 * latest visible exam (demographics are recorded per exam, domain.md §Students and demographics).
 * Always limited to the caller's scope, so My Groups can only be built from students the user may see.
 */
type Db = Kysely<Database>;

export type GroupStudent = {
  id: number;
  ssid: string;
  firstName: string | null;
  lastName: string | null;
  schoolId: number | null;
  schoolName: string | null;
  grade: string | null;
  gender: string | null;
  ethnicities: string[];
  elas: string | null;
  iep: boolean | null;
  section504: boolean | null;
  economicDisadvantage: boolean | null;
  migrant: boolean | null;
  militaryConnected: string | null;
};

export type CandidateFilters = {
  /** Students whose current school is this one. */
  schoolId?: number | undefined;
  /** Members of this assigned group (the caller checks the group is visible to the user). */
  groupId?: number | undefined;
  /** Part of a name, or the start of an SSID. */
  q?: string | undefined;
  grades?: readonly string[] | undefined;
  genders?: readonly string[] | undefined;
  ethnicities?: readonly string[] | undefined;
  elas?: readonly string[] | undefined;
  military?: readonly string[] | undefined;
  iep?: boolean | undefined;
  section504?: boolean | undefined;
  economicDisadvantage?: boolean | undefined;
  migrant?: boolean | undefined;
};

function groupStudentsQuery(db: Db, scope: AccessScope) {
  const latest = sql<{
    enrolledGrade: string | null;
    gender: string | null;
    ethnicities: string[];
    elas: string | null;
    iep: boolean | null;
    section504: boolean | null;
    economicDisadvantage: boolean | null;
    migrant: boolean | null;
    militaryConnected: string | null;
  }>`lateral (
    select e.enrolled_grade, e.gender, e.ethnicities, e.elas, e.iep, e.section504, e.economic_disadvantage, e.migrant, e.military_connected
    from exams e join assessments a on a.id = e.assessment_id
    where e.student_id = s.id and ${examInScope(scope, { exam: 'e', assessment: 'a' })}
    order by e.completed_at desc, e.id desc
    limit 1)`;
  return db
    .selectFrom('students as s')
    .leftJoin('organizations as sch', 'sch.id', 's.inferredSchoolId')
    .leftJoin(latest.as('x'), (j) => j.on(sql<boolean>`true`))
    .select([
      's.id',
      's.ssid',
      's.firstName',
      's.lastName',
      's.inferredSchoolId as schoolId',
      'sch.name as schoolName',
      'x.enrolledGrade as grade',
      sql<string | null>`coalesce(x.gender, s.gender)`.as('gender'),
      sql<string[]>`coalesce(x.ethnicities, '{}')`.as('ethnicities'),
      'x.elas',
      'x.iep',
      'x.section504',
      'x.economicDisadvantage',
      'x.migrant',
      'x.militaryConnected',
    ])
    .where(studentInScope(scope, 's'));
}

const ESCAPE_LIKE = /[\\%_]/g;

/** Source (school or group) and name/SSID filters: they need no exam, so they run before the per-student lookup. */
function basePredicates(f: CandidateFilters): RawBuilder<SqlBool>[] {
  const out: RawBuilder<SqlBool>[] = [];
  if (f.schoolId !== undefined) out.push(sql<SqlBool>`s.inferred_school_id = ${f.schoolId}`);
  if (f.groupId !== undefined) {
    out.push(sql<SqlBool>`exists (select 1 from student_group_members m where m.student_id = s.id and m.group_id = ${f.groupId})`);
  }
  const text = f.q?.trim();
  if (text && /^\d+$/.test(text)) {
    out.push(sql<SqlBool>`s.ssid like ${`${text}%`}`);
  } else if (text) {
    const pattern = `%${text.toLowerCase().replace(ESCAPE_LIKE, (c) => `\\${c}`)}%`;
    out.push(sql<SqlBool>`(lower(s.last_name) like ${pattern} or lower(s.first_name) like ${pattern}
      or lower(coalesce(s.last_name, '') || ', ' || coalesce(s.first_name, '')) like ${pattern}
      or lower(coalesce(s.first_name, '') || ' ' || coalesce(s.last_name, '')) like ${pattern})`);
  }
  return out;
}

function hasAttributeFilters(f: CandidateFilters): boolean {
  const lists = [f.grades, f.genders, f.ethnicities, f.elas, f.military].some((l) => (l?.length ?? 0) > 0);
  return lists || [f.iep, f.section504, f.economicDisadvantage, f.migrant].some((v) => v !== undefined);
}

/**
 * Candidates for a group, filtered, sorted by name; total is the count before the limit. Without
 * advanced filters the page of students is cut first and only its rows look up their latest exam
 * (a district has tens of thousands of students); advanced filters need that lookup for every
 * candidate, so pickers narrow by school or group first.
 */
export async function listGroupCandidates(
  db: Db,
  args: { scope: AccessScope; filters: CandidateFilters; limit: number },
): Promise<{ students: GroupStudent[]; total: number }> {
  const f = args.filters;
  if (!hasAttributeFilters(f)) {
    let page = db
      .selectFrom('students as s')
      .select(['s.id', sql<number>`count(*) over ()::int`.as('total')])
      .where(studentInScope(args.scope, 's'));
    for (const p of basePredicates(f)) page = page.where(p);
    const ids = await page.orderBy(sql`lower(s.last_name)`).orderBy(sql`lower(s.first_name)`).orderBy('s.id').limit(args.limit).execute();
    const students = await listVisibleStudents(db, { scope: args.scope, studentIds: ids.map((r) => r.id) });
    return { students, total: ids[0]?.total ?? 0 };
  }
  let q = groupStudentsQuery(db, args.scope).select(sql<number>`count(*) over ()::int`.as('total'));
  for (const p of basePredicates(f)) q = q.where(p);
  if (f.grades?.length) q = q.where('x.enrolledGrade', 'in', [...f.grades]);
  if (f.genders?.length) q = q.where(sql`coalesce(x.gender, s.gender)`, 'in', [...f.genders]);
  if (f.elas?.length) q = q.where('x.elas', 'in', [...f.elas]);
  if (f.military?.length) q = q.where('x.militaryConnected', 'in', [...f.military]);
  if (f.ethnicities?.length) q = q.where(sql<boolean>`x.ethnicities && ${sql`${[...f.ethnicities]}::text[]`}`);
  if (f.iep !== undefined) q = q.where('x.iep', '=', f.iep);
  if (f.section504 !== undefined) q = q.where('x.section504', '=', f.section504);
  if (f.economicDisadvantage !== undefined) q = q.where('x.economicDisadvantage', '=', f.economicDisadvantage);
  if (f.migrant !== undefined) q = q.where('x.migrant', '=', f.migrant);
  const rows = await q.orderBy(sql`lower(s.last_name)`).orderBy(sql`lower(s.first_name)`).orderBy('s.id').limit(args.limit).execute();
  const total = rows[0]?.total ?? 0;
  return { students: rows.map(({ total: _t, ...s }) => s), total };
}

/** The listed students the scope reaches, with their picker attributes (hidden ones are dropped). */
export async function listVisibleStudents(db: Db, args: { scope: AccessScope; studentIds: readonly number[] }): Promise<GroupStudent[]> {
  if (args.studentIds.length === 0) return [];
  return groupStudentsQuery(db, args.scope)
    .where('s.id', '=', sql<number>`any(${sql`${[...args.studentIds]}::int[]`})`)
    .orderBy(sql`lower(s.last_name)`)
    .orderBy(sql`lower(s.first_name)`)
    .orderBy('s.id')
    .execute();
}

/** Which of these student ids the scope reaches (ids only; for validating group writes). */
export async function filterVisibleStudentIds(db: Db, args: { scope: AccessScope; studentIds: readonly number[] }): Promise<number[]> {
  if (args.studentIds.length === 0) return [];
  const rows = await db
    .selectFrom('students as s')
    .select('s.id')
    .where('s.id', '=', sql<number>`any(${sql`${[...args.studentIds]}::int[]`})`)
    .where(studentInScope(args.scope, 's'))
    .execute();
  return rows.map((r) => r.id);
}
