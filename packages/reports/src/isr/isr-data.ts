import type { ReportData, ReportExamRow } from '@cers/db';
import { ASSESSMENT_TYPES, type AssessmentType, FAMILIES, type Family, isInterim, type LevelDef, SUBJECTS } from '@cers/domain';
import type { ReportLanguage } from '../i18n/strings.js';
import type { IsrAssessment, IsrExam, IsrInput, IsrStudent, IsrSubScoreDef } from './isr-input.js';

/** Turns the rows of loadReportData into ISR inputs: one per student and subject, subjects in registry order. */
function asLevels(value: unknown): LevelDef[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    if (typeof v !== 'object' || v === null) return [];
    const o = v as Record<string, unknown>;
    if (typeof o.level !== 'number' || typeof o.name !== 'string') return [];
    return [
      {
        level: o.level,
        name: o.name,
        shortName: typeof o.shortName === 'string' ? o.shortName : o.name,
        color: typeof o.color === 'string' ? o.color : '#888888',
      },
    ];
  });
}

const asFamily = (v: string): Family => ((FAMILIES as readonly string[]).includes(v) ? (v as Family) : 'OTHER');
const asType = (v: string): AssessmentType => ((ASSESSMENT_TYPES as readonly string[]).includes(v) ? (v as AssessmentType) : 'sum');
const KINDS = ['claim', 'composite', 'domain', 'alt'] as const;
const asKind = (v: string): IsrSubScoreDef['kind'] => ((KINDS as readonly string[]).includes(v) ? (v as IsrSubScoreDef['kind']) : 'alt');

function subjectOrder(subject: string): number {
  const i = (SUBJECTS as readonly string[]).indexOf(subject);
  return i < 0 ? 99 : i;
}

export type IsrInputsByStudent = Map<number, IsrInput[]>;

