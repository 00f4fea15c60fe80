import type { AccessScope } from '@cers/domain';
import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * THE translation of an AccessScope into SQL (domain/permissions.ts holds the pure twin,
 * examInScope, used as the test oracle). Every query that can return student data starts from
 * one of these predicates; there is no unscoped variant.
 *
 * Column references are passed as SQL identifiers of the caller's aliases, e.g.
 * examVisible(scope, { exam: 'e', assessment: 'a' }).
 */

function ids(values: readonly number[]): RawBuilder<number[]> {
  return sql<number[]>`${[...values]}::int[]`;
}

function anyOf(parts: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  if (parts.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** Group ids of a scope's teacher groups. */
function groupIds(scope: AccessScope): number[] {
  return scope.groups.map((g) => g.groupId);
}

export type ExamAliases = { exam: string; assessment: string };

/**
 * An exam row is visible when taken in a district/school of the scope, when the student's current
 * school/district is in the scope (history rule), or when the student is in one of the scope's
 * teacher groups and the group covers the assessment's subject.
 */
export function examInScope(scope: AccessScope, alias: ExamAliases): RawBuilder<SqlBool> {
  if (scope.statewide) return sql<SqlBool>`true`;
  const parts: RawBuilder<SqlBool>[] = [];
  if (scope.districtIds.length > 0) {
    parts.push(sql<SqlBool>`${sql.ref(`${alias.exam}.district_id`)} = any(${ids(scope.districtIds)})`);
  }
  if (scope.schoolIds.length > 0) {
    parts.push(sql<SqlBool>`${sql.ref(`${alias.exam}.school_id`)} = any(${ids(scope.schoolIds)})`);
  }
  if (scope.districtIds.length > 0 || scope.schoolIds.length > 0) {
    parts.push(sql<SqlBool>`exists (
      select 1 from students scope_s
      where scope_s.id = ${sql.ref(`${alias.exam}.student_id`)}
        and (scope_s.inferred_district_id = any(${ids(scope.districtIds)})
          or scope_s.inferred_school_id = any(${ids(scope.schoolIds)})))`);
  }
  if (scope.groups.length > 0) {
    parts.push(sql<SqlBool>`exists (
      select 1 from student_group_members scope_m
      join student_groups scope_g on scope_g.id = scope_m.group_id
      where scope_m.student_id = ${sql.ref(`${alias.exam}.student_id`)}
        and scope_m.group_id = any(${ids(groupIds(scope))})
        and scope_g.deleted_at is null
        and (scope_g.subjects is null or lower(${sql.ref(`${alias.assessment}.subject`)}) = any(
          select lower(x) from unnest(scope_g.subjects) x)))`);
  }
  return anyOf(parts);
}

/**
 * A student is visible when any clause of the scope reaches them: current school/district,
 * an exam taken in a scope organization, or membership in a scope teacher group (any subject).
 */
export function studentInScope(scope: AccessScope, studentAlias: string): RawBuilder<SqlBool> {
  if (scope.statewide) return sql<SqlBool>`true`;
  const sid = sql.ref(`${studentAlias}.id`);
  const parts: RawBuilder<SqlBool>[] = [];
  if (scope.districtIds.length > 0) {
    parts.push(sql<SqlBool>`${sql.ref(`${studentAlias}.inferred_district_id`)} = any(${ids(scope.districtIds)})`);
  }
  if (scope.schoolIds.length > 0) {
    parts.push(sql<SqlBool>`${sql.ref(`${studentAlias}.inferred_school_id`)} = any(${ids(scope.schoolIds)})`);
  }
  if (scope.districtIds.length > 0 || scope.schoolIds.length > 0) {
    parts.push(sql<SqlBool>`exists (
      select 1 from exams scope_e
      where scope_e.student_id = ${sid}
        and (scope_e.district_id = any(${ids(scope.districtIds)}) or scope_e.school_id = any(${ids(scope.schoolIds)})))`);
  }
  if (scope.groups.length > 0) {
    parts.push(sql<SqlBool>`exists (
      select 1 from student_group_members scope_m
      join student_groups scope_g on scope_g.id = scope_m.group_id
      where scope_m.student_id = ${sid} and scope_m.group_id = any(${ids(groupIds(scope))}) and scope_g.deleted_at is null)`);
  }
  return anyOf(parts);
}

/** Organizations (schools) a scope reaches directly: for Search by School and school pickers. */
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

export type EmbargoScope = {
  /** Districts whose unreleased summative results the user may review (EMBARGO_REVIEW). */
  reviewDistrictIds: readonly number[];
  reviewStatewide: boolean;
};

/**
 * Summative exams of a (year, district, subject) that is not released are hidden unless the user
 * reviews that district. Interim exams are never embargoed. No embargo row = loading.
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
