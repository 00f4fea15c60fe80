/**
 * Group / school-grade results (issue #8; cers-features.md §3.3): school years and assessments a
 * population has results for, score distributions computed in SQL (counts per level, mean,
 * stddev_samp), and the Results by Student rows. Every query starts from results-population.ts
 * (scope.ts predicates inside); callers shape the figures with @cers/domain.
 */
import { type Kysely, sql } from 'kysely';
import type { Database, Json } from '../schema.js';
import { latestExams, type PopulationRef, preparedFor, type ResultsAccess, visibleExamsWhere } from './results-population.js';

type Db = Kysely<Database>;

export type ResultAssessmentCount = { assessmentId: number; schoolYear: number; students: number; latestCompletedAt: Date };

/**
 * Every assessment (all school years) the population has visible results for, with students
 * tested and the latest test date: one scan gives both the School Year list and the assessments
 * of the chosen year.
 */
export async function listResultAssessmentCounts(db: Db, ref: PopulationRef, access: ResultsAccess): Promise<ResultAssessmentCount[]> {
  const { rows } = await sql<ResultAssessmentCount>`${preparedFor(ref)}
    select e.assessment_id, min(e.school_year) as school_year, count(distinct e.student_id)::int as students,
      max(e.completed_at) as latest_completed_at
    from exams e join assessments a on a.id = e.assessment_id
    where ${visibleExamsWhere(ref, access)}
    group by e.assessment_id`.execute(db);
  return rows;
}

export type AssessmentMeta = {
  id: number;
  naturalId: string;
  name: string;
  label: string;
  family: string;
  type: string;
  subject: string;
  grade: string;
  schoolYear: number;
  minScore: number | null;
  maxScore: number | null;
  cutScores: number[];
  standardCutLevel: number | null;
  levels: Json;
  hasClaims: boolean;
  hasComposites: boolean;
  hasDomains: boolean;
  hasTargets: boolean;
  hasTraits: boolean;
  hasItems: boolean;
  measureKind: string | null;
  itemCount: number;
  selectedResponseCount: number;
  subScores: { code: string; kind: string; name: string; displayOrder: number; levels: Json }[];
};

/** Assessment rows (reference data) with their sub-score definitions. */
export async function findAssessments(db: Db, ids: readonly number[]): Promise<AssessmentMeta[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('assessments as a')
    .select([
      'a.id',
      'a.naturalId',
      'a.name',
      'a.label',
      'a.family',
      'a.type',
      'a.subject',
      'a.grade',
      'a.schoolYear',
      'a.minScore',
      'a.maxScore',
      'a.cutScores',
      'a.standardCutLevel',
      'a.levels',
      'a.hasClaims',
      'a.hasComposites',
      'a.hasDomains',
      'a.hasTargets',
      'a.hasTraits',
      'a.hasItems',
      'a.measureKind',
      sql<number>`(select count(*)::int from items i where i.assessment_id = a.id and not i.field_test)`.as('itemCount'),
      sql<number>`(select count(*)::int from items i where i.assessment_id = a.id and not i.field_test and upper(i.format) in ('MC', 'MS'))`.as(
        'selectedResponseCount',
      ),
    ])
    .where('a.id', 'in', [...ids])
    .execute();
  const scores = await db
    .selectFrom('assessmentScores')
    .select(['assessmentId', 'code', 'kind', 'name', 'displayOrder', 'levels'])
    .where('assessmentId', 'in', [...ids])
    .orderBy('assessmentId')
    .orderBy('displayOrder')
    .execute();
  return rows.map((r) => ({ ...r, subScores: scores.filter((s) => s.assessmentId === r.id) }));
}

export type LevelMomentsRow = {
  assessmentId: number;
  /** Null on the total row of an assessment (or for exams without a level). */
  level: number | null;
  isTotal: boolean;
  n: number;
  scored: number;
  mean: number | null;
  sd: number | null;
};

export type StudentResultRow = {
  examId: number;
  studentId: number;
  ssid: string;
  firstName: string | null;
  lastName: string | null;
  completedAt: Date;
  sessionId: string | null;
  enrolledGrade: string | null;
  schoolId: number;
  schoolName: string;
  administrationCondition: string | null;
  completeness: string | null;
  scaleScore: number | null;
  scaleScoreSem: number | null;
  achievementLevel: number | null;
  lexile: number | null;
  quantile: number | null;
  accommodations: string[];
  scores: { code: string; kind: string; scaleScore: number | null; sem: number | null; level: number | null }[];
};

