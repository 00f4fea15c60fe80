/**
 * Exam-level export: one flat row per exam (the District/School Export idea of cers-features.md §3.9,
 * with the filters users asked for). Rows are read through the scoped data path: examInScope and
 * embargoAllows in SQL, from the caller's AccessScope and EmbargoScope. Rows stream in chunks, so
 * memory stays constant on PostgreSQL (pg-cursor); PGlite buffers the result internally.
 */
import { type CersDb, type EmbargoScope, embargoAllows, examInScope } from '@cers/db';
import { type AccessScope, embargoScope, individualScope, type Principal } from '@cers/domain';
import { sql } from 'kysely';

export type ExamExportFilters = {
  ssid?: string;
  /** School natural id (CDS code), case-insensitive. */
  school?: string;
  /** District natural id (CDS code), case-insensitive. */
  district?: string;
  /** Ending year: 2025 = 2024–25. */
  schoolYear?: number;
  /** Assessment natural id, case-insensitive. */
  assessment?: string;
};

/** Whose rights the export runs with: the same individual and embargo scopes as the web app. */
export type ExamExportScope = { access: AccessScope; embargo: EmbargoScope };

/** Everything, including unreleased summatives: for operators with direct database access (the CLI without --as). */
export const OPERATOR_EXPORT_SCOPE: ExamExportScope = {
  access: { statewide: true, districtIds: [], schoolIds: [], groups: [] },
  embargo: { reviewStatewide: true, reviewDistrictIds: [] },
};

export function exportScopeOf(principal: Principal): ExamExportScope {
  return { access: individualScope(principal), embargo: embargoScope(principal) };
}

export type ExportScore = { code: string; kind: string; scale_score: number | null; sem: number | null; level: number | null };
export type ExportTrait = { purpose: string; category: string; score: number | null; max_score: number; condition_code: string | null };

export type ExamExportRow = {
  student_ssid: string;
  assessment_id: string;
  assessment_type: string;
  family: string;
  subject: string;
  grade: string;
  school_year: number;
  district_id: string;
  school_id: string;
  opportunity_id: string;
  session_id: string | null;
  completed_at: string;
  enrolled_grade: string | null;
  completeness: string | null;
  administration_condition: string | null;
  scale_score: number | null;
  scale_score_sem: number | null;
  achievement_level: number | null;
  lexile: number | null;
  quantile: number | null;
  /** Claim, composite, domain and alternate scores, ordered by kind then code. */
  scores: ExportScore[];
  /** Writing trait scores (ELA), ordered by category. */
  traits: ExportTrait[];
};

export const EXAM_EXPORT_COLUMNS: readonly (keyof ExamExportRow)[] = [
  'student_ssid',
  'assessment_id',
  'assessment_type',
  'family',
  'subject',
  'grade',
  'school_year',
  'district_id',
  'school_id',
  'opportunity_id',
  'session_id',
  'completed_at',
  'enrolled_grade',
  'completeness',
  'administration_condition',
  'scale_score',
  'scale_score_sem',
  'achievement_level',
  'lexile',
  'quantile',
  'scores',
  'traits',
];

type RawScore = { code: string; kind: string; scaleScore: number | null; sem: number | null; level: number | null };
type RawTrait = { purpose: string; category: string; score: number | null; maxScore: number; conditionCode: string | null };

function parseJson<T>(value: unknown): T[] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[];
}

