import { createHash } from 'node:crypto';
import type { ExamDraft } from '@cers/db';
import { normalizeGrade } from '@cers/domain';
import { type DataError, ErrorCollector, type FinalStatus } from '../statuses.js';
import { readExaminee, type StudentDraft, schoolRelationship } from './examinee.js';
import { readItems } from './items.js';
import { overallLevelFromCuts, subLevelFromCuts } from './levels.js';
import type { Trt } from './model.js';
import type { RefAssessment, RefData } from './refs.js';
import { readScores } from './scores.js';
import { blank, parseInstant, text } from './values.js';

/** An exam ready to load: natural keys resolved to ids, student by SSID. */
export type ValidExam = {
  ok: true;
  assessmentId: number;
  opportunityId: string;
  /** status="reset": remove the exam with this key (formats.md §3.9). */
  reset: boolean;
  statusDate: string | null;
  student: StudentDraft;
  groupNames: string[];
  exam: Omit<ExamDraft, 'studentId'>;
  /** Hash of everything the exam stores plus the SSID: identical ⇒ NO_UPDATE. */
  hash: string;
  warnings: DataError[];
};

export type Rejection = { ok: false; status: FinalStatus; message: string };

/** Opportunity attributes stored verbatim in exams.extras (formats.md §3.4). */
const EXTRA_OPPORTUNITY: Record<string, string> = {
  testReason: 'testReason',
  windowId: 'windowId',
  taId: 'testAdministratorId',
  taName: 'testAdministratorName',
  clientName: 'responsibleOrganizationName',
  server: 'testDeliveryServer',
  database: 'testDeliveryDb',
  assessmentParticipantSessionPlatformUserAgent: 'sessionPlatformUserAgent',
  windowOpportunity: 'windowOpportunityCount',
  itemCount: 'itemCount',
  ftCount: 'fieldTestCount',
  pauseCount: 'pauseCount',
  abnormalStarts: 'abnormalStarts',
  gracePeriodRestarts: 'gracePeriodRestarts',
  effectiveDate: 'assessmentAdminStartedAt',
};
const EXTRA_TEST: Record<string, string> = {
  mode: 'deliverMode',
  contract: 'contract',
  handScoreProject: 'handScoreProject',
  assessmentVersion: 'assessmentVersion',
  assessmentType: 'trtAssessmentType',
  testId: 'testId',
};
const COUNTS = new Set([
  'windowOpportunityCount',
  'itemCount',
  'fieldTestCount',
  'pauseCount',
  'abnormalStarts',
  'gracePeriodRestarts',
  'handScoreProject',
]);

function extras(trt: Trt): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const put = (from: Record<string, string>, map: Record<string, string>) => {
    for (const [attr, key] of Object.entries(map)) {
      const v = text(from[attr]);
      if (v !== null) out[key] = COUNTS.has(key) && /^\d+$/.test(v) ? Number(v) : v;
    }
  };
  put(trt.test, EXTRA_TEST);
  put(trt.opportunity, EXTRA_OPPORTUNITY);
  if (trt.examinee.key !== undefined) out.examineeKey = trt.examinee.key;
  return out;
}

function checkTest(trt: Trt, asmt: RefAssessment, errors: ErrorCollector): number | null {
  const subject = trt.test.subject ?? '';
  if (subject.trim().toLowerCase() !== asmt.subject.toLowerCase()) {
    errors.add('Test Subject', subject, `exam subject does not match asmt subject: ${subject}`);
  }
  const grade = (trt.test.grade ?? '').trim();
  const padded = normalizeGrade(grade) ?? (grade.length === 1 ? `0${grade}` : grade).toUpperCase();
  if (padded !== asmt.grade.toUpperCase()) errors.add('Test Grade', trt.test.grade, 'exam grade does not match asmt grade');
  const yearText = (trt.test.academicYear ?? '').trim();
  const year = Number(yearText);
  if (!/^\d+$/.test(yearText) || year < 1900 || year > 9999) {
    errors.add('Test AcademicYear', trt.test.academicYear, 'invalid year');
    return null;
  }
  return year;
}

function levelWarning(element: string, fileLevel: number, computed: number | null, warnings: DataError[]): void {
  if (computed === null || computed === fileLevel) return;
  warnings.push({
    elementName: element,
    value: String(fileLevel),
    error: `the file's level ${fileLevel} differs from level ${computed} computed from the cut scores; the file's level was kept`,
  });
}

/**
 * Pure validation of a parsed TRT against reference data, in RDW's order (formats.md §3.8):
 * school, then assessment, then every exam and student check collected into one BAD_DATA list.
 */