/** Results by Student: one row per student (latest exam) with the sub-scores of the chosen kind. */
export async function listStudentResults(
  db: Db,
  ref: PopulationRef,
  access: ResultsAccess,
  assessmentId: number,
  kind: 'claim' | 'composite' | 'domain' | null,
): Promise<StudentResultRow[]> {
  const scores = kind
    ? sql`(select coalesce(json_agg(json_build_object('code', s.code, 'kind', s.kind, 'scaleScore', s.scale_score, 'sem', s.sem,
        'level', s.level) order by s.code), '[]'::json)
        from exam_scores s where s.district_id = x.district_id and s.exam_id = x.id and s.kind = ${kind})`
    : sql`'[]'::json`;
  const { rows } = await sql<StudentResultRow>`${preparedFor(ref)}
    select x.id as exam_id, x.student_id, st.ssid, st.first_name, st.last_name, x.completed_at, x.session_id, x.enrolled_grade,
      x.school_id, o.name as school_name, x.administration_condition, x.completeness, x.scale_score, x.scale_score_sem,
      x.achievement_level, x.lexile, x.quantile, x.accommodations, ${scores} as scores
    from (${latestExams(ref, access, { ids: [assessmentId] })}) x
    join students st on st.id = x.student_id
    join organizations o on o.id = x.school_id
    order by lower(st.last_name), lower(st.first_name), st.ssid`.execute(db);
  return rows;
}

export type YearMomentsRow = LevelMomentsRow & { schoolYear: number; grade: string; label: string };

/**
 * The population's results of one subject and type in every school year ("Compare years"): per
 * assessment (one per year and grade) the level counts and score moments.
 */
export async function yearOverYearMoments(
  db: Db,
  ref: PopulationRef,
  access: ResultsAccess,
  subject: string,
  type: string,
): Promise<YearMomentsRow[]> {
  const { rows } = await sql<YearMomentsRow>`${preparedFor(ref)}
    select m.*, a.school_year, a.grade, a.label from (
      select x.assessment_id, x.achievement_level as level, grouping(x.achievement_level) = 1 as is_total,
        count(*)::int as n, count(x.scale_score)::int as scored, avg(x.scale_score)::float8 as mean, stddev_samp(x.scale_score)::float8 as sd
      from (${latestExams(ref, access, { subject, type })}) x
      group by grouping sets ((x.assessment_id, x.achievement_level), (x.assessment_id))
    ) m join assessments a on a.id = m.assessment_id
    order by a.school_year, a.grade`.execute(db);
  return rows;
}

export type SummaryMomentsRow = LevelMomentsRow & { kind: 'overall' | 'claim' | 'composite' | 'domain'; code: string | null };

/**
 * Student Score Distribution of one assessment in one statement: the latest exams are computed
 * once (CTE) and aggregated twice — overall levels and scale scores, and per claim / composite /
 * domain code of the requested kinds.
 */
export async function summaryMoments(
  db: Db,
  ref: PopulationRef,
  access: ResultsAccess,
  assessmentId: number,
  kinds: readonly ('claim' | 'composite' | 'domain')[],
): Promise<SummaryMomentsRow[]> {
  const sub =
    kinds.length === 0
      ? sql``
      : sql`union all
    select s.kind, s.code, x.assessment_id, s.level, grouping(s.level) = 1,
      count(*)::int, count(s.scale_score)::int, avg(s.scale_score)::float8, stddev_samp(s.scale_score)::float8
    from x join exam_scores s on s.district_id = x.district_id and s.exam_id = x.id and s.kind = any(${[...kinds]}::text[])
    group by grouping sets ((x.assessment_id, s.kind, s.code, s.level), (x.assessment_id, s.kind, s.code))`;
  const { rows } = await sql<SummaryMomentsRow>`${preparedFor(ref)}
    with x as materialized (${latestExams(ref, access, { ids: [assessmentId] })})
    select 'overall'::text as kind, null::text as code, x.assessment_id, x.achievement_level as level,
      grouping(x.achievement_level) = 1 as is_total, count(*)::int as n, count(x.scale_score)::int as scored,
      avg(x.scale_score)::float8 as mean, stddev_samp(x.scale_score)::float8 as sd
    from x group by grouping sets ((x.assessment_id, x.achievement_level), (x.assessment_id))
    ${sub}`.execute(db);
  return rows;
}

/** True when the population has at least one visible exam of the assessment (cheap: no sort). */
export async function hasVisibleResults(db: Db, ref: PopulationRef, access: ResultsAccess, assessmentId: number): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`${preparedFor(ref)}
    select exists (select 1 from exams e join assessments a on a.id = e.assessment_id
      where ${visibleExamsWhere(ref, access, { ids: [assessmentId] })}) as found`.execute(db);
  return rows[0]?.found === true;
}