function buildQuery(cers: CersDb, filters: ExamExportFilters, scope: ExamExportScope) {
  let q = cers.db
    .selectFrom('exams as e')
    .innerJoin('assessments as a', 'a.id', 'e.assessmentId')
    .innerJoin('students as s', 's.id', 'e.studentId')
    .innerJoin('organizations as sc', 'sc.id', 'e.schoolId')
    .innerJoin('organizations as d', 'd.id', 'e.districtId')
    .select([
      's.ssid',
      'a.naturalId as assessmentNaturalId',
      'a.type',
      'a.family',
      'a.subject',
      'a.grade',
      'e.schoolYear',
      'd.naturalId as districtNaturalId',
      'sc.naturalId as schoolNaturalId',
      'e.opportunityId',
      'e.sessionId',
      'e.completedAt',
      'e.enrolledGrade',
      'e.completeness',
      'e.administrationCondition',
      'e.scaleScore',
      'e.scaleScoreSem',
      'e.achievementLevel',
      'e.lexile',
      'e.quantile',
    ])
    .select(
      sql<unknown>`(select coalesce(jsonb_agg(jsonb_build_object('code', x.code, 'kind', x.kind, 'scaleScore', x.scale_score, 'sem', x.sem,
          'level', x.level) order by x.kind, x.code collate "C"), '[]'::jsonb)
        from exam_scores x where x.district_id = e.district_id and x.exam_id = e.id)`.as('scores'),
    )
    .select(
      sql<unknown>`(select coalesce(jsonb_agg(jsonb_build_object('purpose', t.purpose, 'category', t.category, 'score', t.score,
          'maxScore', t.max_score, 'conditionCode', t.condition_code) order by t.category), '[]'::jsonb)
        from exam_trait_scores t where t.district_id = e.district_id and t.exam_id = e.id)`.as('traits'),
    )
    .where(examInScope(scope.access, { exam: 'e', assessment: 'a' }))
    .where(embargoAllows(scope.embargo, { exam: 'e', assessment: 'a' }, 'individual'));
  if (filters.ssid !== undefined) q = q.where('s.ssid', '=', filters.ssid);
  if (filters.school !== undefined) q = q.where(sql`lower(sc.natural_id)`, '=', filters.school.toLowerCase());
  if (filters.district !== undefined) q = q.where(sql`lower(d.natural_id)`, '=', filters.district.toLowerCase());
  if (filters.schoolYear !== undefined) q = q.where('e.schoolYear', '=', filters.schoolYear);
  if (filters.assessment !== undefined) q = q.where(sql`lower(a.natural_id)`, '=', filters.assessment.toLowerCase());
  // Byte order (collate "C") so PGlite and PostgreSQL, whatever their locale, list rows alike.
  return q
    .orderBy('e.schoolYear')
    .orderBy(sql`s.ssid collate "C"`)
    .orderBy(sql`a.natural_id collate "C"`)
    .orderBy(sql`e.opportunity_id collate "C"`);
}

type Selected = Awaited<ReturnType<ReturnType<typeof buildQuery>['executeTakeFirstOrThrow']>>;

function toRow(r: Selected): ExamExportRow {
  const completed = r.completedAt as Date | string;
  return {
    student_ssid: r.ssid,
    assessment_id: r.assessmentNaturalId,
    assessment_type: r.type,
    family: r.family,
    subject: r.subject,
    grade: r.grade,
    school_year: r.schoolYear,
    district_id: r.districtNaturalId,
    school_id: r.schoolNaturalId,
    opportunity_id: r.opportunityId,
    session_id: r.sessionId,
    completed_at: (completed instanceof Date ? completed : new Date(completed)).toISOString(),
    enrolled_grade: r.enrolledGrade,
    completeness: r.completeness,
    administration_condition: r.administrationCondition,
    scale_score: r.scaleScore,
    scale_score_sem: r.scaleScoreSem,
    achievement_level: r.achievementLevel,
    lexile: r.lexile,
    quantile: r.quantile,
    scores: parseJson<RawScore>(r.scores).map((x) => ({
      code: x.code,
      kind: x.kind,
      scale_score: x.scaleScore,
      sem: x.sem,
      level: x.level,
    })),
    traits: parseJson<RawTrait>(r.traits).map((t) => ({
      purpose: t.purpose,
      category: t.category,
      score: t.score,
      max_score: t.maxScore,
      condition_code: t.conditionCode,
    })),
  };
}

/**
 * Streams the exams the scope may read, filtered, ordered by school year, SSID, assessment and
 * opportunity. `for await (const row of streamExamExport(cers, { filters, scope })) …`
 */
export async function* streamExamExport(
  cers: CersDb,
  options: { filters?: ExamExportFilters; scope: ExamExportScope; chunkSize?: number },
): AsyncGenerator<ExamExportRow> {
  const query = buildQuery(cers, options.filters ?? {}, options.scope);
  for await (const row of query.stream(options.chunkSize ?? 1000)) yield toRow(row);
}
