import type { AccessScope, LevelDef } from '@cers/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { PREPARED } from '../prepared.js';
import type { Database } from '../schema.js';
import { type EmbargoScope, embargoAllows, examInScope, studentInScope } from '../scope.js';

/**
 * The two hot reads of issue #6 — Search by Student (cards) and the Student Test History — each in
 * ONE statement: the student (scoped by studentInScope) with its visible exams (examInScope +
 * embargoAllows) as JSON built in SQL, and the read's audit row. One round trip (a prepared
 * statement) and no per-row query building keep the student page API fast under load (bench: web).
 * A hidden student returns no row, like a missing one, and is not audited.
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
  /** Lower bounds of levels 2..n. */
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

const EXAM = { exam: 'e', assessment: 'a' };

/**
 * Each exam's assessment by primary key (lateral, kept from being flattened by limit 1): one
 * student has tens of exams, and PostgreSQL would otherwise hash the whole assessments table.
 */
const ASSESSMENT_LATERAL = sql`cross join lateral (
  select id, name, label, family, subject, type, grade, school_year, min_score, max_score, cut_scores, standard_cut_level,
    levels, has_claims, has_composites, has_domains, has_traits, measure_kind
  from assessments where id = e.assessment_id limit 1) a`;

const ASSESSMENT_JSON = sql`json_build_object('id', a.id, 'name', a.name, 'label', a.label, 'family', a.family,
  'subject', a.subject, 'type', a.type, 'grade', a.grade, 'schoolYear', a.school_year, 'minScore', a.min_score,
  'maxScore', a.max_score, 'cutScores', a.cut_scores, 'standardCutLevel', a.standard_cut_level, 'levels', a.levels,
  'hasClaims', a.has_claims, 'hasComposites', a.has_composites, 'hasDomains', a.has_domains, 'hasTraits', a.has_traits,
  'measureKind', a.measure_kind)`;

const STUDENT_COLUMNS = sql`s.id, s.ssid, s.first_name, s.last_name, s.inferred_school_id as school_id, sch.name as school_name,
  s.inferred_district_id as district_id, dis.name as district_name`;
const STUDENT_JOINS = sql`left join organizations sch on sch.id = s.inferred_school_id
  left join organizations dis on dis.id = s.inferred_district_id`;

/** Who reads: the audit row the read writes in the same statement (docs/access.md §Audit log). */
export type ReadAudit = { userId: number; userLogin: string; action: string; view: string; ip?: string | null };

/**
 * The student the read is about, as CTE t (studentInScope: a hidden student is no row, like a
 * missing one), and — when the read is audited — the audit row for that student (same columns as
 * recordAudit). One statement: the audit row is written exactly when the student is returned, and
 * costs no extra round trip.
 */
function targetStudent(match: RawBuilder<unknown>, scope: AccessScope, audit: ReadAudit | undefined): RawBuilder<unknown> {
  const target = sql`t as (select s.id, s.ssid, s.first_name, s.last_name, s.inferred_school_id, s.inferred_district_id
    from students s where ${match} and ${studentInScope(scope, 's')})`;
  if (!audit) return sql`with ${target}`;
  return sql`with ${target}, audited as (
    insert into audit_log (district_id, user_id, user_login, action, student_id, view, ip)
    select coalesce(t.inferred_district_id, 0), ${audit.userId}::int, ${audit.userLogin}::text, ${audit.action}::text, t.id,
      ${audit.view}::text, ${audit.ip ?? null}::text from t)`;
}

function examVisible(scope: AccessScope, embargo: EmbargoScope): RawBuilder<unknown> {
  return sql`e.student_id = s.id and ${examInScope(scope, EXAM)} and ${embargoAllows(embargo, EXAM)}`;
}

type JsonDates<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };
// The exam documents come back as JSON text with camelCase keys already: parsing them ourselves
// skips the result plugin's walk over every nested key (measurable at hundreds of requests/s).

/**
 * Search by Student: the student with this SSID and the Student Results Cards — the latest visible
 * result on each assessment, most recent first. Undefined for a missing or hidden student. With
 * `audit`, the read is recorded (one audit_log row) when the student is found.
 */