export function isrInputsFromData(data: ReportData, args: { schoolYear: number; language: ReportLanguage }): IsrInputsByStudent {
  const labelKey = args.language === 'es' ? 'spa' : 'eng';
  const labels = new Map(
    data.accommodationLabels.map((a) => {
      const l = (a.labels ?? {}) as Record<string, unknown>;
      const text = l[labelKey] ?? l.eng;
      return [a.code, typeof text === 'string' && text.trim() !== '' ? text : a.code];
    }),
  );
  const subScores = new Map<number, IsrSubScoreDef[]>();
  for (const s of data.assessmentScores) {
    const list = subScores.get(s.assessmentId) ?? [];
    list.push({
      code: s.code,
      kind: asKind(s.kind),
      name: s.name,
      displayOrder: s.displayOrder,
      minScore: s.minScore,
      maxScore: s.maxScore,
      cutScores: s.cutScores ?? [],
      levels: asLevels(s.levels),
    });
    subScores.set(s.assessmentId, list);
  }
  const assessments = new Map<number, IsrAssessment>(
    data.assessments.map((a) => [
      a.id,
      {
        id: a.id,
        family: asFamily(a.family),
        type: asType(a.type),
        subject: a.subject,
        grade: a.grade,
        schoolYear: a.schoolYear,
        name: a.name,
        label: a.label,
        minScore: a.minScore,
        maxScore: a.maxScore,
        cutScores: a.cutScores ?? [],
        standardCutLevel: a.standardCutLevel,
        levels: asLevels(a.levels),
        hasClaims: a.hasClaims,
        hasComposites: a.hasComposites,
        hasDomains: a.hasDomains,
        hasTraits: a.hasTraits,
        measureKind: a.measureKind === 'lexile' || a.measureKind === 'quantile' ? a.measureKind : null,
        subScores: subScores.get(a.id) ?? [],
      },
    ]),
  );
  const scoresByExam = new Map<number, IsrExam['scores'][number][]>();
  for (const s of data.scores) {
    const list = scoresByExam.get(s.examId) ?? [];
    list.push({ code: s.code, kind: asKind(s.kind), scaleScore: s.scaleScore, sem: s.sem, level: s.level });
    scoresByExam.set(s.examId, list);
  }
  const traitsByExam = new Map<number, IsrExam['traits'][number][]>();
  for (const t of data.traits) {
    const list = traitsByExam.get(t.examId) ?? [];
    list.push({ purpose: t.purpose, category: t.category, score: t.score, maxScore: t.maxScore, conditionCode: t.conditionCode });
    traitsByExam.set(t.examId, list);
  }
  const students = new Map<number, IsrStudent>(data.students.map((s) => [s.id, { ...s }]));
  const toExam = (e: ReportExamRow): IsrExam => ({
    id: e.examId,
    completedAt: new Date(e.completedAt),
    schoolName: e.schoolName,
    districtName: e.districtName,
    enrolledGrade: e.enrolledGrade,
    scaleScore: e.scaleScore,
    scaleScoreSem: e.scaleScoreSem,
    achievementLevel: e.achievementLevel,
    lexile: e.lexile,
    quantile: e.quantile,
    administrationCondition: e.administrationCondition,
    completeness: e.completeness,
    accommodations: (e.accommodations ?? []).map((c) => labels.get(c) ?? c),
    scores: scoresByExam.get(e.examId) ?? [],
    traits: traitsByExam.get(e.examId) ?? [],
  });

  // student → subject → exams
  const grouped = new Map<number, Map<string, { exam: ReportExamRow; assessment: IsrAssessment }[]>>();
  for (const e of data.exams) {
    const a = assessments.get(e.assessmentId);
    if (!a) continue;
    const bySubject = grouped.get(e.studentId) ?? new Map();
    const list = bySubject.get(a.subject) ?? [];
    list.push({ exam: e, assessment: a });
    bySubject.set(a.subject, list);
    grouped.set(e.studentId, bySubject);
  }
  const result: IsrInputsByStudent = new Map();
  for (const [studentId, bySubject] of grouped) {
    const student = students.get(studentId);
    if (!student) continue;
    const inputs: IsrInput[] = [];
    const subjects = [...bySubject.keys()].sort((x, y) => subjectOrder(x) - subjectOrder(y) || x.localeCompare(y));
    for (const subject of subjects) {
      const rows = bySubject.get(subject) ?? [];
      const current = rows.filter((r) => r.exam.schoolYear === args.schoolYear);
      if (current.length === 0) continue;
      const type = current[0]?.assessment.type ?? 'sum';
      if (isInterim(type) && type !== 'ica') {
        const blocks = new Map<number, { assessment: IsrAssessment; exams: IsrExam[] }>();
        for (const r of current) {
          const block = blocks.get(r.assessment.id) ?? { assessment: r.assessment, exams: [] };
          block.exams.push(toExam(r.exam));
          blocks.set(r.assessment.id, block);
        }
        inputs.push({ kind: 'blocks', student, type, subject, schoolYear: args.schoolYear, blocks: [...blocks.values()] });
        continue;
      }
      const latest = [...current].sort((x, y) => +new Date(y.exam.completedAt) - +new Date(x.exam.completedAt))[0];
      if (!latest) continue;
      // One entry per earlier year (its latest exam), same subject and type.
      const byYear = new Map<number, { exam: ReportExamRow; assessment: IsrAssessment }>();
      for (const r of rows) {
        if (r.exam.schoolYear >= args.schoolYear || r.assessment.type !== latest.assessment.type) continue;
        const seen = byYear.get(r.exam.schoolYear);
        if (!seen || +new Date(r.exam.completedAt) > +new Date(seen.exam.completedAt)) byYear.set(r.exam.schoolYear, r);
      }
      inputs.push({
        kind: 'single',
        student,
        assessment: latest.assessment,
        exam: toExam(latest.exam),
        history: [...byYear.values()].map((r) => ({
          schoolYear: r.exam.schoolYear,
          grade: r.assessment.grade,
          completedAt: new Date(r.exam.completedAt),
          scaleScore: r.exam.scaleScore,
          scaleScoreSem: r.exam.scaleScoreSem,
          level: r.exam.achievementLevel,
          levels: r.assessment.levels,
        })),
      });
    }
    if (inputs.length > 0) result.set(studentId, inputs);
  }
  return result;
}
