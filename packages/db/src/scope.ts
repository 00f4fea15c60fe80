import type { AccessScope, EmbargoScope, TeacherGroup } from '@cers/domain';
import { type RawBuilder, type SqlBool, sql } from 'kysely';

export type { EmbargoScope } from '@cers/domain';

/**
 * THE translation of an AccessScope into SQL (docs/access.md §Scope rules). The pure twins in
 * @cers/domain (examInScope, studentVisible, embargoAllowsExam) are the test oracle
 * (apps/server/test/privacy.property.db.test.ts). Every query that can return student data adds
 * one of these predicates; there is no unscoped variant.
 *
 * Column references are passed as the caller's aliases, e.g. examInScope(scope, { exam: 'e',
 * assessment: 'a' }). Sub-queries are written as `x in (select …)` so PostgreSQL can choose per
 * query between a hashed sub-plan (large scans: exports, school results) and an index probe per
 * row (one student's history); see docs/access.md §Performance for the plans.
 */

function ids(values: readonly number[]): RawBuilder<number[]> {
  return sql<number[]>`${[...values]}::int[]`;
}

function anyOf(parts: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  if (parts.length === 0) return sql<SqlBool>`false`;
  if (parts.length === 1) return parts[0] as RawBuilder<SqlBool>;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/**
 * Students of live assigned groups (any subject). The live groups are found first (an init plan),
 * then their members by group_id: PostgreSQL then estimates the member count from the group ids,
 * where a join of members and groups was estimated at one row and made group results scan every
 * scope student's exams instead of the population's.
 */
function groupMembers(groupIds: readonly number[]): RawBuilder<unknown> {
  return sql`select scope_m.student_id from student_group_members scope_m
    where scope_m.group_id = any(array(select scope_g.id from student_groups scope_g
      where scope_g.id = any(${ids(groupIds)}) and scope_g.deleted_at is null))`;
}

/**
 * Teacher groups partitioned by what they open: groups for every subject, and per subject (lower
 * case) the groups limited to it. Subjects come from the scope (loaded with the principal), the
 * same data the pure twin uses.
 */
function groupsBySubject(groups: readonly TeacherGroup[]): { all: number[]; bySubject: Map<string, number[]> } {
  const all: number[] = [];
  const bySubject = new Map<string, number[]>();
  for (const g of groups) {
    if (g.subjects === null) {
      all.push(g.groupId);
      continue;
    }
    for (const subject of new Set(g.subjects.map((s) => s.toLowerCase()))) {
      const list = bySubject.get(subject) ?? [];
      list.push(g.groupId);
      bySubject.set(subject, list);
    }
  }
  return { all, bySubject };
}

export type ExamAliases = { exam: string; assessment: string };

/**
 * An exam row is visible when taken in a district/school of the scope, when the student's current
 * school/district is in the scope (history rule), or when the student is in one of the scope's
 * teacher groups and the group covers the assessment's subject (domain.md §Access).
 */
export function examInScope(scope: AccessScope, alias: ExamAliases): RawBuilder<SqlBool> {
  if (scope.statewide) return sql<SqlBool>`true`;
  const e = (column: string) => sql.ref(`${alias.exam}.${column}`);
  const parts: RawBuilder<SqlBool>[] = [];
  if (scope.districtIds.length > 0) parts.push(sql<SqlBool>`${e('district_id')} = any(${ids(scope.districtIds)})`);
  if (scope.schoolIds.length > 0) parts.push(sql<SqlBool>`${e('school_id')} = any(${ids(scope.schoolIds)})`);
  if (scope.districtIds.length > 0 || scope.schoolIds.length > 0) {
    parts.push(sql<SqlBool>`${e('student_id')} in (
      select scope_s.id from students scope_s
      where scope_s.inferred_district_id = any(${ids(scope.districtIds)})
         or scope_s.inferred_school_id = any(${ids(scope.schoolIds)}))`);
  }
  const { all, bySubject } = groupsBySubject(scope.groups);
  if (all.length > 0) parts.push(sql<SqlBool>`${e('student_id')} in (${groupMembers(all)})`);
  for (const [subject, groupIds] of bySubject) {
    parts.push(
      sql<SqlBool>`(lower(${sql.ref(`${alias.assessment}.subject`)}) = ${subject} and ${e('student_id')} in (${groupMembers(groupIds)}))`,
    );
  }
  return anyOf(parts);
}

/**
 * A student is visible (may be found and opened) when any clause of the scope reaches them: current
 * school/district, an exam taken in a scope organization, or membership in a scope teacher group
 * (any subject; which exams show is then decided by examInScope).
 */
export function studentInScope(scope: AccessScope, studentAlias: string): RawBuilder<SqlBool> {
  if (scope.statewide) return sql<SqlBool>`true`;
  const s = (column: string) => sql.ref(`${studentAlias}.${column}`);
  const parts: RawBuilder<SqlBool>[] = [];
  if (scope.districtIds.length > 0) parts.push(sql<SqlBool>`${s('inferred_district_id')} = any(${ids(scope.districtIds)})`);
  if (scope.schoolIds.length > 0) parts.push(sql<SqlBool>`${s('inferred_school_id')} = any(${ids(scope.schoolIds)})`);
  if (scope.districtIds.length > 0 || scope.schoolIds.length > 0) {
    parts.push(sql<SqlBool>`exists (
      select 1 from exams scope_e
      where scope_e.student_id = ${s('id')}
        and (scope_e.district_id = any(${ids(scope.districtIds)}) or scope_e.school_id = any(${ids(scope.schoolIds)})))`);
  }
  if (scope.groups.length > 0) {
    parts.push(sql<SqlBool>`${s('id')} in (${groupMembers(scope.groups.map((g) => g.groupId))})`);
  }
  return anyOf(parts);
}

/**
 * Schools a scope reaches directly (Search by School, school pickers). The alias is an
 * organizations row of type school (its district_id is its district).
 */
export function schoolInScope(scope: AccessScope, schoolAlias: string): RawBuilder<SqlBool> {
  if (scope.statewide) return sql<SqlBool>`true`;
  const parts: RawBuilder<SqlBool>[] = [];
  if (scope.districtIds.length > 0) {
    parts.push(sql<SqlBool>`${sql.ref(`${schoolAlias}.district_id`)} = any(${ids(scope.districtIds)})`);
  }
  if (scope.schoolIds.length > 0) {
    parts.push(sql<SqlBool>`${sql.ref(`${schoolAlias}.id`)} = any(${ids(scope.schoolIds)})`);
  }
  return anyOf(parts);
}

/**
 * Assigned groups (student_groups rows) a scope reaches: the scope's own teacher groups, and every
 * group of a school or district in the scope (administrators manage and open them).
 */
export function assignedGroupInScope(scope: AccessScope, groupAlias: string): RawBuilder<SqlBool> {
  const g = (column: string) => sql.ref(`${groupAlias}.${column}`);
  const live = sql<SqlBool>`${g('deleted_at')} is null`;
  if (scope.statewide) return live;
  const parts: RawBuilder<SqlBool>[] = [];
  if (scope.districtIds.length > 0) parts.push(sql<SqlBool>`${g('district_id')} = any(${ids(scope.districtIds)})`);
  if (scope.schoolIds.length > 0) parts.push(sql<SqlBool>`${g('school_id')} = any(${ids(scope.schoolIds)})`);
  if (scope.groups.length > 0) parts.push(sql<SqlBool>`${g('id')} = any(${ids(scope.groups.map((x) => x.groupId))})`);
  return sql<SqlBool>`(${live} and ${anyOf(parts)})`;
}

/**
 * Summative exams of a (year, district, subject) that is not released are hidden unless the user
 * reviews that district. Interim exams are never embargoed. No embargo row = loading.
 * Pure twin: embargoAllowsExam in @cers/domain.
 */
export function embargoAllows(
  embargo: EmbargoScope,
  alias: ExamAliases,
  reportType: 'individual' | 'aggregate' = 'individual',
): RawBuilder<SqlBool> {
  if (embargo.reviewStatewide) return sql<SqlBool>`true`;
  const e = alias.exam;
  const a = alias.assessment;
  const reviewer =
    embargo.reviewDistrictIds.length > 0
      ? sql<SqlBool>` or ${sql.ref(`${e}.district_id`)} = any(${ids(embargo.reviewDistrictIds)})`
      : sql<SqlBool>``;
  return sql<SqlBool>`(${sql.ref(`${a}.type`)} <> 'sum' or exists (
      select 1 from embargoes emb
      where emb.school_year = ${sql.ref(`${e}.school_year`)}
        and emb.district_id = ${sql.ref(`${e}.district_id`)}
        and emb.subject = ${sql.ref(`${a}.subject`)}
        and emb.report_type = ${reportType}
        and emb.status = 'released')${reviewer})`;
}
