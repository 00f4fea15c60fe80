import {
  type AssessmentType,
  aelpacScale,
  CAST_DOMAINS,
  CSA_COMPOSITES,
  caaScale,
  castScale,
  csaDomains,
  csaScale,
  ELPAC_COMPOSITES,
  ELPAC_DOMAINS,
  ELPAC_SCALES,
  type Family,
  gradeCode,
  LEVEL_SCHEMES,
  type LevelDef,
  overallLevels,
  type ReportingRules,
  reportingRules,
  SB_CLAIMS,
  SB_COMPOSITES,
  type ScaleDef,
  STANDARD_CUT_LEVEL,
  type Subject,
  type SubScoreDef,
  sbScale,
  schoolYearLabel,
} from '@cers/domain';
import { type BlockDef, fiabBlocks, iabBlocks, SB_GRADES } from './blocks.js';
import { blockItems, type ItemSpec, icaItems } from './items.js';
import { ELA_TARGETS, MATH_TARGETS } from './targets-data.js';

/** A sub-score an assessment reports. Empty cutScores: the level is the three-level indicator. */
export type ScoreDefSpec = SubScoreDef & { minScore: number; maxScore: number; cutScores: readonly number[]; levels: readonly LevelDef[] };

export type AssessmentSpec = {
  naturalId: string;
  /** Year-independent name (instructional resources attach to it). */
  name: string;
  label: string;
  family: Family;
  subject: Subject;
  type: AssessmentType;
  grade: number;
  gradeCode: string;
  schoolYear: number;
  scale: ScaleDef;
  standardCutLevel: number;
  levels: readonly LevelDef[];
  rules: ReportingRules;
  scores: readonly ScoreDefSpec[];
  /** Targets reported on (summative target report), as `<subject>|<claim>|<id>`. */
  targetKeys: readonly string[];
  items: readonly ItemSpec[];
  block: BlockDef | null;
};

/** The Standard Met cut of an assessment (the lower bound of its standard level). */
export function standardCut(a: { scale: ScaleDef; standardCutLevel: number }): number {
  return a.scale.cuts[a.standardCutLevel - 2] as number;
}

const SUBJECT_CODE: Record<'ELA' | 'Math', string> = { ELA: 'ELA', Math: 'MATH' };
const LETTER: Record<'ELA' | 'Math', string> = { ELA: 'E', Math: 'M' };

function gradeText(grade: number): string {
  return grade === 0 ? 'Kindergarten' : `Grade ${grade}`;
}

function years(y: number): string {
  return `${y - 1}-${y}`;
}

function subScores(
  defs: readonly SubScoreDef[],
  scale: ScaleDef,
  levels: readonly LevelDef[],
  cutsOf?: (d: SubScoreDef) => readonly number[],
) {
  return defs.map((d) => ({ ...d, minScore: scale.min, maxScore: scale.max, cutScores: cutsOf ? cutsOf(d) : [], levels }));
}

type Base = Omit<AssessmentSpec, 'rules' | 'scores' | 'targetKeys' | 'items' | 'block' | 'levels' | 'standardCutLevel' | 'gradeCode'>;

function finish(base: Base, extra: Partial<Pick<AssessmentSpec, 'scores' | 'targetKeys' | 'items' | 'block'>> = {}): AssessmentSpec {
  const rules = reportingRules({
    family: base.family,
    type: base.type,
    subject: base.subject,
    grade: base.grade,
    schoolYear: base.schoolYear,
  });
  return {
    ...base,
    gradeCode: gradeCode(base.grade),
    standardCutLevel: STANDARD_CUT_LEVEL[base.family],
    levels: overallLevels(base.family, base.type),
    rules,
    scores: extra.scores ?? [],
    targetKeys: extra.targetKeys ?? [],
    items: extra.items ?? [],
    block: extra.block ?? null,
  };
}

/** Targets of a summative target report: a spread over ELA claims; Math Concepts and Procedures only. */
export function summativeTargetKeys(subject: 'ELA' | 'Math', grade: number): string[] {
  if (subject === 'Math') return (MATH_TARGETS[grade] ?? []).slice(0, 9).map((t) => `Math|1|${t.id}`);
  const wanted: Record<string, readonly string[]> = {
    '1-LT': ['1', '2', '4', '5'],
    '1-IT': ['8', '9', '11', '12'],
    '2-W': ['1', '3', '6', '8', '9'],
    '3-L': ['4'],
    '4-CR': ['2', '3', '4'],
  };
  return (ELA_TARGETS[grade] ?? [])
    .filter((t) => wanted[t.claim]?.includes(t.id.split('-')[0] as string))
    .map((t) => `ELA|${t.claim}|${t.id}`);
}

