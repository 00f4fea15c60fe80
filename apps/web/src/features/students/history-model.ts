/**
 * Pure shaping of a student's test history (cers-features.md §3.2): URL state, filters, per-subject
 * sections, the Overall / Composite / Claim / Domain toggle, derived figures and the CSV export
 * (§4.2 = the exam columns of §4.1 for one student). No React here, so every rule has a unit test.
 */
import {
  ADMINISTRATION_CONDITIONS,
  type AssessmentType,
  errorBand,
  FAMILY_LABELS,
  formatLexile,
  formatQuantile,
  gradeNumber,
  type LevelDef,
  lexileGradeBand,
  lexileRange,
  quantileRange,
  SCORE_TYPE_LABELS,
  type ScoreType,
  SUBJECT_SHORT_LABELS,
  SUBJECTS,
  schoolYearLabel,
  scoreTypes,
  TRAIT_CATEGORIES,
  TRAITS_FIRST_YEAR,
  TYPE_SHORT_LABELS,
  transformedPoints,
  WRITING_PURPOSES,
} from '@cers/domain';
import type { Assessment, StudentExam, StudentSummary, SubScore } from '../../api/students';

// ---------------------------------------------------------------- URL state

export type HistoryState = {
  schoolYear: number | null;
  subject: string | null;
  type: string | null;
  /** Exam whose details are open (a Student Results Card links here with ?exam=). */
  exam: number | null;
  /** Score type per subject section, e.g. { ELA: 'composite' }. */
  views: Record<string, ScoreType>;
};

const SCORE_TYPE_SET = new Set<string>(['overall', 'composite', 'claim', 'domain']);

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

export function parseHistoryState(params: URLSearchParams): HistoryState {
  const views: Record<string, ScoreType> = {};
  for (const part of (params.get('views') ?? '').split(',')) {
    const [subject, view] = part.split(':');
    if (subject && view && SCORE_TYPE_SET.has(view)) views[subject] = view as ScoreType;
  }
  return {
    schoolYear: positiveInt(params.get('year')),
    subject: params.get('subject') || null,
    type: params.get('type') || null,
    exam: positiveInt(params.get('exam')),
    views,
  };
}

export function historySearchParams(state: HistoryState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.schoolYear !== null) p.set('year', String(state.schoolYear));
  if (state.subject !== null) p.set('subject', state.subject);
  if (state.type !== null) p.set('type', state.type);
  if (state.exam !== null) p.set('exam', String(state.exam));
  const views = Object.entries(state.views)
    .filter(([, v]) => v !== 'overall')
    .map(([s, v]) => `${s}:${v}`)
    .sort();
  if (views.length > 0) p.set('views', views.join(','));
  return p;
}

// ---------------------------------------------------------------- filters and sections

export type Option = { value: string; label: string };

export function filterExams(exams: readonly StudentExam[], s: Pick<HistoryState, 'schoolYear' | 'subject' | 'type'>): StudentExam[] {
  return exams.filter(
    (e) =>
      (s.schoolYear === null || e.schoolYear === s.schoolYear) &&
      (s.subject === null || e.assessment.subject === s.subject) &&
      (s.type === null || e.assessment.type === s.type),
  );
}

/** Filter choices present in the history: school years newest first, subjects and types in registry order. */
export function filterOptions(exams: readonly StudentExam[]): { schoolYears: Option[]; subjects: Option[]; types: Option[] } {
  const years = [...new Set(exams.map((e) => e.schoolYear))].sort((a, b) => b - a);
  const subjects = new Set(exams.map((e) => e.assessment.subject));
  const types = new Set(exams.map((e) => e.assessment.type));
  return {
    schoolYears: years.map((y) => ({ value: String(y), label: schoolYearLabel(y) })),
    subjects: orderedSubjects(subjects).map((s) => ({ value: s, label: subjectLabel(s) })),
    types: (Object.keys(TYPE_SHORT_LABELS) as AssessmentType[]).filter((t) => types.has(t)).map((t) => ({ value: t, label: typeLabel(t) })),
  };
}

