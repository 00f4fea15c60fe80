import type { Kysely } from 'kysely';
import { type BulkColumn, bulkInsert, reserveIds } from '../bulk.js';
import type { Database } from '../schema.js';

type Ts = Date | string | null | undefined;

export type ExamScoreDraft = {
  code: string;
  kind: 'claim' | 'composite' | 'domain' | 'alt';
  scaleScore?: number | null;
  sem?: number | null;
  level?: number | null;
};
export type ExamTargetDraft = { targetId: number; studentRelativeResidual?: number | null; standardMetRelativeResidual?: number | null };
export type ExamTraitDraft = {
  purpose: string;
  category: 'ORG' | 'EVI' | 'CON';
  score?: number | null;
  maxScore: number;
  conditionCode?: string | null;
};
export type ExamItemDraft = {
  itemId: number;
  position?: number | null;
  score?: number | null;
  scoreStatus?: string | null;
  response?: string | null;
  responseType?: string | null;
  administeredAt?: Ts;
  submittedAt?: Ts;
  submitted?: boolean | null;
  numberVisits?: number | null;
  responseDuration?: number | null;
  traitOrgScore?: number | null;
  traitEviScore?: number | null;
  traitConScore?: number | null;
  pageNumber?: number | null;
  pageVisits?: number | null;
  pageTime?: number | null;
  responseContentType?: string | null;
  traitOrgStatus?: string | null;
  traitEviStatus?: string | null;
  traitConStatus?: string | null;
};

/** One exam with everything it carries, ready to write. Ids are database ids. */
export type ExamDraft = {
  /** Reuse an existing exam id (the importer replaces an exam in place); a new id when absent. */
  id?: number;
  districtId: number;
  schoolId: number;
  studentId: number;
  assessmentId: number;
  schoolYear: number;
  opportunityId: string;
  opportunity?: number | null;
  sessionId?: string | null;
  status?: string | null;
  statusDate?: Ts;
  startedAt?: Ts;
  completedAt: Date | string;
  forceSubmittedAt?: Ts;
  completeness?: 'Complete' | 'Partial' | null;
  administrationCondition?: 'Valid' | 'SD' | 'NS' | 'IN' | null;
  scaleScore?: number | null;
  scaleScoreSem?: number | null;
  thetaScore?: number | null;
  thetaSem?: number | null;
  achievementLevel?: number | null;
  lexile?: number | null;
  quantile?: number | null;
  enrolledGrade?: string | null;
  gender?: string | null;
  ethnicities?: readonly string[];
  elas?: string | null;
  elasStartDate?: string | null;
  lep?: boolean | null;
  iep?: boolean | null;
  section504?: boolean | null;
  economicDisadvantage?: boolean | null;
  migrant?: boolean | null;
  militaryConnected?: string | null;
  languageCode?: string | null;
  primaryDisability?: string | null;
  englishProficiencyLevel?: string | null;
  title3Program?: string | null;
  accommodations?: readonly string[];
  extras?: Record<string, unknown> | null;
  importId?: number | null;
  /** Hash of the imported content (identical re-sends are NO_UPDATE). */
  sourceHash?: string | null;
  scores?: readonly ExamScoreDraft[];
  targetScores?: readonly ExamTargetDraft[];
  traitScores?: readonly ExamTraitDraft[];
  items?: readonly ExamItemDraft[];
};

type E = ExamDraft & { id: number };

const EXAM_COLUMNS: readonly BulkColumn<E>[] = [
  ['id', 'int', (r) => r.id],
  ['district_id', 'int', (r) => r.districtId],
  ['school_id', 'int', (r) => r.schoolId],
  ['student_id', 'int', (r) => r.studentId],
  ['assessment_id', 'int', (r) => r.assessmentId],
  ['school_year', 'int', (r) => r.schoolYear],
  ['opportunity_id', 'text', (r) => r.opportunityId],
  ['opportunity', 'int', (r) => r.opportunity],
  ['session_id', 'text', (r) => r.sessionId],
  ['status', 'text', (r) => r.status],
  ['status_date', 'timestamptz', (r) => r.statusDate],
  ['started_at', 'timestamptz', (r) => r.startedAt],
  ['completed_at', 'timestamptz', (r) => r.completedAt],
  ['force_submitted_at', 'timestamptz', (r) => r.forceSubmittedAt],
  ['completeness', 'text', (r) => r.completeness],
  ['administration_condition', 'text', (r) => r.administrationCondition],
  ['scale_score', 'float8', (r) => r.scaleScore],
  ['scale_score_sem', 'float8', (r) => r.scaleScoreSem],
  ['theta_score', 'float8', (r) => r.thetaScore],
  ['theta_sem', 'float8', (r) => r.thetaSem],
  ['achievement_level', 'smallint', (r) => r.achievementLevel],
  ['lexile', 'int', (r) => r.lexile],
  ['quantile', 'int', (r) => r.quantile],
  ['enrolled_grade', 'text', (r) => r.enrolledGrade],
  ['gender', 'text', (r) => r.gender],
  ['ethnicities', 'text[]', (r) => r.ethnicities ?? []],
  ['elas', 'text', (r) => r.elas],
  ['elas_start_date', 'date', (r) => r.elasStartDate],
  ['lep', 'bool', (r) => r.lep],
  ['iep', 'bool', (r) => r.iep],
  ['section504', 'bool', (r) => r.section504],
  ['economic_disadvantage', 'bool', (r) => r.economicDisadvantage],
  ['migrant', 'bool', (r) => r.migrant],
  ['military_connected', 'text', (r) => r.militaryConnected],
  ['language_code', 'text', (r) => r.languageCode],
  ['primary_disability', 'text', (r) => r.primaryDisability],
  ['english_proficiency_level', 'text', (r) => r.englishProficiencyLevel],
  ['title3_program', 'text', (r) => r.title3Program],
  ['accommodations', 'text[]', (r) => r.accommodations ?? []],
  ['extras', 'jsonb', (r) => r.extras],
  ['import_id', 'int', (r) => r.importId],
  ['source_hash', 'text', (r) => r.sourceHash],
];