export function validateExam(trt: Trt, ref: RefData): ValidExam | Rejection {
  const rel = schoolRelationship(trt);
  if (!rel) return { ok: false, status: 'UNKNOWN_SCHOOL', message: 'report does not contain school id for Examinee' };
  const school = ref.schools.get(rel.value.toLowerCase());
  if (!school) {
    return {
      ok: false,
      status: 'UNKNOWN_SCHOOL',
      message: `unable to find a school with natural id [${rel.value}]. School name: ${rel.schoolName}, district id: [${rel.districtId}], district name: ${rel.districtName}`,
    };
  }
  const asmtId = (trt.test.name ?? '').trim();
  const asmt = ref.assessments.get(asmtId.toLowerCase());
  if (!asmt) return { ok: false, status: 'UNKNOWN_ASMT', message: `Unable to find an assessment by natural id [${asmtId}]` };

  const errors = new ErrorCollector();
  const o = trt.opportunity;
  const oppId = text(o.oppId);
  if (oppId === null) errors.add('OppId', undefined, 'value may not be blank');
  else if (oppId.length > 60) errors.add('OppId', o.oppId, 'string is too long, max length is 60');
  const completedAt = parseInstant(o.dateCompleted);
  if (!completedAt) errors.add('DateCompleted', undefined, 'invalid value');
  const schoolYear = checkTest(trt, asmt, errors);
  const sessionId = text(o.sessionId);
  if (sessionId !== null && sessionId.length > 128) errors.add('SessionId', o.sessionId, 'string is too long, max length is 128');
  const completeness = (text(o.completeness) ?? text(o.completeStatus) ?? 'Complete') as 'Complete' | 'Partial';
  const administrationCondition = (text(o.administrationCondition) ?? (asmt.type === 'sum' ? 'Valid' : 'SD')) as
    | 'Valid'
    | 'SD'
    | 'NS'
    | 'IN';
  const scores = readScores(trt.scores, asmt, errors);
  const items = readItems(trt.items, asmt, errors);
  const examinee = readExaminee(trt, errors);
  if (!errors.ok) return { ok: false, status: 'BAD_DATA', message: errors.toJson() };

  const warnings: DataError[] = [];
  const overall = scores.overall;
  let achievementLevel = overall.level;
  if (overall.scaleScore !== null) {
    const computed = overallLevelFromCuts(asmt, overall.scaleScore, overall.sem);
    if (achievementLevel === null) achievementLevel = computed;
    else levelWarning('Overall PerformanceLevel', achievementLevel, computed, warnings);
  }
  for (const s of scores.scores) {
    const def = asmt.scores.get(s.code);
    if (!def || s.scaleScore === null || s.scaleScore === undefined) continue;
    const computed = subLevelFromCuts(asmt, def, s.scaleScore, s.sem ?? null);
    if (s.level === null || s.level === undefined) s.level = computed;
    else levelWarning(`${s.code} PerformanceLevel`, s.level, computed, warnings);
  }
  const accommodations: string[] = [];
  for (const a of trt.accommodations) {
    const code = ref.accommodations.get(a.code.trim().toLowerCase());
    if (code) {
      if (!accommodations.includes(code)) accommodations.push(code);
    } else if (!warnings.some((w) => w.elementName === 'Accommodation' && w.value === a.code)) {
      warnings.push({ elementName: 'Accommodation', value: a.code, error: `unknown accommodation code [${a.code}] ignored` });
    }
  }

  const exam: Omit<ExamDraft, 'studentId'> = {
    districtId: school.districtId,
    schoolId: school.id,
    assessmentId: asmt.id,
    schoolYear: schoolYear as number,
    opportunityId: oppId as string,
    opportunity: blank(o.opportunity) ? null : Number(o.opportunity),
    sessionId,
    status: text(o.status),
    statusDate: parseInstant(o.statusDate) ?? null,
    startedAt: parseInstant(o.startDate) ?? null,
    completedAt: completedAt as string,
    forceSubmittedAt: parseInstant(o.dateForceCompleted) ?? null,
    completeness,
    administrationCondition,
    scaleScore: overall.scaleScore,
    scaleScoreSem: overall.scaleScore === null ? null : overall.sem,
    thetaScore: overall.theta,
    thetaSem: overall.thetaSem,
    achievementLevel,
    lexile: overall.lexile,
    quantile: overall.quantile,
    ...examinee.facts,
    accommodations,
    extras: extras(trt),
    scores: scores.scores,
    targetScores: scores.targets,
    traitScores: scores.traits,
    items,
  };
  const hash = createHash('sha1').update(examinee.student.ssid).update('\u0000').update(JSON.stringify(exam)).digest('base64');
  return {
    ok: true,
    assessmentId: asmt.id,
    opportunityId: oppId as string,
    reset: (o.status ?? '').trim().toLowerCase() === 'reset',
    statusDate: exam.statusDate as string | null,
    student: examinee.student,
    groupNames: examinee.groupNames,
    exam,
    hash,
    warnings,
  };
}