function orderedSubjects(subjects: Set<string>): string[] {
  const known = SUBJECTS.filter((s) => subjects.has(s));
  const other = [...subjects].filter((s) => !(SUBJECTS as readonly string[]).includes(s)).sort();
  return [...known, ...other];
}

export function subjectLabel(subject: string): string {
  return (SUBJECT_SHORT_LABELS as Record<string, string>)[subject] ?? subject;
}

export function typeLabel(type: string): string {
  return (TYPE_SHORT_LABELS as Record<string, string>)[type] ?? type;
}

export type SubjectSection = { subject: string; label: string; exams: StudentExam[]; scoreTypes: ScoreType[] };

/** One section per subject (cers-features.md §3.2), most recent exam first within each. */
export function subjectSections(exams: readonly StudentExam[]): SubjectSection[] {
  const bySubject = new Map<string, StudentExam[]>();
  for (const e of exams) {
    const list = bySubject.get(e.assessment.subject) ?? [];
    list.push(e);
    bySubject.set(e.assessment.subject, list);
  }
  return orderedSubjects(new Set(bySubject.keys())).map((subject) => {
    const list = (bySubject.get(subject) ?? []).slice().sort(byMostRecent);
    return { subject, label: subjectLabel(subject), exams: list, scoreTypes: sectionScoreTypes(list) };
  });
}

export function byMostRecent(a: StudentExam, b: StudentExam): number {
  return b.completedAt.localeCompare(a.completedAt) || b.id - a.id;
}

/** What one exam's assessment carries: the year rules are data on the assessment row. */
export function examScoreTypes(a: Assessment): ScoreType[] {
  return scoreTypes({ ...a, hasTargets: false, hasItems: false });
}

/** The toggle offers a score type when at least one exam of the section carries it. */
export function sectionScoreTypes(exams: readonly StudentExam[]): ScoreType[] {
  const offered = new Set<ScoreType>(['overall']);
  for (const e of exams) for (const t of examScoreTypes(e.assessment)) offered.add(t);
  return (['overall', 'composite', 'claim', 'domain'] as const).filter((t) => offered.has(t));
}

export function scoreTypeLabel(t: ScoreType): string {
  return SCORE_TYPE_LABELS[t];
}

/** Columns of a claim/composite/domain view: each sub-score name once, in display order. */
export function subScoreColumns(exams: readonly StudentExam[], kind: Exclude<ScoreType, 'overall'>): { key: string; name: string }[] {
  const seen = new Map<string, { key: string; name: string; order: number }>();
  for (const e of exams) {
    for (const s of e.scores) {
      if (s.kind !== kind || seen.has(s.name)) continue;
      seen.set(s.name, { key: s.name, name: s.name, order: s.displayOrder });
    }
  }
  return [...seen.values()].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name)).map(({ key, name }) => ({ key, name }));
}

/** Why an exam shows no sub-scores of a kind (empty states explain, cers-features.md §6.6). */
export function missingSubScoreReason(e: StudentExam, kind: Exclude<ScoreType, 'overall'>): string {
  const a = e.assessment;
  const carries = kind === 'claim' ? a.hasClaims : kind === 'composite' ? a.hasComposites : a.hasDomains;
  if (carries) return 'Not scored';
  if (a.family === 'SBAC' && a.type === 'sum' && kind === 'claim') {
    return a.schoolYear >= 2021
      ? 'Claim results are only available before 2020–21 (adjusted test blueprint).'
      : 'Not reported for this assessment.';
  }
  if (a.family === 'SBAC' && a.type === 'sum' && kind === 'composite') {
    return 'Composite claim results are available from 2023–24 results on.';
  }
  return `This assessment has no ${SCORE_TYPE_LABELS[kind].toLowerCase()} results.`;
}

// ---------------------------------------------------------------- figures of one exam

export function findLevel(levels: readonly LevelDef[], level: number | null): LevelDef | undefined {
  if (level === null) return undefined;
  return levels.find((l) => l.level === level);
}

