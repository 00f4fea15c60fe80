import {
  CAST_DOMAINS,
  CSA_COMPOSITES,
  csaDomains,
  ELPAC_COMPOSITES,
  ELPAC_DOMAINS,
  type Family,
  gradeNumber,
  LEVEL_SCHEMES,
  type LevelDef,
  overallLevels,
  type ReportingRules,
  reportingRules,
  SB_CLAIMS,
  SB_COMPOSITES,
  type SubScoreDef,
  type SubScoreKind,
} from '@cers/domain';
import type { LevelJson, ScoringJson, SubjectDefinition } from '../subject-definition.js';
import type { PackageAssessment, Scoring } from './model.js';

export type ScoreRow = {
  code: string;
  kind: SubScoreKind;
  name: string;
  displayOrder: number;
  min: number | null;
  max: number | null;
  cuts: number[];
  levels: LevelDef[];
};

/** Names from the subject XML, colours from the registry scheme (the XML's colours are CSS class names). */
export function levelsFrom(json: readonly LevelJson[] | undefined, fallback: readonly LevelDef[]): LevelDef[] {
  if (!json || json.length === 0) return [...fallback];
  return json.map((l) => ({
    level: l.level,
    name: l.name,
    shortName: l.shortName || l.name,
    color: fallback.find((f) => f.level === l.level)?.color ?? fallback[fallback.length - 1]?.color ?? '#666666',
  }));
}

const claimKind = (family: Family): SubScoreKind => (family === 'SBAC' || family === 'OTHER' || family === 'CAA' ? 'claim' : 'domain');
const altKind = (family: Family): SubScoreKind => (family === 'OTHER' || family === 'CAA' ? 'alt' : 'composite');

function kindScheme(family: Family, kind: SubScoreKind): readonly LevelDef[] {
  if (family === 'ELPAC' || family === 'AELPAC') return kind === 'domain' ? LEVEL_SCHEMES.ELPAC_DOMAIN3 : LEVEL_SCHEMES.ELPAC4;
  if (family === 'CSA') return kind === 'domain' ? LEVEL_SCHEMES.CSA_DOMAIN3 : LEVEL_SCHEMES.CSA3;
  return LEVEL_SCHEMES.THREE;
}

function fromRange(r: Scoring | null | undefined): Pick<ScoreRow, 'min' | 'max' | 'cuts'> {
  return r ? { min: r.min, max: r.max, cuts: r.cuts } : { min: null, max: null, cuts: [] };
}

export function rulesFor(a: PackageAssessment): ReportingRules {
  return reportingRules({ family: a.family, type: a.type, subject: a.subject, grade: gradeNumber(a.grade), schoolYear: a.schoolYear });
}

/**
 * Sub-scores an assessment reports: the subject's scorable claims (ClaimScoring) and alt scores
 * (AltScoring, ranges from the package's Alt columns in data order); where the subject has no
 * definition, or lacks what the year's reporting rules call for, the registry's defaults.
 */
export function scoreRows(a: PackageAssessment, def: SubjectDefinition | null): ScoreRow[] {
  const rows: ScoreRow[] = [];
  const typeDef = def?.assessmentTypes.find((t) => t.code === a.type);
  const add = (d: SubScoreDef, kind: SubScoreKind, scoring: ScoringJson | null | undefined, range: Scoring | null | undefined) =>
    rows.push({
      code: d.code,
      kind,
      name: d.name,
      displayOrder: d.displayOrder,
      ...fromRange(range),
      levels: levelsFrom(scoring?.levels, kindScheme(a.family, kind)),
    });
  if (def && typeDef?.claim) {
    const claims = def.claims.filter((c) => c.scorable).sort((x, y) => x.dataOrder - y.dataOrder);
    for (const c of claims)
      add(
        { code: c.code, kind: claimKind(a.family), name: c.name, displayOrder: c.displayOrder },
        claimKind(a.family),
        typeDef.claim,
        null,
      );
  }
  if (def && typeDef?.alt) {
    const alts = [...def.altScores].sort((x, y) => x.dataOrder - y.dataOrder);
    alts.forEach((s, i) => {
      add({ code: s.code, kind: altKind(a.family), name: s.name, displayOrder: s.displayOrder }, altKind(a.family), typeDef.alt, a.alts[i]);
    });
  }
  const rules = rulesFor(a);
  const has = (k: SubScoreKind) => rows.some((r) => r.kind === k);
  const defaults = (list: readonly SubScoreDef[], ranges: readonly (Scoring | null)[] = []) =>
    list.forEach((d, i) => {
      if (!rows.some((r) => r.code === d.code)) add(d, d.kind, null, ranges[i]);
    });
  if (rules.hasClaims && !has('claim') && a.family === 'SBAC') defaults(SB_CLAIMS[a.subject as 'ELA' | 'Math'] ?? []);
  if (rules.hasComposites && !has('composite')) {
    if (a.family === 'SBAC') defaults(SB_COMPOSITES[a.subject as 'ELA' | 'Math'] ?? [], a.alts);
    if (a.family === 'ELPAC') defaults(ELPAC_COMPOSITES, a.alts);
    if (a.family === 'CSA') defaults(CSA_COMPOSITES, a.alts);
  }
  if (rules.hasDomains && !has('domain')) {
    if (a.family === 'ELPAC') defaults(ELPAC_DOMAINS);
    if (a.family === 'CAST') defaults(CAST_DOMAINS);
    if (a.family === 'CSA') defaults(csaDomains(gradeNumber(a.grade) >= 9));
  }
  return rows;
}

export function overallLevelDefs(a: PackageAssessment, def: SubjectDefinition | null): LevelDef[] {
  const typeDef = def?.assessmentTypes.find((t) => t.code === a.type);
  return levelsFrom(typeDef?.overall.levels, overallLevels(a.family, a.type));
}