export async function findStudentCards(
  db: Db,
  args: { scope: AccessScope; embargo: EmbargoScope; ssid: string; audit?: ReadAudit },
): Promise<{ student: StudentSummary; cards: ResultCardRow[] } | undefined> {
  const { rows } = await sql<StudentSummary & { cards: string }>`${PREPARED}
    ${targetStudent(sql`s.ssid = ${args.ssid}`, args.scope, args.audit)}
    select ${STUDENT_COLUMNS},
      coalesce((select json_agg(c.doc order by c.completed_at desc, c.exam_id desc) from (
        select distinct on (e.assessment_id) e.id as exam_id, e.completed_at, json_build_object(
          'examId', e.id, 'completedAt', e.completed_at, 'scaleScore', e.scale_score, 'scaleScoreSem', e.scale_score_sem,
          'achievementLevel', e.achievement_level, 'resultCount', count(*) over (partition by e.assessment_id),
          'assessment', ${ASSESSMENT_JSON}) as doc
        from exams e ${ASSESSMENT_LATERAL}
        where ${examVisible(args.scope, args.embargo)}
        order by e.assessment_id, e.completed_at desc, e.id desc) c), '[]')::text as cards
    from t s ${STUDENT_JOINS}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const { cards, ...student } = row;
  return {
    student,
    cards: (JSON.parse(cards) as JsonDates<ResultCardRow>[]).map((c) => ({
      ...c,
      completedAt: new Date(c.completedAt),
      assessment: cleanAssessment(c.assessment),
    })),
  };
}

/**
 * Student Test History: the student and every visible exam, most recent first, with sub-scores
 * (claims, composites, domains with their names and levels), writing traits and accommodations.
 * With `audit`, the read is recorded (one audit_log row) when the student is found.
 */
export async function findStudentHistory(
  db: Db,
  args: { scope: AccessScope; embargo: EmbargoScope; studentId: number; filters?: StudentExamFilters; audit?: ReadAudit },
): Promise<{ student: StudentSummary; exams: StudentExamRow[] } | undefined> {
  const f = args.filters ?? {};
  const filters = [
    f.schoolYear === undefined ? sql`` : sql` and e.school_year = ${f.schoolYear}`,
    f.subject === undefined ? sql`` : sql` and a.subject = ${f.subject}`,
    f.type === undefined ? sql`` : sql` and a.type = ${f.type}`,
  ];
  const { rows } = await sql<StudentSummary & { exams: string }>`${PREPARED}
    ${targetStudent(sql`s.id = ${args.studentId}`, args.scope, args.audit)}
    select ${STUDENT_COLUMNS},
      coalesce((select json_agg(x.doc order by x.completed_at desc, x.id desc) from (
        select e.id, e.completed_at, json_build_object(
          'id', e.id, 'completedAt', e.completed_at, 'schoolYear', e.school_year, 'sessionId', e.session_id,
          'schoolId', e.school_id, 'schoolName', esch.name, 'districtId', e.district_id, 'enrolledGrade', e.enrolled_grade,
          'completeness', e.completeness, 'administrationCondition', e.administration_condition, 'scaleScore', e.scale_score,
          'scaleScoreSem', e.scale_score_sem, 'achievementLevel', e.achievement_level, 'lexile', e.lexile, 'quantile', e.quantile,
          'assessment', ${ASSESSMENT_JSON},
          'scores', coalesce((
            select json_agg(json_build_object('code', es.code, 'kind', es.kind, 'scaleScore', es.scale_score, 'sem', es.sem,
              'level', es.level, 'name', coalesce(d.name, es.code), 'displayOrder', coalesce(d.display_order, 0),
              'levels', coalesce(d.levels, '[]'::jsonb), 'cutScores', coalesce(d.cut_scores, '{}'), 'minScore', d.min_score,
              'maxScore', d.max_score) order by d.display_order, es.code)
            from exam_scores es
            left join assessment_scores d on d.assessment_id = e.assessment_id and d.code = es.code
            where es.district_id = e.district_id and es.exam_id = e.id), '[]'),
          'traits', coalesce((
            select json_agg(json_build_object('purpose', t.purpose, 'category', t.category, 'score', t.score,
              'maxScore', t.max_score, 'conditionCode', t.condition_code) order by t.purpose, t.category)
            from exam_trait_scores t where t.district_id = e.district_id and t.exam_id = e.id), '[]'),
          'accommodations', (
            select coalesce(json_agg(json_build_object('code', c.code, 'label', acc.labels->>'eng') order by c.ord), '[]')
            from unnest(e.accommodations) with ordinality as c(code, ord)
            left join accommodations acc on acc.code = c.code)
        ) as doc
        from exams e ${ASSESSMENT_LATERAL}
        join organizations esch on esch.id = e.school_id
        where ${examVisible(args.scope, args.embargo)}${filters[0]}${filters[1]}${filters[2]}) x), '[]')::text as exams
    from t s ${STUDENT_JOINS}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const { exams, ...student } = row;
  return {
    student,
    exams: (JSON.parse(exams) as JsonDates<StudentExamRow>[]).map((e) => ({
      ...e,
      completedAt: new Date(e.completedAt),
      assessment: cleanAssessment(e.assessment),
      scores: e.scores.map((s) => ({ ...s, kind: subScoreKind(s.kind), levels: asLevels(s.levels) })),
    })),
  };
}

function subScoreKind(kind: string): ExamSubScore['kind'] {
  return kind === 'claim' || kind === 'composite' || kind === 'domain' ? kind : 'alt';
}

function cleanAssessment(a: AssessmentInfo): AssessmentInfo {
  return { ...a, levels: asLevels(a.levels) };
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
