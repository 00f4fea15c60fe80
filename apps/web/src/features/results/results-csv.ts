/**
 * Export CSV of a results view (cers-features.md §4.1, §4.3–4.5): pure row builders, so column sets
 * are unit tested. The first row is the header. Percent/Number follows the on-screen toggle where
 * the spec says "count or %"; group results always carry exact values per exam.
 */
import { pointsLabel, schoolYearLabel } from '@cers/domain';
import {
  type AssessmentSummary,
  type DistractorViewData,
  findLevel,
  type ItemsViewData,
  type MeasureViewData,
  type ResultSummary,
  type StudentViewData,
  type TargetViewData,
  type TraitViewData,
} from '../../api/results';
import type { CsvCell } from '../../components/csv';
import type { DisplayMode } from './results-url';

type Row = CsvCell[];

const ASSESSMENT_TYPE: Record<string, string> = { sum: 'Summative', ica: 'ICA', iab: 'IAB', fiab: 'FIAB', ia: 'IA' };
const assessmentType = (a: AssessmentSummary) => ASSESSMENT_TYPE[a.type] ?? a.type;

/** §4.1: one row per student exam of the displayed assessment. */
export function studentRowsCsv(a: AssessmentSummary, data: StudentViewData): Row[] {
  const isBlock = a.type === 'iab' || a.type === 'fiab';
  const hasScaled = data.subScores.map((s) => data.rows.some((r) => r.scores.some((c) => c.code === s.code && c.scaleScore !== null)));
  const header: Row = [
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
    isBlock ? 'Reporting Category' : 'ScaleScoreAchievementLevel',
    'ScaleScore',
    'Error Band Min',
    'Error Band Max',
  ];
  data.subScores.forEach((s, i) => {
    header.push(`${a.subject}: ${s.name}${hasScaled[i] ? ' Level' : ''}`);
    if (hasScaled[i]) header.push(`${a.subject}: ${s.name} Scale Score`, `${a.subject}: ${s.name} Standard Error`);
  });
  header.push('AssignedAccommodationList');
  const rows: Row[] = [header];
  for (const r of data.rows) {
    const row: Row = [
      r.ssid,
      r.firstName,
      r.lastName,
      r.completedAt,
      r.sessionId,
      r.schoolName,
      a.schoolYear,
      assessmentType(a),
      a.label,
      a.subject,
      r.enrolledGrade,
      r.status,
      findLevel(data.levels, r.level)?.name ?? null,
      r.scaleScore === null ? null : Math.round(r.scaleScore),
      r.errorBandMin === null ? null : Math.round(r.errorBandMin),
      r.errorBandMax === null ? null : Math.round(r.errorBandMax),
    ];
    data.subScores.forEach((s, i) => {
      const cell = r.scores.find((c) => c.code === s.code);
      row.push(cell ? (findLevel(s.levels, cell.level)?.name ?? null) : null);
      if (hasScaled[i]) row.push(cell?.scaleScore ?? null, cell?.standardError ?? null);
    });
    row.push(r.accommodations.join('|'));
    rows.push(row);
  }
  return rows;
}

const itemInfo = (a: AssessmentSummary) => [assessmentType(a), a.label, a.subject];

/** §4.3 Results By Item: per item its info, then count or % of students per point value. */
export function itemRowsCsv(a: AssessmentSummary, data: ItemsViewData, display: DisplayMode): Row[] {
  const maxPoints = Math.max(0, ...data.items.map((i) => i.maxPoints));
  const values = Array.from({ length: maxPoints + 1 }, (_, p) => p);
  const rows: Row[] = [
    [
      'AssessmentType',
      'AssessmentName',
      'Subject',
      'Item #',
      'Claim',
      'Target',
      'Item Difficulty',
      'Standard',
      'Full Credit',
      'Average Points',
      'Max Points',
      ...values.map(pointsLabel),
    ],
  ];
  for (const item of data.items) {
    const per = values.map((p) => {
      const v = item.points.find((x) => x.points === p);
      if (p > item.maxPoints || !v) return null;
      return display === 'percent' ? `${v.percent}%` : v.count;
    });
    const full =
      display === 'percent'
        ? item.fullCreditPercent === null
          ? null
          : `${item.fullCreditPercent}%`
        : (item.points.find((p) => p.points === item.maxPoints)?.count ?? 0);
    rows.push([
      ...itemInfo(a),
      item.number,
      item.claimName ?? item.claimCode,
      item.targetCode,
      item.difficulty,
      item.standard,
      full,
      item.average === null ? null : Number(item.average.toFixed(2)),
      item.maxPoints,
      ...per,
    ]);
  }
  return rows;
}

