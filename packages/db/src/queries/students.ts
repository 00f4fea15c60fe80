import type { AccessScope, LevelDef } from '@cers/domain';
import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../schema.js';
import { type EmbargoScope, embargoAllows, examInScope, studentInScope } from '../scope.js';

/**
 * Student reads for Search by Student and the Student Test History page. Every function takes the
 * caller's scope and starts from scope.ts predicates: a student or exam outside it is simply not
 * returned, exactly like one that does not exist.
 */
type Db = Kysely<Database>;

export type StudentSummary = {
  id: number;
  ssid: string;
  firstName: string | null;
  lastName: string | null;
  schoolId: number | null;
  schoolName: string | null;
  districtId: number | null;
  districtName: string | null;
};

function studentSummaryQuery(db: Db, scope: AccessScope) {
  return db
    .selectFrom('students as s')
    .leftJoin('organizations as sch', 'sch.id', 's.inferredSchoolId')
    .leftJoin('organizations as dis', 'dis.id', 's.inferredDistrictId')
    .select([
      's.id',
      's.ssid',
      's.firstName',
      's.lastName',
      's.inferredSchoolId as schoolId',
      'sch.name as schoolName',
      's.inferredDistrictId as districtId',
      'dis.name as districtName',
    ])
    .where(studentInScope(scope, 's'));
}

/** The student with this SSID when the scope reaches them; undefined for missing and hidden alike. */
export async function findStudentBySsid(db: Db, args: { scope: AccessScope; ssid: string }): Promise<StudentSummary | undefined> {
  return studentSummaryQuery(db, args.scope).where('s.ssid', '=', args.ssid).executeTakeFirst();
}

export async function findStudent(db: Db, args: { scope: AccessScope; studentId: number }): Promise<StudentSummary | undefined> {
  return studentSummaryQuery(db, args.scope).where('s.id', '=', args.studentId).executeTakeFirst();
}

export type AssessmentInfo = {
  id: number;
  name: string;
  label: string;
  family: string;
  subject: string;
  type: string;
  grade: string;
  schoolYear: number;
  minScore: number | null;
  maxScore: number | null;
  cutScores: number[];
  standardCutLevel: number | null;
  levels: LevelDef[];
  hasClaims: boolean;
  hasComposites: boolean;
  hasDomains: boolean;
  hasTraits: boolean;
  measureKind: string | null;
};

export type ResultCardRow = {
  examId: number;
  completedAt: Date;
  scaleScore: number | null;
  scaleScoreSem: number | null;
  achievementLevel: number | null;
  /** How many visible results the student has on this assessment (retakes of interims). */
  resultCount: number;
  assessment: AssessmentInfo;
};

const ASSESSMENT_COLUMNS = [
  'a.id',
  'a.name',
  'a.label',
  'a.family',
  'a.subject',
  'a.type',
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
  'a.hasTraits',
  'a.measureKind',
] as const;

/**
 * The assessment of each exam, looked up per exam row (lateral + primary key). One student has tens
 * of exams; PostgreSQL otherwise hashes the whole assessments table for every request (2.4 ms →
 * 1.0 ms per history on the district profile).
 */
function assessmentOf(db: Db) {
  return (
    db
      .selectFrom('assessments')
      .select([
        'assessments.id',
        'assessments.name',
        'assessments.label',
        'assessments.family',
        'assessments.subject',
        'assessments.type',
        'assessments.grade',
        'assessments.schoolYear',
        'assessments.minScore',
        'assessments.maxScore',
        'assessments.cutScores',
        'assessments.standardCutLevel',
        'assessments.levels',
        'assessments.hasClaims',
        'assessments.hasComposites',
        'assessments.hasDomains',
        'assessments.hasTraits',
        'assessments.measureKind',
      ])
      .where('assessments.id', '=', sql<number>`e.assessment_id`)
      // limit 1 keeps the subquery from being flattened back into a hash join
      .limit(1)
      .as('a')
  );
}

