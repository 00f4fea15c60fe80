import type { AccessScope } from '@cers/domain';
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../schema.js';
import { type EmbargoScope, embargoAllows, examInScope, schoolInScope, studentInScope } from '../scope.js';

/**
 * Data of printable reports (ISRs and the group CSV). Every function takes the requester's scope
 * and selects exams only through examInScope + embargoAllows (packages/db/src/scope.ts), so a
 * report never holds a result the requester may not see — whatever ids it was asked about.
 */
type Db = Kysely<Database>;

export type ReportTarget =
  | { type: 'student'; studentId: number }
  | { type: 'group'; groupId: number }
  | { type: 'userGroup'; userGroupId: number; ownerId: number }
  | { type: 'schoolGrade'; schoolId: number; grade: string };

export type ReportExamFilter = { schoolYear: number; types: readonly string[]; subject: string | null };

const ALIAS = { exam: 'e', assessment: 'a' };

function ints(values: readonly number[]): RawBuilder<number[]> {
  return sql<number[]>`${[...values]}::int[]`;
}

/** The target's students, as of now (group membership is read when the report runs). */
function targetPredicate(target: ReportTarget): RawBuilder<SqlBool> {
  switch (target.type) {
    case 'student':
      return sql<SqlBool>`e.student_id = ${target.studentId}`;
    case 'group':
      return sql<SqlBool>`exists (select 1 from student_group_members m join student_groups g on g.id = m.group_id
        where m.group_id = ${target.groupId} and m.student_id = e.student_id and g.deleted_at is null)`;
    case 'userGroup':
      return sql<SqlBool>`exists (select 1 from user_group_members m join user_groups ug on ug.id = m.user_group_id
        where ug.id = ${target.userGroupId} and ug.user_id = ${target.ownerId} and m.student_id = e.student_id)`;
    case 'schoolGrade':
      return sql<SqlBool>`e.school_id = ${target.schoolId} and a.grade = ${target.grade}`;
    default: {
      const never: never = target;
      return never;
    }
  }
}

function filterPredicate(f: ReportExamFilter): RawBuilder<SqlBool> {
  const subject = f.subject === null ? sql<SqlBool>`true` : sql<SqlBool>`lower(a.subject) = lower(${f.subject})`;
  return sql<SqlBool>`e.school_year = ${f.schoolYear} and a.type = any(${sql`${[...f.types]}::text[]`}) and ${subject}`;
}

/** Is the target something the requester may print? (Checked again, row by row, when it runs.) */
export async function isReportTargetVisible(db: Db, args: { scope: AccessScope; target: ReportTarget }): Promise<boolean> {
  const { scope, target } = args;
  switch (target.type) {
    case 'student': {
      const row = await db
        .selectFrom('students as s')
        .select('s.id')
        .where('s.id', '=', target.studentId)
        .where(studentInScope(scope, 's'))
        .executeTakeFirst();
      return row !== undefined;
    }
    case 'group': {
      const teacherGroups = scope.groups.map((g) => g.groupId);
      const row = await db
        .selectFrom('studentGroups as g')
        .innerJoin('organizations as o', 'o.id', 'g.schoolId')
        .select('g.id')
        .where('g.id', '=', target.groupId)
        .where('g.deletedAt', 'is', null)
        .where(sql<SqlBool>`(g.id = any(${ints(teacherGroups)}) or ${schoolInScope(scope, 'o')})`)
        .executeTakeFirst();
      return row !== undefined;
    }
    case 'userGroup': {
      const row = await db
        .selectFrom('userGroups')
        .select('id')
        .where('id', '=', target.userGroupId)
        .where('userId', '=', target.ownerId)
        .executeTakeFirst();
      return row !== undefined;
    }
    case 'schoolGrade': {
      const row = await db
        .selectFrom('organizations as o')
        .select('o.id')
        .where('o.id', '=', target.schoolId)
        .where('o.type', '=', 'school')
        .where(schoolInScope(scope, 'o'))
        .executeTakeFirst();
      return row !== undefined;
    }
    default: {
      const never: never = target;
      return never;
    }
  }
}