export function sbSummative(subject: 'ELA' | 'Math', grade: number, year: number): AssessmentSpec {
  const scale = sbScale(subject, grade);
  const base: Base = {
    naturalId: `(SBAC)SBAC-SUM-${SUBJECT_CODE[subject]}-${grade}-${years(year)}`,
    name: `SBAC-SUM-${SUBJECT_CODE[subject]}-${grade}`,
    label: `${gradeText(grade)} ${subject} Summative`,
    family: 'SBAC',
    subject,
    type: 'sum',
    grade,
    schoolYear: year,
    scale,
  };
  const rules = reportingRules({ family: 'SBAC', type: 'sum', subject, grade, schoolYear: year });
  const three = LEVEL_SCHEMES.THREE;
  const scores = [
    ...(rules.hasClaims ? subScores(SB_CLAIMS[subject], scale, three) : []),
    ...(rules.hasComposites ? subScores(SB_COMPOSITES[subject], scale, three) : []),
  ];
  return finish(base, { scores, targetKeys: rules.hasTargets ? summativeTargetKeys(subject, grade) : [] });
}

export function sbIca(subject: 'ELA' | 'Math', grade: number, year: number, firstItemKey: number, seed: number): AssessmentSpec {
  const scale = sbScale(subject, grade);
  const code = `SBAC-ICA-FIXED-G${grade}${LETTER[subject]}-COMBINED`;
  return finish(
    {
      naturalId: `(SBAC)${code}-${years(year)}`,
      name: code,
      label: `${gradeText(grade)} ${subject} ICA`,
      family: 'SBAC',
      subject,
      type: 'ica',
      grade,
      schoolYear: year,
      scale,
    },
    { scores: subScores(SB_CLAIMS[subject], scale, LEVEL_SCHEMES.THREE), items: icaItems(subject, grade, firstItemKey, seed) },
  );
}

export function sbBlock(
  subject: 'ELA' | 'Math',
  grade: number,
  year: number,
  type: 'iab' | 'fiab',
  block: BlockDef,
  firstItemKey: number,
  seed: number,
): AssessmentSpec {
  const code = `SBAC-${type.toUpperCase()}-FIXED-G${grade}${LETTER[subject]}-${block.code}-${SUBJECT_CODE[subject]}-${grade}`;
  return finish(
    {
      naturalId: `(SBAC)${code}-${years(year)}`,
      name: code,
      label: `${gradeText(grade)} ${subject} ${type.toUpperCase()}: ${block.name}`,
      family: 'SBAC',
      subject,
      type,
      grade,
      schoolYear: year,
      scale: sbScale(subject, grade),
    },
    { items: blockItems(subject, grade, block, firstItemKey, seed), block },
  );
}

export function castSummative(grade: number, year: number): AssessmentSpec {
  const scale = castScale(grade);
  return finish(
    {
      naturalId: `(CA)CAST-SUM-SCI-${grade}-${years(year)}`,
      name: `CAST-SUM-SCI-${grade}`,
      label: `${gradeText(grade)} CAST`,
      family: 'CAST',
      subject: 'Science',
      type: 'sum',
      grade,
      schoolYear: year,
      scale,
    },
    { scores: subScores(CAST_DOMAINS, scale, LEVEL_SCHEMES.THREE) },
  );
}

export function caaSummative(subject: 'ELA' | 'Math' | 'Science', grade: number, year: number): AssessmentSpec {
  const code = subject === 'Science' ? 'SCI' : SUBJECT_CODE[subject];
  return finish({
    naturalId: `(CA)CAA-SUM-${code}-${grade}-${years(year)}`,
    name: `CAA-SUM-${code}-${grade}`,
    label: `${gradeText(grade)} CAA ${subject}`,
    family: 'CAA',
    subject,
    type: 'sum',
    grade,
    schoolYear: year,
    scale: caaScale(grade),
  });
}

export function csaSummative(grade: number, year: number): AssessmentSpec {
  const scale = csaScale(year);
  const rules = reportingRules({ family: 'CSA', type: 'sum', subject: 'Spanish', grade, schoolYear: year });
  const scores = [
    ...(rules.hasComposites ? subScores(CSA_COMPOSITES, scale, LEVEL_SCHEMES.CSA3, () => scale.cuts) : []),
    ...(rules.hasDomains ? subScores(csaDomains(grade >= 9), scale, LEVEL_SCHEMES.CSA_DOMAIN3) : []),
  ];
  return finish(
    {
      naturalId: `(CA)CSA-SUM-SPA-${grade}-${years(year)}`,
      name: `CSA-SUM-SPA-${grade}`,
      label: `${gradeText(grade)} CSA`,
      family: 'CSA',
      subject: 'Spanish',
      type: 'sum',
      grade,
      schoolYear: year,
      scale,
    },
    { scores },
  );
}