/** §4.3 Key / Distractor Analysis: answer key, then count or % choosing each option. */
export function distractorRowsCsv(a: AssessmentSummary, data: DistractorViewData, display: DisplayMode): Row[] {
  const letters = [...new Set(data.items.flatMap((i) => i.options.map((o) => o.option)))].sort();
  const rows: Row[] = [
    [
      'AssessmentType',
      'AssessmentName',
      'Subject',
      'Item #',
      'Claim',
      'Target',
      'Item Difficulty',
      'Standard',
      'Answer Key',
      'Students Responding',
      ...letters,
    ],
  ];
  for (const item of data.items) {
    rows.push([
      ...itemInfo(a),
      item.number,
      item.claimName ?? item.claimCode,
      item.targetCode,
      item.difficulty,
      item.standard,
      item.answerKey,
      item.responders,
      ...letters.map((l) => {
        const o = item.options.find((x) => x.option === l);
        if (!o) return null;
        return display === 'percent' ? `${o.percent}%` : o.count;
      }),
    ]);
  }
  return rows;
}

/** §4.4 Writing traits: per purpose and trait, average / max and the point distribution. */
export function traitRowsCsv(a: AssessmentSummary, data: TraitViewData, display: DisplayMode): Row[] {
  const steps = [...new Set(data.summaries.flatMap((s) => s.values.map((v) => v.points)))].sort((x, y) => x - y);
  const rows: Row[] = [
    [
      'SchoolYear',
      'AssessmentGradeLevel',
      'AssessmentType',
      'AssessmentName',
      'Subject',
      'Writing Purpose',
      'Trait',
      'Students',
      'Average',
      'Max',
      ...steps.map(pointsLabel),
    ],
  ];
  const groups = [
    { label: 'All purposes', summaries: data.summaries },
    ...data.purposes.map((p) => ({ label: p.label, summaries: p.summaries })),
  ];
  for (const g of groups) {
    for (const s of g.summaries) {
      rows.push([
        schoolYearLabel(a.schoolYear),
        a.grade,
        assessmentType(a),
        a.label,
        a.subject,
        g.label,
        s.name,
        s.n,
        s.mean === null ? null : Number(s.mean.toFixed(2)),
        s.max,
        ...steps.map((p) => {
          const v = s.values.find((x) => x.points === p);
          if (!v) return null;
          return display === 'percent' ? `${v.percent}%` : v.count;
        }),
      ]);
    }
  }
  return rows;
}

/** §4.5 Target report. */
export function targetRowsCsv(groupName: string, a: AssessmentSummary, summary: ResultSummary | undefined, data: TargetViewData): Row[] {
  const mean = summary?.mean?.mean ?? null;
  const se = summary?.mean?.standardError ?? null;
  const rows: Row[] = [
    [
      'Group Name',
      'SchoolYear',
      'AssessmentType',
      'AssessmentName',
      'Subject',
      'ScaleScore',
      'Error Band Min',
      'Error Band Max',
      'Claim',
      'Target',
      'Subgroup',
      'Students Tested',
      'Performance Relative to Entire Test',
      'Performance Relative to Standard Met',
    ],
  ];
  for (const t of data.rows) {
    rows.push([
      groupName,
      schoolYearLabel(a.schoolYear),
      assessmentType(a),
      a.label,
      a.subject,
      mean === null ? null : Math.round(mean),
      mean === null || se === null ? null : Math.round(mean - se),
      mean === null || se === null ? null : Math.round(mean + se),
      t.claimName,
      `${t.targetCode} ${t.targetName}`,
      t.subgroupLabel,
      t.studentsTested,
      t.relativeToTest.label,
      t.relativeToStandard.label,
    ]);
  }
  return rows;
}

/** Lexile / Quantile report (layout ours, §3.3 inferred): one row per student. */
export function measureRowsCsv(a: AssessmentSummary, data: MeasureViewData): Row[] {
  const name = data.view === 'lexile' ? 'Lexile' : 'Quantile';
  const rows: Row[] = [
    [
      'StudentIdentifier',
      'Student',
      'SchoolYear',
      'AssessmentName',
      'GradeLevelWhenAssessed',
      'ScaleScore',
      'Achievement Level',
      name,
      `${name} Range`,
      'Grade Band (reference)',
    ],
  ];
  for (const r of data.rows) {
    rows.push([
      r.ssid,
      r.name,
      schoolYearLabel(a.schoolYear),
      a.label,
      r.enrolledGrade,
      r.scaleScore === null ? null : Math.round(r.scaleScore),
      findLevel(data.levels, r.level)?.name ?? null,
      r.formatted,
      r.range,
      r.position === null ? null : { below: 'Below band', within: 'Within band', above: 'Above band' }[r.position],
    ]);
  }
  return rows;
}

/** File name: "<group> <assessment> <view>.csv" without characters file systems dislike. */
export function csvFileName(...parts: string[]): string {
  return `${parts
    .join(' ')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .trim()}.csv`;
}