export type ReportCandidate = {
  studentId: number;
  ssid: string;
  lastName: string | null;
  firstName: string | null;
  maxScore: number | null;
};

/** Students of the target with at least one visible exam matching the filter. */
export async function listReportStudents(
  db: Db,
  args: { scope: AccessScope; embargo: EmbargoScope; target: ReportTarget; filter: ReportExamFilter },
): Promise<ReportCandidate[]> {
  const r = await sql<ReportCandidate>`
    select s.id as student_id, s.ssid, s.last_name, s.first_name, max(e.scale_score) as max_score
    from exams e
    join assessments a on a.id = e.assessment_id
    join students s on s.id = e.student_id
    where ${targetPredicate(args.target)}
      and ${filterPredicate(args.filter)}
      and ${examInScope(args.scope, ALIAS)}
      and ${embargoAllows(args.embargo, ALIAS)}
    group by s.id, s.ssid, s.last_name, s.first_name`.execute(db);
  return r.rows;
}

export type ReportExamRow = {
  examId: number;
  studentId: number;
  districtId: number;
  schoolId: number;
  assessmentId: number;
  schoolYear: number;
  completedAt: Date;
  sessionId: string | null;
  schoolName: string;
  districtName: string;
  enrolledGrade: string | null;
  scaleScore: number | null;
  scaleScoreSem: number | null;
  achievementLevel: number | null;
  lexile: number | null;
  quantile: number | null;
  administrationCondition: string | null;
  completeness: string | null;
  accommodations: string[];
};

export type ReportAssessmentRow = {
  id: number;
  family: string;
  type: string;
  subject: string;
  grade: string;
  schoolYear: number;
  name: string;
  label: string;
  minScore: number | null;
  maxScore: number | null;
  cutScores: number[];
  standardCutLevel: number | null;
  levels: unknown;
  hasClaims: boolean;
  hasComposites: boolean;
  hasDomains: boolean;
  hasTraits: boolean;
  measureKind: string | null;
};

export type ReportData = {
  students: { id: number; ssid: string; firstName: string | null; middleName: string | null; lastName: string | null }[];
  exams: ReportExamRow[];
  assessments: ReportAssessmentRow[];
  assessmentScores: {
    assessmentId: number;
    code: string;
    kind: string;
    name: string;
    displayOrder: number;
    minScore: number | null;
    maxScore: number | null;
    cutScores: number[];
    levels: unknown;
  }[];
  scores: { examId: number; code: string; kind: string; scaleScore: number | null; sem: number | null; level: number | null }[];
  traits: { examId: number; purpose: string; category: string; score: number | null; maxScore: number; conditionCode: string | null }[];
  accommodationLabels: { code: string; labels: unknown }[];
};

/**
 * Everything a chunk of students' reports shows: the matching exams (and, with history, earlier
 * years of the same types), their sub-scores, traits and assessments. Scoped and embargo-checked
 * here, at render time.
 */
