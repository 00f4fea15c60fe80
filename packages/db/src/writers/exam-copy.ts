/**
 * Exams as COPY text (copy.ts), the same rows insertExams writes: the importer encodes each exam
 * where it is parsed (a worker thread) and the writer only adds the ids known at write time.
 * Child rows carry EXAM_ID_MARK where the exam id goes (NUL never occurs in PostgreSQL text), so
 * the writer fills it with one replaceAll per exam.
 */
import { copyEscape, copyTextArray, copyValue } from '../copy.js';
import type { ExamDraft, ExamItemDraft, ExamScoreDraft, ExamTargetDraft, ExamTraitDraft } from './exams.js';

/** Stands for the exam id in encoded child rows. */
export const EXAM_ID_MARK = '\u0000';

/** exams columns in COPY order: the three the writer supplies first, then the encoded tail. */
export const EXAM_COPY_COLUMNS = [
  'id',
  'student_id',
  'import_id',
  'district_id',
  'school_id',
  'assessment_id',
  'school_year',
  'opportunity_id',
  'opportunity',
  'session_id',
  'status',
  'status_date',
  'started_at',
  'completed_at',
  'force_submitted_at',
  'completeness',
  'administration_condition',
  'scale_score',
  'scale_score_sem',
  'theta_score',
  'theta_sem',
  'achievement_level',
  'lexile',
  'quantile',
  'enrolled_grade',
  'gender',
  'ethnicities',
  'elas',
  'elas_start_date',
  'lep',
  'iep',
  'section504',
  'economic_disadvantage',
  'migrant',
  'military_connected',
  'language_code',
  'primary_disability',
  'english_proficiency_level',
  'title3_program',
  'accommodations',
  'extras',
  'source_hash',
] as const;

export const SCORE_COPY_COLUMNS = ['exam_id', 'district_id', 'code', 'kind', 'scale_score', 'sem', 'level'] as const;
export const TARGET_COPY_COLUMNS = [
  'exam_id',
  'district_id',
  'target_id',
  'student_relative_residual',
  'standard_met_relative_residual',
] as const;
export const TRAIT_COPY_COLUMNS = ['exam_id', 'district_id', 'purpose', 'category', 'score', 'max_score', 'condition_code'] as const;
export const ITEM_COPY_COLUMNS = [
  'exam_id',
  'district_id',
  'item_id',
  'position',
  'score',
  'score_status',
  'response',
  'response_type',
  'administered_at',
  'submitted_at',
  'submitted',
  'number_visits',
  'response_duration',
  'trait_org_score',
  'trait_evi_score',
  'trait_con_score',
  'page_number',
  'page_visits',
  'page_time',
  'response_content_type',
  'trait_org_status',
  'trait_evi_status',
  'trait_con_status',
] as const;

/** An exam encoded for COPY: `exam` is the row after (id, student_id, import_id); children one line per row. */
export type EncodedExamRows = { exam: string; scores: string; targets: string; traits: string; items: string };

const v = copyValue;

function examTail(d: Omit<ExamDraft, 'studentId' | 'id'>, sourceHash: string | null): string {
  return [
    v(d.districtId),
    v(d.schoolId),
    v(d.assessmentId),
    v(d.schoolYear),
    v(d.opportunityId),
    v(d.opportunity),
    v(d.sessionId),
    v(d.status),
    v(d.statusDate),
    v(d.startedAt),
    v(d.completedAt),
    v(d.forceSubmittedAt),
    v(d.completeness),
    v(d.administrationCondition),
    v(d.scaleScore),
    v(d.scaleScoreSem),
    v(d.thetaScore),
    v(d.thetaSem),
    v(d.achievementLevel),
    v(d.lexile),
    v(d.quantile),
    v(d.enrolledGrade),
    v(d.gender),
    copyTextArray(d.ethnicities),
    v(d.elas),
    v(d.elasStartDate),
    v(d.lep),
    v(d.iep),
    v(d.section504),
    v(d.economicDisadvantage),
    v(d.migrant),
    v(d.militaryConnected),
    v(d.languageCode),
    v(d.primaryDisability),
    v(d.englishProficiencyLevel),
    v(d.title3Program),
    copyTextArray(d.accommodations),
    d.extras === null || d.extras === undefined ? '\\N' : copyEscape(JSON.stringify(d.extras)),
    v(sourceHash),
  ].join('\t');
}