/** Lower bound of the standard's level (cuts are the lower bounds of levels 2..n). */
export function standardMetCut(a: Pick<Assessment, 'cutScores' | 'standardCutLevel'>): number | undefined {
  if (a.standardCutLevel === null || a.standardCutLevel < 2) return undefined;
  return a.cutScores[a.standardCutLevel - 2];
}

/** Families whose level 3 is "Standard Met" (the Dashboard measure is about those; ELPAC, CAA, CSA have none). */
const STANDARD_MET_FAMILIES = new Set(['SBAC', 'CAST']);

/** Signed distance from the Standard Met cut (domain.md: a Dashboard measure, shown as our addition). */
export function distanceFromStandardMet(e: StudentExam): number | undefined {
  if (!STANDARD_MET_FAMILIES.has(e.assessment.family)) return undefined;
  const cut = standardMetCut(e.assessment);
  if (cut === undefined || e.scaleScore === null) return undefined;
  return Math.round(e.scaleScore - cut);
}

export function formatSigned(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0';
}

export function examErrorBand(e: {
  scaleScore: number | null;
  scaleScoreSem: number | null;
  assessment: Pick<Assessment, 'minScore' | 'maxScore'>;
}) {
  if (e.scaleScore === null || e.scaleScoreSem === null) return undefined;
  const band = errorBand(e.scaleScore, e.scaleScoreSem, e.assessment.minScore, e.assessment.maxScore);
  return { low: Math.round(band.low), high: Math.round(band.high) };
}

/** Status column: administration condition, plus "Partial" for incomplete tests (cers-features.md §4.1). */
export function statusLabel(e: Pick<StudentExam, 'administrationCondition' | 'completeness'>): string {
  const condition = e.administrationCondition
    ? ((ADMINISTRATION_CONDITIONS as Record<string, string>)[e.administrationCondition] ?? e.administrationCondition)
    : '';
  const partial = e.completeness === 'Partial' ? 'Partial' : '';
  return [condition, partial].filter(Boolean).join(' ') || '-';
}

export function assessmentTitle(a: Assessment): string {
  return a.label || a.name;
}

/**
 * How the error-band graphic colours the scale: by achievement level when the assessment defines
 * one level per cut interval; otherwise (interim blocks report Below/Near/Above with the ±1.5 SEM
 * rule, not by intervals) only below/above the Standard Met cut; with neither, uncoloured.
 */
export function bandScale(a: Pick<Assessment, 'cutScores' | 'levels' | 'standardCutLevel' | 'type'>): {
  cuts: number[];
  levels: LevelDef[];
} {
  if (!isReportingCategory(a) && a.levels.length === a.cutScores.length + 1) return { cuts: a.cutScores, levels: a.levels };
  const cut = standardMetCut(a);
  const first = a.levels[0];
  const last = a.levels.at(-1);
  if (cut === undefined || !first || !last) return { cuts: [], levels: [] };
  return { cuts: [cut], levels: [first, last] };
}

/** Interim blocks report a category (three levels) rather than an achievement level. */
export function isReportingCategory(a: Pick<Assessment, 'type'>): boolean {
  return a.type === 'iab' || a.type === 'fiab';
}

export type MeasureInfo = { kind: 'Lexile' | 'Quantile'; text: string; range: string; gradeBand: string | null };

/** Lexile (ELA) / Quantile (Math) with the student's range and, for Lexile, the grade's stretch band. */
export function measureInfo(e: StudentExam): MeasureInfo | undefined {
  if (e.lexile !== null) {
    const r = lexileRange(e.lexile);
    const band = lexileGradeBand(gradeNumber(e.enrolledGrade ?? e.assessment.grade));
    return {
      kind: 'Lexile',
      text: formatLexile(e.lexile),
      range: `${formatLexile(r.low)}–${formatLexile(r.high)}`,
      gradeBand: band ? `${formatLexile(band.low)}–${formatLexile(band.high)}` : null,
    };
  }
  if (e.quantile !== null) {
    const r = quantileRange(e.quantile);
    return {
      kind: 'Quantile',
      text: formatQuantile(e.quantile),
      range: `${formatQuantile(r.low)}–${formatQuantile(r.high)}`,
      gradeBand: null,
    };
  }
  return undefined;
}