export async function loadReportData(
  db: Db,
  args: {
    scope: AccessScope;
    embargo: EmbargoScope;
    target: ReportTarget;
    studentIds: readonly number[];
    filter: ReportExamFilter;
    withHistory: boolean;
  },
): Promise<ReportData> {
  const empty: ReportData = {
    students: [],
    exams: [],
    assessments: [],
    assessmentScores: [],
    scores: [],
    traits: [],
    accommodationLabels: [],
  };
  if (args.studentIds.length === 0) return empty;
  const year = args.withHistory
    ? sql<SqlBool>`e.school_year <= ${args.filter.schoolYear}`
    : sql<SqlBool>`e.school_year = ${args.filter.schoolYear}`;
  const subject = args.filter.subject === null ? sql<SqlBool>`true` : sql<SqlBool>`lower(a.subject) = lower(${args.filter.subject})`;
  // The current year's exams must still belong to the target; history follows those students.
  const current = sql<SqlBool>`(e.school_year <> ${args.filter.schoolYear} or ${targetPredicate(args.target)})`;
  const exams = await sql<ReportExamRow>`
    select e.id as exam_id, e.student_id, e.district_id, e.school_id, e.assessment_id, e.school_year, e.completed_at,
      e.session_id, sc.name as school_name, d.name as district_name, e.enrolled_grade, e.scale_score, e.scale_score_sem,
      e.achievement_level, e.lexile, e.quantile, e.administration_condition, e.completeness, e.accommodations
    from exams e
    join assessments a on a.id = e.assessment_id
    join organizations sc on sc.id = e.school_id
    join organizations d on d.id = e.district_id
    where e.student_id = any(${ints(args.studentIds)})
      and ${year}
      and a.type = any(${sql`${[...args.filter.types]}::text[]`})
      and ${subject}
      and ${current}
      and ${examInScope(args.scope, ALIAS)}
      and ${embargoAllows(args.embargo, ALIAS)}
    order by e.student_id, e.completed_at`.execute(db);
  if (exams.rows.length === 0) return empty;
  const examIds = exams.rows.map((e) => e.examId);
  const assessmentIds = [...new Set(exams.rows.map((e) => e.assessmentId))];
  const studentIds = [...new Set(exams.rows.map((e) => e.studentId))];
  const codes = [...new Set(exams.rows.flatMap((e) => e.accommodations))];
  const [students, assessments, assessmentScores, scores, traits, accommodationLabels] = await Promise.all([
    db.selectFrom('students').select(['id', 'ssid', 'firstName', 'middleName', 'lastName']).where('id', 'in', studentIds).execute(),
    db
      .selectFrom('assessments')
      .select([
        'id',
        'family',
        'type',
        'subject',
        'grade',
        'schoolYear',
        'name',
        'label',
        'minScore',
        'maxScore',
        'cutScores',
        'standardCutLevel',
        'levels',
        'hasClaims',
        'hasComposites',
        'hasDomains',
        'hasTraits',
        'measureKind',
      ])
      .where('id', 'in', assessmentIds)
      .execute(),
    db
      .selectFrom('assessmentScores')
      .select(['assessmentId', 'code', 'kind', 'name', 'displayOrder', 'minScore', 'maxScore', 'cutScores', 'levels'])
      .where('assessmentId', 'in', assessmentIds)
      .execute(),
    sql<ReportData['scores'][number]>`select exam_id, code, kind, scale_score, sem, level from exam_scores
      where exam_id = any(${ints(examIds)})`.execute(db),
    sql<ReportData['traits'][number]>`select exam_id, purpose, category, score, max_score, condition_code from exam_trait_scores
      where exam_id = any(${ints(examIds)})`.execute(db),
    codes.length > 0
      ? db.selectFrom('accommodations').select(['code', 'labels']).where('code', 'in', codes).execute()
      : Promise.resolve([]),
  ]);
  return {
    students,
    exams: exams.rows,
    assessments,
    assessmentScores,
    scores: scores.rows,
    traits: traits.rows,
    accommodationLabels,
  };
}

export type ReportOption = { schoolYear: number; type: string; subject: string };

/** The (school year, assessment type, subject) combinations the target has visible results for. */
export async function listReportOptions(
  db: Db,
  args: { scope: AccessScope; embargo: EmbargoScope; target: ReportTarget },
): Promise<ReportOption[]> {
  const r = await sql<ReportOption>`
    select distinct e.school_year, a.type, a.subject
    from exams e
    join assessments a on a.id = e.assessment_id
    where ${targetPredicate(args.target)}
      and ${examInScope(args.scope, ALIAS)}
      and ${embargoAllows(args.embargo, ALIAS)}
    order by e.school_year desc, a.type, a.subject`.execute(db);
  return r.rows;
}
