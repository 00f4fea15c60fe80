/**
 * Who a results page is about (an assigned group, a user's My Group, a school or a school's grade) and the
 * one scoped base query every group-results query starts from: the latest visible exam of each
 * student of the population per assessment. Visibility is always decided in SQL by scope.ts
 * (examInScope + embargoAllows); the population only narrows further.
 */
import type { AccessScope, EmbargoScope } from '@cers/domain';
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { PREPARED } from '../prepared.js';
import type { Database } from '../schema.js';
import { assignedGroupInScope, embargoAllows, examInScope, schoolInScope } from '../scope.js';

type Db = Kysely<Database>;

export type PopulationRef =
  | { kind: 'group'; groupId: number }
  | { kind: 'user-group'; userGroupId: number }
  /** grade null: the whole school, every assessment grade. */
  | { kind: 'school'; schoolId: number; grade: string | null };

/** How a query may read: the scope (individual or aggregate), embargo reviewer rights, report type. */
export type ResultsAccess = { scope: AccessScope; embargo: EmbargoScope; reportType: 'individual' | 'aggregate' };

export type PopulationRow = {
  kind: PopulationRef['kind'];
  id: number;
  name: string;
  schoolId: number | null;
  schoolName: string | null;
  districtId: number | null;
  schoolYear: number | null;
  subjects: string[] | null;
  grade: string | null;
};

/**
 * An assigned group reachable by the scope (its teachers' groups, or any group of a school or
 * district of the scope); undefined when missing, deleted or out of scope.
 */
export async function findAssignedGroup(db: Db, groupId: number, scope: AccessScope): Promise<PopulationRow | undefined> {
  const { rows } = await sql<Omit<PopulationRow, 'kind' | 'grade'>>`${PREPARED}
    select g.id, g.name, g.school_id, o.name as school_name, g.district_id, g.school_year, g.subjects
    from student_groups g join organizations o on o.id = g.school_id
    where g.id = ${groupId} and ${assignedGroupInScope(scope, 'g')}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return { kind: 'group', grade: null, ...row };
}

/** A My Group of this user (never anyone else's). */
export async function findOwnUserGroup(db: Db, userGroupId: number, userId: number): Promise<PopulationRow | undefined> {
  const { rows } = await sql<Pick<PopulationRow, 'id' | 'name' | 'subjects'>>`${PREPARED}
    select g.id, g.name, g.subjects from user_groups g where g.id = ${userGroupId} and g.user_id = ${userId}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return { kind: 'user-group', schoolId: null, schoolName: null, districtId: null, schoolYear: null, grade: null, ...row };
}

/** A school reachable by the scope (schoolInScope), with the requested assessment grade (null: every grade). */
export async function findResultsSchool(
  db: Db,
  schoolId: number,
  grade: string | null,
  scope: AccessScope,
): Promise<PopulationRow | undefined> {
  const row = await db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.name', 'o.districtId'])
    .where('o.id', '=', schoolId)
    .where('o.type', '=', 'school')
    .where(schoolInScope(scope, 'o'))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    kind: 'school',
    id: row.id,
    name: row.name,
    schoolId: row.id,
    schoolName: row.name,
    districtId: row.districtId,
    schoolYear: null,
    subjects: null,
    grade,
  };
}

/**
 * The population's own restriction on exams (alias e = exams, a = assessments): the group's
 * members, and only the group's subjects (a Science section shows science results, even when its
 * teacher may see the same students' ELA results through another group).
 */
export function populationFilter(ref: PopulationRef): RawBuilder<SqlBool> {
  switch (ref.kind) {
    case 'group':
      return sql<SqlBool>`e.student_id in (select m.student_id from student_group_members m where m.group_id = ${ref.groupId})
        and exists (select 1 from student_groups pg where pg.id = ${ref.groupId}
          and (pg.subjects is null or lower(a.subject) = any(select lower(x) from unnest(pg.subjects) x)))`;
    case 'user-group':
      return sql<SqlBool>`e.student_id in (select m.student_id from user_group_members m where m.user_group_id = ${ref.userGroupId})
        and exists (select 1 from user_groups pg where pg.id = ${ref.userGroupId}
          and (pg.subjects is null or lower(a.subject) = any(select lower(x) from unnest(pg.subjects) x)))`;
    case 'school':
      return ref.grade === null
        ? sql<SqlBool>`e.school_id = ${ref.schoolId}`
        : sql<SqlBool>`e.school_id = ${ref.schoolId} and a.grade = ${ref.grade}`;
    default: {
      const never: never = ref;
      return never;
    }
  }
}

/**
 * Statements about an assigned group or a My Group are driven by the group's members (tens of
 * students): their plans do not depend on the parameter values, so they run as prepared statements
 * with generic plans (prepared.ts). A school grade (up to thousands of students) is planned for its values.
 */
export function preparedFor(ref: PopulationRef): RawBuilder<unknown> {
  return ref.kind === 'school' ? sql`` : PREPARED;
}

/** Which assessments: explicit ids, or every assessment of a subject and type (year comparison). */
export type AssessmentFilter = { ids: readonly number[] } | { subject: string; type: string } | { schoolYear: number };

function assessmentFilter(f: AssessmentFilter): RawBuilder<SqlBool> {
  if ('ids' in f) return sql<SqlBool>`e.assessment_id = any(${[...f.ids]}::int[])`;
  if ('schoolYear' in f) return sql<SqlBool>`a.school_year = ${f.schoolYear}`;
  return sql<SqlBool>`a.subject = ${f.subject} and a.type = ${f.type}`;
}

/** Every visible exam of the population (no "latest" reduction): for years and assessment lists. */
export function visibleExamsWhere(ref: PopulationRef, access: ResultsAccess, asmt?: AssessmentFilter): RawBuilder<SqlBool> {
  const alias = { exam: 'e', assessment: 'a' };
  const parts = [populationFilter(ref), examInScope(access.scope, alias), embargoAllows(access.embargo, alias, access.reportType)];
  if (asmt) parts.unshift(assessmentFilter(asmt));
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/**
 * The latest visible exam of each student per assessment (one result per student: retakes of an
 * interim count once, the most recent). Columns: everything the results views read.
 */
export function latestExams(ref: PopulationRef, access: ResultsAccess, asmt: AssessmentFilter): RawBuilder<unknown> {
  return sql`select distinct on (e.assessment_id, e.student_id)
      e.id, e.district_id, e.school_id, e.student_id, e.assessment_id, e.school_year, e.session_id, e.completed_at,
      e.administration_condition, e.completeness, e.scale_score, e.scale_score_sem, e.achievement_level, e.lexile, e.quantile,
      e.enrolled_grade, e.gender, e.ethnicities, e.elas, e.lep, e.iep, e.section504, e.economic_disadvantage, e.migrant,
      e.military_connected, e.accommodations
    from exams e join assessments a on a.id = e.assessment_id
    where ${visibleExamsWhere(ref, access, asmt)}
    order by e.assessment_id, e.student_id, e.completed_at desc, e.id desc`;
}
