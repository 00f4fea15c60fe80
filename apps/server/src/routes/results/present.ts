/**
 * Presenters: database rows → response shapes, with every number shaped by @cers/domain rules
 * (distributions, means ± standard error, suppression, labels).
 */
import type { AssessmentMeta, LevelMomentsRow } from '@cers/db';
import {
  type AssessmentType,
  CAST_DOMAINS,
  CSA_COMPOSITES,
  csaDomains,
  defaultSubScoreLevels,
  ELPAC_COMPOSITES,
  ELPAC_DOMAINS,
  FAMILIES,
  type Family,
  gradeLabel,
  isSuppressed,
  type LevelDef,
  levelDefsFromJson,
  meanFromMoments,
  overallLevels,
  type PopulationKind,
  resultsViews,
  SB_CLAIMS,
  SB_COMPOSITES,
  type ScoreDistribution,
  schoolYearLabel,
  scoreDistribution,
  scoreTypes,
  TYPE_LABELS,
  TYPE_SHORT_LABELS,
  unavailableResultsViews,
} from '@cers/domain';
import type { AssessmentSummary } from './results.schema.js';

type Facts = Omit<AssessmentMeta, 'subScores' | 'minScore' | 'maxScore' | 'cutScores' | 'standardCutLevel' | 'levels'>;

function family(value: string): Family {
  return (FAMILIES as readonly string[]).includes(value) ? (value as Family) : 'OTHER';
}
function typeLabel(type: string): string {
  return type in TYPE_LABELS ? TYPE_LABELS[type as AssessmentType] : type;
}

export function presentAssessment(
  a: Facts,
  population: PopulationKind,
  studentsTested: number,
  latestCompletedAt: Date | null,
  suppressCounts: boolean,
): AssessmentSummary {
  return {
    id: a.id,
    name: a.name,
    label: a.label,
    family: a.family,
    type: a.type,
    typeLabel: typeLabel(a.type),
    subject: a.subject,
    grade: a.grade,
    gradeLabel: gradeLabel(a.grade),
    schoolYear: a.schoolYear,
    schoolYearLabel: schoolYearLabel(a.schoolYear),
    studentsTested: suppressCounts && isSuppressed(studentsTested) ? null : studentsTested,
    latestCompletedAt: latestCompletedAt ? latestCompletedAt.toISOString() : '',
    scoreTypes: scoreTypes(a),
    views: resultsViews(a, { itemCount: a.itemCount, selectedResponseCount: a.selectedResponseCount }, population),
    unavailableViews: unavailableResultsViews(a, { itemCount: a.itemCount, selectedResponseCount: a.selectedResponseCount }, population),
    measureKind: a.measureKind,
  };
}

/** Overall level names of an assessment: its own row, else the family's defaults. */
export function overallLevelDefs(a: Pick<AssessmentMeta, 'family' | 'type' | 'levels'>): readonly LevelDef[] {
  const type = (a.type in TYPE_SHORT_LABELS ? a.type : 'sum') as AssessmentType;
  return levelDefsFromJson(a.levels, overallLevels(family(a.family), type));
}

/** The level that meets the standard: the assessment's own, else level 3. */
export function standardCut(a: Pick<AssessmentMeta, 'standardCutLevel'>): number {
  return a.standardCutLevel ?? 3;
}

export type Shaped = { distribution: ScoreDistribution; mean: { n: number; mean: number | null; standardError: number | null } | null };

/** Level rows + total row (grouping sets) → distribution and mean ± standard error. */
export function shapeMoments(levels: readonly LevelDef[], rows: readonly LevelMomentsRow[], cutLevel: number | null): Shaped {
  const counts = rows.filter((r) => !r.isTotal && r.level !== null).map((r) => ({ level: r.level as number, count: r.n }));
  const total = rows.find((r) => r.isTotal);
  const m = total ? meanFromMoments(total.scored, total.mean, total.sd) : undefined;
  return {
    distribution: scoreDistribution(levels, counts, cutLevel),
    mean: m ? { n: m.n, mean: m.mean, standardError: m.standardError } : null,
  };
}

type SubDef = { code: string; kind: 'claim' | 'composite' | 'domain'; name: string; levels: readonly LevelDef[] };

/** Registry sub-scores of an assessment when its assessment_scores rows are missing. */
function registryDefs(a: Pick<AssessmentMeta, 'family' | 'subject' | 'grade'>, kind: SubDef['kind']) {
  const subject = a.subject === 'Math' ? 'Math' : 'ELA';
  switch (a.family) {
    case 'SBAC':
      return kind === 'claim' ? SB_CLAIMS[subject] : kind === 'composite' ? SB_COMPOSITES[subject] : [];
    case 'ELPAC':
      return kind === 'composite' ? ELPAC_COMPOSITES : kind === 'domain' ? ELPAC_DOMAINS : [];
    case 'CAST':
      return kind === 'domain' ? CAST_DOMAINS : [];
    case 'CSA':
      return kind === 'composite' ? CSA_COMPOSITES : kind === 'domain' ? csaDomains(Number(a.grade) >= 9) : [];
    default:
      return [];
  }
}

/** The claims / composites / domains an assessment reports, in display order, with level names. */
export function subScoreDefs(a: AssessmentMeta, kind: SubDef['kind']): SubDef[] {
  const fallback = defaultSubScoreLevels(a.family, kind);
  const own = a.subScores.filter((s) => s.kind === kind);
  if (own.length > 0) return own.map((s) => ({ code: s.code, kind, name: s.name, levels: levelDefsFromJson(s.levels, fallback) }));
  return registryDefs(a, kind).map((d) => ({ code: d.code, kind, name: d.name, levels: fallback }));
}

/** A sub-score code seen in data but not defined anywhere still shows, named by its code. */
export function subScoreDef(defs: readonly SubDef[], a: AssessmentMeta, code: string, kind: SubDef['kind']): SubDef {
  return defs.find((d) => d.code === code) ?? { code, kind, name: code, levels: defaultSubScoreLevels(a.family, kind) };
}

/** "Last, First" (cers-features.md §3.3 Results By Student). */
export function studentName(s: { firstName: string | null; lastName: string | null }): string {
  const last = s.lastName?.trim() ?? '';
  const first = s.firstName?.trim() ?? '';
  if (last && first) return `${last}, ${first}`;
  return last || first || '(no name)';
}

/** Status column: administration condition label, plus " Partial" for partial tests. */
export function statusLabel(condition: string | null, completeness: string | null): string {
  const base =
    condition === 'Valid'
      ? 'Valid'
      : condition === 'IN'
        ? 'Invalid'
        : condition === 'SD'
          ? 'Standardized'
          : condition === 'NS'
            ? 'Nonstandardized'
            : '-';
  return completeness === 'Partial' ? `${base} Partial` : base;
}
