import type { ReportData } from '@cers/db';
import {
  type AssessmentType,
  errorBand,
  type Family,
  LEVEL_SCHEMES,
  type LevelDef,
  overallLevels,
  schoolYearLabel,
  TYPE_SHORT_LABELS,
} from '@cers/domain';
import Papa from 'papaparse';

/**
 * The group's results as CSV, columns per cers-features.md §4.1 (Export CSV of the group results
 * page). Demographic columns appear there only for filters applied on screen; a report has none,
 * so they are left out. Rows follow the order of `studentOrder`, then test date.
 */
const STATUS: Record<string, string> = { Valid: 'Valid', IN: 'Invalid', SD: 'Standardized', NS: 'Nonstandardized' };

function levelsOf(value: unknown, fallback: readonly LevelDef[]): readonly LevelDef[] {
  if (!Array.isArray(value) || value.length === 0) return fallback;
  return value as LevelDef[];
}

export function groupResultsCsv(data: ReportData, args: { schoolYear: number; studentOrder: readonly number[] }): string {
  const assessments = new Map(data.assessments.map((a) => [a.id, a]));
  const students = new Map(data.students.map((s) => [s.id, s]));
  const scores = new Map<number, Map<string, ReportData['scores'][number]>>();
  for (const s of data.scores) {
    const m = scores.get(s.examId) ?? new Map();
    m.set(s.code, s);
    scores.set(s.examId, m);
  }
  const exams = data.exams.filter((e) => e.schoolYear === args.schoolYear);
  const rank = new Map(args.studentOrder.map((id, i) => [id, i]));
  exams.sort((x, y) => (rank.get(x.studentId) ?? 0) - (rank.get(y.studentId) ?? 0) || +new Date(x.completedAt) - +new Date(y.completedAt));
  // Sub-score columns of every assessment present, in display order: "<Subject>: <name> ...".
  const subColumns: { key: string; header: string; code: string; subject: string; part: 'level' | 'score' | 'sem' }[] = [];
  const seen = new Set<string>();
  const defs = [...data.assessmentScores].sort((x, y) => x.displayOrder - y.displayOrder);
  for (const d of defs) {
    const a = assessments.get(d.assessmentId);
    if (!a) continue;
    const base = `${a.subject}: ${d.name}`;
    if (seen.has(base)) continue;
    seen.add(base);
    if (d.kind === 'claim') {
      subColumns.push({ key: base, header: base, code: d.code, subject: a.subject, part: 'level' });
    } else {
      subColumns.push({ key: `${base} Level`, header: `${base} Level`, code: d.code, subject: a.subject, part: 'level' });
      subColumns.push({ key: `${base} Scale Score`, header: `${base} Scale Score`, code: d.code, subject: a.subject, part: 'score' });
      subColumns.push({ key: `${base} Standard Error`, header: `${base} Standard Error`, code: d.code, subject: a.subject, part: 'sem' });
    }
  }
  const blocks = exams.some((e) => {
    const t = assessments.get(e.assessmentId)?.type;
    return t === 'iab' || t === 'fiab';
  });
  const header = [
    'StudentIdentifier',
    'FirstName',
    'LastOrSurname',
    'SubmitDateTime',
    'TestSessionId',
    'SchoolName',
    'SchoolYear',
    'AssessmentType',
    'AssessmentName',
    'Subject',
    'GradeLevelWhenAssessed',
    'Status',
    blocks ? 'Reporting Category' : 'ScaleScoreAchievementLevel',
    'ScaleScore',
    'Error Band Min',
    'Error Band Max',
    ...subColumns.map((c) => c.header),
    'AssignedAccommodationList',
  ];
  const rows = exams.map((e) => {
    const a = assessments.get(e.assessmentId);
    const s = students.get(e.studentId);
    const levels = a ? levelsOf(a.levels, overallLevels(a.family as Family, a.type as AssessmentType)) : [];
    const level = levels.find((l) => l.level === e.achievementLevel);
    const band =
      e.scaleScore !== null && e.scaleScoreSem !== null ? errorBand(e.scaleScore, e.scaleScoreSem, a?.minScore, a?.maxScore) : null;
    const status = `${STATUS[e.administrationCondition ?? ''] ?? ''}${e.completeness === 'Partial' ? ' Partial' : ''}`.trim();
    const sub = scores.get(e.examId);
    const subDefs = new Map(data.assessmentScores.filter((d) => d.assessmentId === e.assessmentId).map((d) => [d.code, d]));
    return [
      s?.ssid ?? '',
      s?.firstName ?? '',
      s?.lastName ?? '',
      new Date(e.completedAt).toISOString(),
      e.sessionId ?? '',
      e.schoolName,
      schoolYearLabel(e.schoolYear),
      a ? (TYPE_SHORT_LABELS[a.type as AssessmentType] ?? a.type) : '',
      a?.label ?? '',
      a?.subject ?? '',
      e.enrolledGrade ?? a?.grade ?? '',
      status,
      level?.name ?? '',
      e.scaleScore === null ? '' : String(Math.round(e.scaleScore)),
      band ? String(Math.round(band.low)) : '',
      band ? String(Math.round(band.high)) : '',
      ...subColumns.map((c) => {
        if (!a || c.subject !== a.subject || !subDefs.has(c.code)) return '';
        const v = sub?.get(c.code);
        if (!v) return '';
        if (c.part === 'score') return v.scaleScore === null ? '' : String(Math.round(v.scaleScore));
        if (c.part === 'sem') return v.sem === null ? '' : String(Math.round(v.sem));
        const d = subDefs.get(c.code);
        const ls = levelsOf(
          d?.levels,
          d?.kind === 'claim' || a.family === 'SBAC' || a.family === 'CAST' ? LEVEL_SCHEMES.THREE : LEVEL_SCHEMES.ELPAC_DOMAIN3,
        );
        return ls.find((l) => l.level === v.level)?.name ?? '';
      }),
      (e.accommodations ?? []).join('|'),
    ];
  });
  return Papa.unparse({ fields: header, data: rows }, { newline: '\r\n' });
}