export function elpacSummative(grade: number, year: number): AssessmentSpec {
  const row = ELPAC_SCALES[grade];
  if (!row) throw new Error(`no ELPAC scale for grade ${grade}`);
  const composites = ELPAC_COMPOSITES.map((d) => {
    const s = d.code === '1' ? row.oral : row.written;
    return { ...d, minScore: s.min, maxScore: s.max, cutScores: s.cuts, levels: LEVEL_SCHEMES.ELPAC4 };
  });
  // Domains: Beginning below the composite's Level 2 cut, Well Developed from its Level 4 cut.
  const domains = ELPAC_DOMAINS.map((d) => {
    const s = d.code.startsWith('1') ? row.oral : row.written;
    return {
      ...d,
      minScore: s.min,
      maxScore: s.max,
      cutScores: [s.cuts[0] as number, s.cuts[2] as number],
      levels: LEVEL_SCHEMES.ELPAC_DOMAIN3,
    };
  });
  return finish(
    {
      naturalId: `(CA)ELPAC-SUM-${gradeCode(grade)}-${years(year)}`,
      name: `ELPAC-SUM-${gradeCode(grade)}`,
      label: `${gradeText(grade)} Summative ELPAC`,
      family: 'ELPAC',
      subject: 'ELPAC',
      type: 'sum',
      grade,
      schoolYear: year,
      scale: row.overall,
    },
    { scores: [...composites, ...domains] },
  );
}

export function aelpacSummative(grade: number, year: number): AssessmentSpec {
  return finish({
    naturalId: `(CA)AELPAC-SUM-${gradeCode(grade)}-${years(year)}`,
    name: `AELPAC-SUM-${gradeCode(grade)}`,
    label: `${gradeText(grade)} Summative Alternate ELPAC`,
    family: 'AELPAC',
    subject: 'ELPAC',
    type: 'sum',
    grade,
    schoolYear: year,
    scale: aelpacScale(),
  });
}

export const CAST_GRADES: readonly number[] = [5, 8, 12];
export { SB_GRADES };
export { schoolYearLabel };

/** Which catalogs a profile needs. */
export type CatalogOptions = { years: readonly number[]; seed: number; summativeOnly?: boolean };

/** Every assessment of the given years, in a stable order (the order fixes item keys). */
export function buildAssessments(options: CatalogOptions): AssessmentSpec[] {
  const out: AssessmentSpec[] = [];
  let nextItemKey = 30000;
  const itemKeys = new Map<string, number>(); // one item bank per form name: the same items every year
  const keyFor = (name: string, count: number): number => {
    const existing = itemKeys.get(name);
    if (existing !== undefined) return existing;
    const key = nextItemKey;
    itemKeys.set(name, key);
    nextItemKey += Math.max(count, 1) + 10;
    return key;
  };
  for (const year of options.years) {
    for (const subject of ['ELA', 'Math'] as const) {
      for (const grade of SB_GRADES) {
        if (year !== 2020) out.push(sbSummative(subject, grade, year));
        if (options.summativeOnly) continue;
        out.push(sbIca(subject, grade, year, keyFor(`ica-${subject}-${grade}`, 30), options.seed));
        for (const block of iabBlocks(subject, grade)) {
          out.push(sbBlock(subject, grade, year, 'iab', block, keyFor(`iab-${subject}-${grade}-${block.code}`, block.items), options.seed));
        }
        if (year >= 2020) {
          for (const block of fiabBlocks(subject, grade)) {
            out.push(
              sbBlock(subject, grade, year, 'fiab', block, keyFor(`fiab-${subject}-${grade}-${block.code}`, block.items), options.seed),
            );
          }
        }
      }
    }
    if (options.summativeOnly) continue;
    const summativeYear = year !== 2020;
    if (summativeYear) {
      for (const grade of CAST_GRADES) out.push(castSummative(grade, year));
      for (const grade of SB_GRADES) {
        out.push(caaSummative('ELA', grade, year), caaSummative('Math', grade, year));
        out.push(csaSummative(grade, year));
      }
      if (year >= 2022) for (const grade of CAST_GRADES) out.push(caaSummative('Science', grade, year));
    }
    for (let grade = 0; grade <= 12; grade++) {
      out.push(elpacSummative(grade, year));
      if (year >= 2022) out.push(aelpacSummative(grade, year));
    }
  }
  return out;
}