export type TraitRow = {
  purpose: string;
  org: number | null;
  evi: number | null;
  con: number | null;
  transformed: number | null;
  conditionCodes: string[];
};

/** Writing trait scores, one row per essay purpose, with Transformed Points (cers-features.md §5.5). */
export function traitRows(e: StudentExam): TraitRow[] {
  const byPurpose = new Map<string, TraitRow>();
  for (const t of e.traits) {
    const row = byPurpose.get(t.purpose) ?? { purpose: t.purpose, org: null, evi: null, con: null, transformed: null, conditionCodes: [] };
    if (t.category === 'ORG') row.org = t.score;
    if (t.category === 'EVI') row.evi = t.score;
    if (t.category === 'CON') row.con = t.score;
    if (t.conditionCode && !row.conditionCodes.includes(t.conditionCode)) row.conditionCodes.push(t.conditionCode);
    byPurpose.set(t.purpose, row);
  }
  return [...byPurpose.values()].map((r) => ({
    ...r,
    purpose: (WRITING_PURPOSES as Record<string, string>)[r.purpose] ?? r.purpose,
    transformed: r.org !== null && r.evi !== null && r.con !== null ? transformedPoints(r.org, r.evi, r.con) : null,
  }));
}

export const TRAIT_MAX = { org: TRAIT_CATEGORIES.ORG.max, evi: TRAIT_CATEGORIES.EVI.max, con: TRAIT_CATEGORIES.CON.max };

/** Why an ELA exam shows no writing trait scores. */
export function missingTraitsReason(e: StudentExam): string | undefined {
  if (e.assessment.subject !== 'ELA' || e.traits.length > 0) return undefined;
  if (e.assessment.type === 'sum' && e.schoolYear < TRAITS_FIRST_YEAR) {
    return `Writing Extended Response scores are not available prior to ${schoolYearLabel(TRAITS_FIRST_YEAR)}.`;
  }
  if (e.assessment.hasTraits) return 'No writing trait scores were reported for this test.';
  return undefined;
}

// ---------------------------------------------------------------- CSV (cers-features.md §4.2)

const BASE_COLUMNS = [
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
  'ScaleScoreAchievementLevel',
  'Reporting Category',
  'ScaleScore',
  'Error Band Min',
  'Error Band Max',
] as const;

type AltColumn = { header: string; pick: (e: StudentExam) => string | number | null };

function subScoreColumnsForCsv(exams: readonly StudentExam[]): AltColumn[] {
  const alt = new Map<string, AltColumn[]>();
  const claims = new Map<string, AltColumn>();
  for (const e of exams) {
    const subject = subjectLabel(e.assessment.subject);
    for (const s of e.scores) {
      const find = (x: StudentExam): SubScore | undefined =>
        x.assessment.subject === e.assessment.subject ? x.scores.find((y) => y.kind === s.kind && y.name === s.name) : undefined;
      const levelName = (x: StudentExam) => {
        const y = find(x);
        return y ? (findLevel(y.levels, y.level)?.name ?? (y.level === null ? null : String(y.level))) : null;
      };
      if (s.kind === 'claim') {
        const header = `${subject}: ${s.name}`;
        if (!claims.has(header)) claims.set(header, { header, pick: levelName });
        continue;
      }
      const key = `${subject}: ${s.name}`;
      if (alt.has(key)) continue;
      alt.set(key, [
        { header: `${key} Level`, pick: levelName },
        { header: `${key} Scale Score`, pick: (x) => roundOrNull(find(x)?.scaleScore) },
        { header: `${key} Standard Error`, pick: (x) => roundOrNull(find(x)?.sem) },
      ]);
    }
  }
  return [...[...alt.values()].flat(), ...claims.values()];
}