function scoreLine(prefix: string, s: ExamScoreDraft): string {
  return `${prefix}${v(s.code)}\t${v(s.kind)}\t${v(s.scaleScore)}\t${v(s.sem)}\t${v(s.level)}\n`;
}

function targetLine(prefix: string, t: ExamTargetDraft): string {
  return `${prefix}${v(t.targetId)}\t${v(t.studentRelativeResidual)}\t${v(t.standardMetRelativeResidual)}\n`;
}

function traitLine(prefix: string, t: ExamTraitDraft): string {
  return `${prefix}${v(t.purpose)}\t${v(t.category)}\t${v(t.score)}\t${v(t.maxScore)}\t${v(t.conditionCode)}\n`;
}

function itemLine(prefix: string, i: ExamItemDraft): string {
  return (
    `${prefix}${v(i.itemId)}\t${v(i.position)}\t${v(i.score)}\t${v(i.scoreStatus)}\t${v(i.response)}\t${v(i.responseType)}\t` +
    `${v(i.administeredAt)}\t${v(i.submittedAt)}\t${v(i.submitted)}\t${v(i.numberVisits)}\t${v(i.responseDuration)}\t` +
    `${v(i.traitOrgScore)}\t${v(i.traitEviScore)}\t${v(i.traitConScore)}\t${v(i.pageNumber)}\t${v(i.pageVisits)}\t${v(i.pageTime)}\t` +
    `${v(i.responseContentType)}\t${v(i.traitOrgStatus)}\t${v(i.traitEviStatus)}\t${v(i.traitConStatus)}\n`
  );
}

/** Encodes one exam (without its id, student and import) and its children for copyExams. */
export function encodeExamRows(d: Omit<ExamDraft, 'studentId' | 'id'>, sourceHash: string | null = d.sourceHash ?? null): EncodedExamRows {
  const prefix = `${EXAM_ID_MARK}\t${v(d.districtId)}\t`;
  let scores = '';
  for (const s of d.scores ?? []) scores += scoreLine(prefix, s);
  let targets = '';
  for (const t of d.targetScores ?? []) targets += targetLine(prefix, t);
  let traits = '';
  for (const t of d.traitScores ?? []) traits += traitLine(prefix, t);
  let items = '';
  for (const i of d.items ?? []) items += itemLine(prefix, i);
  return { exam: examTail(d, sourceHash), scores, targets, traits, items };
}

/** One encoded exam with the ids known at write time. */
export type ExamCopyRow = { id: number; studentId: number; importId: number | null; rows: EncodedExamRows };

type Copy = (table: string, columns: readonly string[], data: string) => Promise<void>;

/**
 * Writes encoded exams and their children with one COPY per table (inside the caller's
 * transaction). The same rows as insertExams for the same drafts.
 */
export async function copyExams(copy: Copy, exams: readonly ExamCopyRow[]): Promise<void> {
  if (exams.length === 0) return;
  const examLines: string[] = new Array(exams.length);
  const scores: string[] = [];
  const targets: string[] = [];
  const traits: string[] = [];
  const items: string[] = [];
  for (let i = 0; i < exams.length; i++) {
    const e = exams[i] as ExamCopyRow;
    const id = String(e.id);
    examLines[i] = `${id}\t${e.studentId}\t${e.importId === null ? '\\N' : e.importId}\t${e.rows.exam}\n`;
    if (e.rows.scores) scores.push(e.rows.scores.replaceAll(EXAM_ID_MARK, id));
    if (e.rows.targets) targets.push(e.rows.targets.replaceAll(EXAM_ID_MARK, id));
    if (e.rows.traits) traits.push(e.rows.traits.replaceAll(EXAM_ID_MARK, id));
    if (e.rows.items) items.push(e.rows.items.replaceAll(EXAM_ID_MARK, id));
  }
  await copy('exams', EXAM_COPY_COLUMNS, examLines.join(''));
  if (scores.length > 0) await copy('exam_scores', SCORE_COPY_COLUMNS, scores.join(''));
  if (targets.length > 0) await copy('exam_target_scores', TARGET_COPY_COLUMNS, targets.join(''));
  if (traits.length > 0) await copy('exam_trait_scores', TRAIT_COPY_COLUMNS, traits.join(''));
  if (items.length > 0) await copy('exam_items', ITEM_COPY_COLUMNS, items.join(''));
}