type Child<T> = T & { examId: number; districtId: number };

const SCORE_COLUMNS: readonly BulkColumn<Child<ExamScoreDraft>>[] = [
  ['district_id', 'int', (r) => r.districtId],
  ['exam_id', 'int', (r) => r.examId],
  ['code', 'text', (r) => r.code],
  ['kind', 'text', (r) => r.kind],
  ['scale_score', 'float8', (r) => r.scaleScore],
  ['sem', 'float8', (r) => r.sem],
  ['level', 'smallint', (r) => r.level],
];
const TARGET_COLUMNS: readonly BulkColumn<Child<ExamTargetDraft>>[] = [
  ['district_id', 'int', (r) => r.districtId],
  ['exam_id', 'int', (r) => r.examId],
  ['target_id', 'int', (r) => r.targetId],
  ['student_relative_residual', 'float8', (r) => r.studentRelativeResidual],
  ['standard_met_relative_residual', 'float8', (r) => r.standardMetRelativeResidual],
];
const TRAIT_COLUMNS: readonly BulkColumn<Child<ExamTraitDraft>>[] = [
  ['district_id', 'int', (r) => r.districtId],
  ['exam_id', 'int', (r) => r.examId],
  ['purpose', 'text', (r) => r.purpose],
  ['category', 'text', (r) => r.category],
  ['score', 'smallint', (r) => r.score],
  ['max_score', 'smallint', (r) => r.maxScore],
  ['condition_code', 'text', (r) => r.conditionCode],
];
const ITEM_COLUMNS: readonly BulkColumn<Child<ExamItemDraft>>[] = [
  ['district_id', 'int', (r) => r.districtId],
  ['exam_id', 'int', (r) => r.examId],
  ['item_id', 'int', (r) => r.itemId],
  ['position', 'int', (r) => r.position],
  ['score', 'float8', (r) => r.score],
  ['score_status', 'text', (r) => r.scoreStatus],
  ['response', 'text', (r) => r.response],
  ['response_type', 'text', (r) => r.responseType],
  ['administered_at', 'timestamptz', (r) => r.administeredAt],
  ['submitted_at', 'timestamptz', (r) => r.submittedAt],
  ['submitted', 'bool', (r) => r.submitted],
  ['number_visits', 'int', (r) => r.numberVisits],
  ['response_duration', 'float8', (r) => r.responseDuration],
  ['trait_org_score', 'smallint', (r) => r.traitOrgScore],
  ['trait_evi_score', 'smallint', (r) => r.traitEviScore],
  ['trait_con_score', 'smallint', (r) => r.traitConScore],
  ['page_number', 'int', (r) => r.pageNumber],
  ['page_visits', 'int', (r) => r.pageVisits],
  ['page_time', 'int', (r) => r.pageTime],
  ['response_content_type', 'text', (r) => r.responseContentType],
  ['trait_org_status', 'text', (r) => r.traitOrgStatus],
  ['trait_evi_status', 'text', (r) => r.traitEviStatus],
  ['trait_con_status', 'text', (r) => r.traitConStatus],
];

/**
 * Writes exams and all their children in a handful of statements. Call it inside a transaction
 * when the batch must be all-or-nothing (the importer does). Returns the new exam ids in order.
 */
export async function insertExams(db: Kysely<Database>, drafts: readonly ExamDraft[]): Promise<number[]> {
  if (drafts.length === 0) return [];
  const fresh = await reserveIds(db, 'exams', drafts.filter((d) => d.id === undefined).length);
  let next = 0;
  const rows: E[] = drafts.map((d) => ({ ...d, id: d.id ?? (fresh[next++] as number) }));
  const ids = rows.map((r) => r.id);
  await bulkInsert(db, 'exams', EXAM_COLUMNS, rows);
  const scores: Child<ExamScoreDraft>[] = [];
  const targets: Child<ExamTargetDraft>[] = [];
  const traits: Child<ExamTraitDraft>[] = [];
  const items: Child<ExamItemDraft>[] = [];
  for (const r of rows) {
    const key = { examId: r.id, districtId: r.districtId };
    for (const s of r.scores ?? []) scores.push({ ...s, ...key });
    for (const t of r.targetScores ?? []) targets.push({ ...t, ...key });
    for (const t of r.traitScores ?? []) traits.push({ ...t, ...key });
    for (const it of r.items ?? []) items.push({ ...it, ...key });
  }
  await bulkInsert(db, 'exam_scores', SCORE_COLUMNS, scores);
  await bulkInsert(db, 'exam_target_scores', TARGET_COLUMNS, targets);
  await bulkInsert(db, 'exam_trait_scores', TRAIT_COLUMNS, traits);
  await bulkInsert(db, 'exam_items', ITEM_COLUMNS, items);
  return ids;
}

/** Removes exams (children cascade). */
export async function deleteExams(db: Kysely<Database>, examIds: readonly number[]): Promise<void> {
  if (examIds.length === 0) return;
  await db
    .deleteFrom('exams')
    .where('id', 'in', [...examIds])
    .execute();
}