function roundOrNull(v: number | null | undefined): number | null {
  return v === null || v === undefined ? null : Math.round(v);
}

/** Header + one row per exam, in the order shown. */
export function historyCsvRows(student: StudentSummary, exams: readonly StudentExam[]): (string | number | null)[][] {
  const extra = subScoreColumnsForCsv(exams);
  const header = [...BASE_COLUMNS, ...extra.map((c) => c.header), 'AssignedAccommodationList'];
  const rows = exams.map((e) => {
    const level = findLevel(e.assessment.levels, e.achievementLevel);
    const levelText = level?.name ?? (e.achievementLevel === null ? null : String(e.achievementLevel));
    const band = examErrorBand(e);
    const category = isReportingCategory(e.assessment);
    return [
      student.ssid,
      student.firstName,
      student.lastName,
      e.completedAt,
      e.sessionId,
      e.school.name,
      schoolYearLabel(e.schoolYear),
      typeLabel(e.assessment.type),
      assessmentTitle(e.assessment),
      subjectLabel(e.assessment.subject),
      e.enrolledGrade,
      statusLabel(e),
      category ? null : levelText,
      category ? levelText : null,
      roundOrNull(e.scaleScore),
      band?.low ?? null,
      band?.high ?? null,
      ...extra.map((c) => c.pick(e)),
      e.accommodations.map((a) => a.code).join('|'),
    ];
  });
  return [header, ...rows];
}

// ---------------------------------------------------------------- score history chart

export type ChartPoint = {
  examId: number;
  label: string;
  completedAt: string;
  score: number;
  sem: number | null;
  level: LevelDef | undefined;
  min: number;
  max: number;
  cuts: number[];
  grade: string;
};
export type ChartSeries = { key: string; title: string; levels: LevelDef[]; points: ChartPoint[] };

/**
 * Score history across years: one series per family, subject and type (scales are comparable only
 * within a family), oldest first. Series need a scale (min, max) to draw the level bands.
 */
export function scoreHistorySeries(exams: readonly StudentExam[]): ChartSeries[] {
  const series = new Map<string, ChartSeries>();
  const sorted = [...exams].sort((a, b) => a.completedAt.localeCompare(b.completedAt) || a.id - b.id);
  for (const e of sorted) {
    const a = e.assessment;
    if (e.scaleScore === null || a.minScore === null || a.maxScore === null) continue;
    const key = `${a.family}|${a.subject}|${a.type}`;
    const family = (FAMILY_LABELS as Record<string, string>)[a.family] ?? a.family;
    const s = series.get(key) ?? {
      key,
      title: a.family === 'SBAC' ? `${family} ${subjectLabel(a.subject)} ${typeLabel(a.type)}` : `${family} (${typeLabel(a.type)})`,
      levels: a.levels,
      points: [],
    };
    s.points.push({
      examId: e.id,
      label: a.type === 'sum' ? schoolYearLabel(e.schoolYear) : `${e.completedAt.slice(0, 10)}`,
      completedAt: e.completedAt,
      score: Math.round(e.scaleScore),
      sem: e.scaleScoreSem === null ? null : Math.round(e.scaleScoreSem),
      level: findLevel(a.levels, e.achievementLevel),
      min: a.minScore,
      max: a.maxScore,
      cuts: a.cutScores,
      grade: a.grade,
    });
    series.set(key, s);
  }
  return [...series.values()].sort((x, y) => preference(x.key) - preference(y.key) || y.points.length - x.points.length);
}

/** Smarter Balanced ELA then Math summatives first (the longitudinal view), other summatives, then interims. */
const SERIES_ORDER = ['SBAC|ELA|sum', 'SBAC|Math|sum'];
function preference(key: string): number {
  const known = SERIES_ORDER.indexOf(key);
  if (known >= 0) return known;
  return key.endsWith('|sum') ? SERIES_ORDER.length : SERIES_ORDER.length + 1;
}