type AssessmentColumns = {
  id: number;
  name: string;
  label: string;
  family: string;
  subject: string;
  type: string;
  grade: string;
  schoolYear: number;
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

function toAssessment(r: AssessmentColumns): AssessmentInfo {
  return {
    id: r.id,
    name: r.name,
    label: r.label,
    family: r.family,
    subject: r.subject,
    type: r.type,
    grade: r.grade,
    schoolYear: r.schoolYear,
    minScore: r.minScore,
    maxScore: r.maxScore,
    cutScores: r.cutScores,
    standardCutLevel: r.standardCutLevel,
    levels: asLevels(r.levels),
    hasClaims: r.hasClaims,
    hasComposites: r.hasComposites,
    hasDomains: r.hasDomains,
    hasTraits: r.hasTraits,
    measureKind: r.measureKind,
  };
}

/** assessments.levels / assessment_scores.levels are jsonb written by our importers; keep only well-formed entries. */
export function asLevels(value: unknown): LevelDef[] {
  if (!Array.isArray(value)) return [];
  const out: LevelDef[] = [];
  for (const v of value) {
    if (typeof v !== 'object' || v === null) continue;
    const o = v as Record<string, unknown>;
    if (typeof o.level !== 'number' || typeof o.name !== 'string') continue;
    out.push({
      level: o.level,
      name: o.name,
      shortName: typeof o.shortName === 'string' ? o.shortName : o.name,
      color: typeof o.color === 'string' ? o.color : '#6b7280',
    });
  }
  return out;
}

/**
 * Student Results Cards: the latest visible result on each assessment the student took, most
 * recent first. Exams outside the scope (other subjects of a subject-limited group, other
 * organizations) and unreleased summatives the user may not review are left out.
 */
export async function listStudentResultCards(
  db: Db,
  args: { scope: AccessScope; embargo: EmbargoScope; studentId: number },
): Promise<ResultCardRow[]> {
  const alias = { exam: 'e', assessment: 'a' };
  const latest = db
    .selectFrom('exams as e')
    .innerJoinLateral(
      () => assessmentOf(db),
      (j) => j.onTrue(),
    )
    .distinctOn('e.assessmentId')
    .select(['e.id as examId', 'e.completedAt', 'e.scaleScore', 'e.scaleScoreSem', 'e.achievementLevel', ...ASSESSMENT_COLUMNS])
    .select(sql<number>`count(*) over (partition by e.assessment_id)::int`.as('resultCount'))
    .where('e.studentId', '=', args.studentId)
    .where(examInScope(args.scope, alias))
    .where(embargoAllows(args.embargo, alias))
    .orderBy('e.assessmentId')
    .orderBy('e.completedAt', 'desc')
    .orderBy('e.id', 'desc');
  const rows = await db.selectFrom(latest.as('c')).selectAll().orderBy('c.completedAt', 'desc').orderBy('c.examId', 'desc').execute();
  return rows.map((r) => ({
    examId: r.examId,
    completedAt: r.completedAt,
    scaleScore: r.scaleScore,
    scaleScoreSem: r.scaleScoreSem,
    achievementLevel: r.achievementLevel,
    resultCount: r.resultCount,
    assessment: toAssessment(r),
  }));
}

export type ExamSubScore = {
  code: string;
  kind: 'claim' | 'composite' | 'domain' | 'alt';
  name: string;
  displayOrder: number;
  scaleScore: number | null;
  sem: number | null;
  level: number | null;
  levels: LevelDef[];
  cutScores: number[];
  minScore: number | null;
  maxScore: number | null;
};

export type ExamTrait = { purpose: string; category: string; score: number | null; maxScore: number; conditionCode: string | null };
export type ExamAccommodation = { code: string; label: string | null };

export type StudentExamRow = {
  id: number;
  completedAt: Date;
  schoolYear: number;
  sessionId: string | null;
  schoolId: number;
  schoolName: string;
  districtId: number;
  enrolledGrade: string | null;
  completeness: string | null;
  administrationCondition: string | null;
  scaleScore: number | null;
  scaleScoreSem: number | null;
  achievementLevel: number | null;
  lexile: number | null;
  quantile: number | null;
  assessment: AssessmentInfo;
  scores: ExamSubScore[];
  traits: ExamTrait[];
  accommodations: ExamAccommodation[];
};

export type StudentExamFilters = { schoolYear?: number | undefined; subject?: string | undefined; type?: string | undefined };

type RawSubScore = Omit<ExamSubScore, 'levels' | 'name' | 'displayOrder' | 'cutScores' | 'kind'> & {
  kind: string;
  name: string | null;
  displayOrder: number | null;
  levels: unknown;
  cutScores: number[] | null;
};

/**
 * The student's test history: every visible exam, most recent first, with its sub-scores
 * (claims, composites, domains), writing traits and accommodations, in one round trip.
 */
export async function listStudentExams(
  db: Db,
  args: { scope: AccessScope; embargo: EmbargoScope; studentId: number; filters?: StudentExamFilters },
): Promise<StudentExamRow[]> {
  const alias = { exam: 'e', assessment: 'a' };
  const f = args.filters ?? {};
  let q = db
    .selectFrom('exams as e')
    .innerJoinLateral(
      () => assessmentOf(db),
      (j) => j.onTrue(),
    )
    .innerJoin('organizations as sch', 'sch.id', 'e.schoolId')
    .select([
      'e.id as examId',
      'e.completedAt',
      'e.schoolYear as examSchoolYear',
      'e.sessionId',
      'e.schoolId',
      'sch.name as schoolName',
      'e.districtId',
      'e.enrolledGrade',
      'e.completeness',
      'e.administrationCondition',
      'e.scaleScore',
      'e.scaleScoreSem',
      'e.achievementLevel',
      'e.lexile',
      'e.quantile',
      ...ASSESSMENT_COLUMNS,
    ])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('examScores as es')
          .leftJoin('assessmentScores as asc', (j) => j.onRef('asc.assessmentId', '=', 'e.assessmentId').onRef('asc.code', '=', 'es.code'))
          .select([
            'es.code',
            'es.kind',
            'es.scaleScore',
            'es.sem',
            'es.level',
            'asc.name',
            'asc.displayOrder',
            'asc.levels',
            'asc.cutScores',
            'asc.minScore',
            'asc.maxScore',
          ])
          .whereRef('es.districtId', '=', 'e.districtId')
          .whereRef('es.examId', '=', 'e.id')
          .orderBy('asc.displayOrder')
          .orderBy('es.code'),
      ).as('scores'),
      jsonArrayFrom(
        eb
          .selectFrom('examTraitScores as t')
          .select(['t.purpose', 't.category', 't.score', 't.maxScore', 't.conditionCode'])
          .whereRef('t.districtId', '=', 'e.districtId')
          .whereRef('t.examId', '=', 'e.id')
          .orderBy('t.purpose')
          .orderBy('t.category'),
      ).as('traits'),
      sql<ExamAccommodation[]>`(
        select coalesce(json_agg(json_build_object('code', c.code, 'label', acc.labels->>'eng') order by c.ord), '[]'::json)
        from unnest(e.accommodations) with ordinality as c(code, ord)
        left join accommodations acc on acc.code = c.code)`.as('accommodations'),
    ])
    .where('e.studentId', '=', args.studentId)
    .where(examInScope(args.scope, alias))
    .where(embargoAllows(args.embargo, alias));
  if (f.schoolYear !== undefined) q = q.where('e.schoolYear', '=', f.schoolYear);
  if (f.subject !== undefined) q = q.where('a.subject', '=', f.subject);
  if (f.type !== undefined) q = q.where('a.type', '=', f.type);
  const rows = await q.orderBy('e.completedAt', 'desc').orderBy('e.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.examId,
    completedAt: r.completedAt,
    schoolYear: r.examSchoolYear,
    sessionId: r.sessionId,
    schoolId: r.schoolId,
    schoolName: r.schoolName,
    districtId: r.districtId,
    enrolledGrade: r.enrolledGrade,
    completeness: r.completeness,
    administrationCondition: r.administrationCondition,
    scaleScore: r.scaleScore,
    scaleScoreSem: r.scaleScoreSem,
    achievementLevel: r.achievementLevel,
    lexile: r.lexile,
    quantile: r.quantile,
    assessment: toAssessment(r),
    scores: (r.scores as RawSubScore[]).map(toSubScore),
    traits: r.traits,
    accommodations: r.accommodations,
  }));
}

function toSubScore(s: RawSubScore): ExamSubScore {
  const kind = s.kind === 'claim' || s.kind === 'composite' || s.kind === 'domain' ? s.kind : 'alt';
  return {
    code: s.code,
    kind,
    name: s.name ?? s.code,
    displayOrder: s.displayOrder ?? 0,
    scaleScore: s.scaleScore,
    sem: s.sem,
    level: s.level,
    levels: asLevels(s.levels),
    cutScores: s.cutScores ?? [],
    minScore: s.minScore,
    maxScore: s.maxScore,
  };
}
