import { LEVEL_SCHEMES, type LevelDef } from './levels.js';

/**
 * The assessment registry: families, subjects, types, default cut scores and sub-score
 * definitions. The database copy on each assessment row is authoritative; these defaults are
 * what the sandbox generator and the package importer write when a file carries no names.
 */
export const FAMILIES = ['SBAC', 'CAST', 'CAA', 'CSA', 'ELPAC', 'AELPAC', 'OTHER'] as const;
export type Family = (typeof FAMILIES)[number];
export const ASSESSMENT_TYPES = ['sum', 'ica', 'iab', 'fiab', 'ia'] as const;
export type AssessmentType = (typeof ASSESSMENT_TYPES)[number];
export const SUBJECTS = ['ELA', 'Math', 'Science', 'Spanish', 'ELPAC'] as const;
export type Subject = (typeof SUBJECTS)[number];

export const FAMILY_LABELS: Record<Family, string> = {
  SBAC: 'Smarter Balanced',
  CAST: 'California Science Test',
  CAA: 'California Alternate Assessments',
  CSA: 'California Spanish Assessment',
  ELPAC: 'ELPAC',
  AELPAC: 'Alternate ELPAC',
  OTHER: 'Other',
};
export const TYPE_LABELS: Record<AssessmentType, string> = {
  sum: 'Summative',
  ica: 'Interim Comprehensive Assessment',
  iab: 'Interim Assessment Block',
  fiab: 'Focused Interim Assessment Block',
  ia: 'Interim Assessment',
};
export const TYPE_SHORT_LABELS: Record<AssessmentType, string> = { sum: 'Summative', ica: 'ICA', iab: 'IAB', fiab: 'FIAB', ia: 'IA' };
export const SUBJECT_LABELS: Record<Subject, string> = {
  ELA: 'English Language Arts/Literacy',
  Math: 'Mathematics',
  Science: 'Science',
  Spanish: 'Spanish',
  ELPAC: 'English Language Proficiency',
};
export const SUBJECT_SHORT_LABELS: Record<Subject, string> = {
  ELA: 'ELA',
  Math: 'Math',
  Science: 'Science',
  Spanish: 'Spanish',
  ELPAC: 'ELPAC',
};

export function isInterim(type: string): boolean {
  return type === 'ica' || type === 'iab' || type === 'fiab' || type === 'ia';
}

/** Scale and cuts: cuts are the lower bounds of levels 2..n. */
export type ScaleDef = { min: number; max: number; cuts: readonly number[] };

/** Smarter Balanced overall cut scores (domain.md; formats.md §6.1). Keyed by grade number. */
export const SB_SCALES: Record<'ELA' | 'Math', Record<number, ScaleDef>> = {
  ELA: {
    3: { min: 2114, cuts: [2367, 2432, 2490], max: 2623 },
    4: { min: 2131, cuts: [2416, 2473, 2533], max: 2663 },
    5: { min: 2201, cuts: [2442, 2502, 2582], max: 2701 },
    6: { min: 2210, cuts: [2457, 2531, 2618], max: 2724 },
    7: { min: 2258, cuts: [2479, 2552, 2649], max: 2745 },
    8: { min: 2288, cuts: [2487, 2567, 2668], max: 2769 },
    11: { min: 2299, cuts: [2493, 2583, 2682], max: 2795 },
  },
  Math: {
    3: { min: 2189, cuts: [2381, 2436, 2501], max: 2621 },
    4: { min: 2204, cuts: [2411, 2485, 2549], max: 2659 },
    5: { min: 2219, cuts: [2455, 2528, 2579], max: 2700 },
    6: { min: 2235, cuts: [2473, 2552, 2610], max: 2748 },
    7: { min: 2250, cuts: [2484, 2567, 2635], max: 2778 },
    8: { min: 2265, cuts: [2504, 2586, 2653], max: 2802 },
    11: { min: 2280, cuts: [2543, 2628, 2718], max: 2862 },
  },
};

/** Grades 9, 10 and 12 take no SB summative; interims off-grade use the nearest grade's scale. */
export function sbScale(subject: 'ELA' | 'Math', grade: number): ScaleDef {
  const table = SB_SCALES[subject];
  const exact = table[grade];
  if (exact) return exact;
  const nearest = grade <= 3 ? 3 : grade >= 9 ? 11 : 8;
  return table[nearest] as ScaleDef;
}

/** Summative ELPAC overall, oral and written scales (formats.md §6.2, DataGen 2018 file). Grade 0 = KG. */
type ElpacRow = { overall: ScaleDef; oral: ScaleDef; written: ScaleDef };
const E = (max: number, o: number[], r: number[], w: number[]): ElpacRow => ({
  overall: { min: 1150, max, cuts: o },
  oral: { min: 1150, max, cuts: r },
  written: { min: 1150, max, cuts: w },
});
export const ELPAC_SCALES: Record<number, ElpacRow> = {
  0: E(1700, [1374, 1422, 1474], [1386, 1427, 1478], [1346, 1410, 1463]),
  1: E(1700, [1411, 1455, 1507], [1408, 1451, 1493], [1414, 1459, 1520]),
  2: E(1700, [1424, 1471, 1532], [1414, 1460, 1510], [1433, 1481, 1554]),
  3: E(1800, [1448, 1488, 1535], [1435, 1466, 1512], [1461, 1509, 1557]),
  4: E(1800, [1459, 1499, 1549], [1439, 1472, 1522], [1478, 1535, 1575]),
  5: E(1800, [1467, 1514, 1560], [1447, 1477, 1533], [1487, 1550, 1587]),
  6: E(1900, [1475, 1517, 1567], [1450, 1484, 1542], [1499, 1550, 1592]),
  7: E(1900, [1481, 1527, 1576], [1456, 1498, 1554], [1505, 1556, 1598]),
  8: E(1900, [1486, 1534, 1590], [1461, 1505, 1569], [1510, 1562, 1610]),
  9: E(1950, [1493, 1545, 1606], [1465, 1512, 1579], [1520, 1578, 1632]),
  10: E(1950, [1493, 1545, 1606], [1465, 1512, 1579], [1520, 1578, 1632]),
  11: E(1950, [1500, 1555, 1615], [1470, 1514, 1583], [1529, 1595, 1646]),
  12: E(1950, [1500, 1555, 1615], [1470, 1514, 1583], [1529, 1595, 1646]),
};

/*
 * CAST, CAA, CSA and Alternate ELPAC cut scores are not in any public RDW file (formats.md §5.4).
 * These are sample scales for the sandbox only, recorded as data on each assessment; a real
 * deployment loads CDE's packages through the importer.
 */
export function castScale(grade: number): ScaleDef {
  if (grade <= 5) return { min: 115, cuts: [176, 200, 225], max: 285 };
  if (grade <= 8) return { min: 110, cuts: [177, 200, 226], max: 290 };
  return { min: 105, cuts: [178, 200, 228], max: 295 };
}
export function caaScale(grade: number): ScaleDef {
  const base = grade * 100;
  return { min: base, cuts: [base + 36, base + 54], max: base + 99 };
}
/** CSA: a new blueprint and new thresholds from 2024–25; scores are not comparable across the break. */
export function csaScale(schoolYear: number): ScaleDef {
  return schoolYear >= 2025 ? { min: 300, cuts: [400, 460], max: 600 } : { min: 200, cuts: [300, 350], max: 450 };
}
export function aelpacScale(): ScaleDef {
  return { min: 150, cuts: [161, 172], max: 190 };
}

export const STANDARD_CUT_LEVEL: Record<Family, number> = { SBAC: 3, CAST: 3, CAA: 3, CSA: 3, ELPAC: 4, AELPAC: 3, OTHER: 3 };

/** Level names for the overall score of a family and type. */
export function overallLevels(family: Family, type: AssessmentType): readonly LevelDef[] {
  if (type === 'iab' || type === 'fiab' || (type === 'ia' && family !== 'ELPAC')) return LEVEL_SCHEMES.THREE;
  if (type === 'ia' && family === 'ELPAC') return LEVEL_SCHEMES.ELPAC_DOMAIN3;
  switch (family) {
    case 'SBAC':
    case 'CAST':
    case 'OTHER':
      return LEVEL_SCHEMES.SB4;
    case 'CAA':
      return LEVEL_SCHEMES.CAA3;
    case 'CSA':
      return LEVEL_SCHEMES.CSA3;
    case 'ELPAC':
      return LEVEL_SCHEMES.ELPAC4;
    case 'AELPAC':
      return LEVEL_SCHEMES.AELPAC3;
    default: {
      const never: never = family;
      return never;
    }
  }
}

export type SubScoreKind = 'claim' | 'composite' | 'domain' | 'alt';
export type SubScoreDef = { code: string; kind: SubScoreKind; name: string; displayOrder: number };

export const SB_CLAIMS: Record<'ELA' | 'Math', readonly SubScoreDef[]> = {
  ELA: [
    { code: 'SOCK_R', kind: 'claim', name: 'Reading', displayOrder: 1 },
    { code: '2-W', kind: 'claim', name: 'Writing', displayOrder: 2 },
    { code: 'SOCK_LS', kind: 'claim', name: 'Listening', displayOrder: 3 },
    { code: '4-CR', kind: 'claim', name: 'Research/Inquiry', displayOrder: 4 },
  ],
  Math: [
    { code: '1', kind: 'claim', name: 'Concepts and Procedures', displayOrder: 1 },
    { code: 'SOCK_2', kind: 'claim', name: 'Problem Solving and Modeling & Data Analysis', displayOrder: 2 },
    { code: '3', kind: 'claim', name: 'Communicating Reasoning', displayOrder: 3 },
  ],
};

/** California composite claims (summative, 2023–24 results on; cers-features.md §5.2). */
export const SB_COMPOSITES: Record<'ELA' | 'Math', readonly SubScoreDef[]> = {
  ELA: [
    { code: 'READ_LISTEN', kind: 'composite', name: 'Reading and Listening', displayOrder: 1 },
    { code: 'WRITE_RESEARCH', kind: 'composite', name: 'Writing and Research', displayOrder: 2 },
  ],
  Math: [
    { code: 'CONCEPTS_PROC', kind: 'composite', name: 'Concepts and Procedures', displayOrder: 1 },
    {
      code: 'PROBLEM_COMM_MODEL',
      kind: 'composite',
      name: 'Problem Solving, Communicating Reasoning, and Modeling and Data Analysis',
      displayOrder: 2,
    },
  ],
};

export const ELPAC_COMPOSITES: readonly SubScoreDef[] = [
  { code: '1', kind: 'composite', name: 'Oral Language', displayOrder: 1 },
  { code: '2', kind: 'composite', name: 'Written Language', displayOrder: 2 },
];
export const ELPAC_DOMAINS: readonly SubScoreDef[] = [
  { code: '1-L', kind: 'domain', name: 'Listening', displayOrder: 1 },
  { code: '1-S', kind: 'domain', name: 'Speaking', displayOrder: 2 },
  { code: '2-R', kind: 'domain', name: 'Reading', displayOrder: 3 },
  { code: '2-W', kind: 'domain', name: 'Writing', displayOrder: 4 },
];
export const CAST_DOMAINS: readonly SubScoreDef[] = [
  { code: 'LS', kind: 'domain', name: 'Life Sciences', displayOrder: 1 },
  { code: 'PS', kind: 'domain', name: 'Physical Sciences', displayOrder: 2 },
  { code: 'ESS', kind: 'domain', name: 'Earth and Space Sciences', displayOrder: 3 },
];
export function csaDomains(highSchool: boolean): readonly SubScoreDef[] {
  const base: SubScoreDef[] = [
    { code: 'R', kind: 'domain', name: 'Reading', displayOrder: 1 },
    { code: 'W', kind: 'domain', name: 'Writing', displayOrder: 2 },
    { code: 'L', kind: 'domain', name: 'Listening', displayOrder: 3 },
  ];
  return highSchool ? [...base, { code: 'S', kind: 'domain', name: 'Speaking', displayOrder: 4 }] : base;
}
export const CSA_COMPOSITES: readonly SubScoreDef[] = [
  { code: 'OL', kind: 'composite', name: 'Oral Literacy', displayOrder: 1 },
  { code: 'WL', kind: 'composite', name: 'Written Literacy', displayOrder: 2 },
];

export type ReportingRules = {
  hasClaims: boolean;
  hasComposites: boolean;
  hasDomains: boolean;
  hasTargets: boolean;
  hasTraits: boolean;
  hasItems: boolean;
  measureKind: 'lexile' | 'quantile' | null;
};

/**
 * What an exam of this assessment carries, by year (domain.md §Claims; cers-features.md §0, §5.12):
 * SB summative claims only before 2020–21, nothing 2020–21 to 2022–23, composites from 2023–24;
 * writing traits from 2020–21; Lexile/Quantile from 2021–22; items on interims only.
 */
export function reportingRules(a: {
  family: Family;
  type: AssessmentType;
  subject: string;
  grade: number;
  schoolYear: number;
}): ReportingRules {
  const none: ReportingRules = {
    hasClaims: false,
    hasComposites: false,
    hasDomains: false,
    hasTargets: false,
    hasTraits: false,
    hasItems: false,
    measureKind: null,
  };
  const measure = a.subject === 'ELA' ? 'lexile' : a.subject === 'Math' ? 'quantile' : null;
  switch (a.family) {
    case 'SBAC':
      if (a.type === 'sum') {
        return {
          ...none,
          hasClaims: a.schoolYear <= 2020,
          hasComposites: a.schoolYear >= 2024,
          hasTargets: true,
          hasTraits: a.subject === 'ELA' && a.schoolYear >= 2021,
          measureKind: a.schoolYear >= 2022 ? measure : null,
        };
      }
      if (a.type === 'ica') {
        return {
          ...none,
          hasClaims: true,
          hasTraits: a.subject === 'ELA',
          hasItems: true,
          measureKind: a.schoolYear >= 2022 ? measure : null,
        };
      }
      return { ...none, hasItems: true };
    case 'CAST':
      return a.type === 'sum' ? { ...none, hasDomains: true } : { ...none, hasItems: true };
    case 'ELPAC':
      return a.type === 'sum' ? { ...none, hasComposites: true, hasDomains: true } : { ...none, hasItems: true };
    case 'CSA':
      return { ...none, hasDomains: a.schoolYear >= 2025, hasComposites: a.schoolYear >= 2025 && a.grade >= 9 };
    case 'CAA':
    case 'AELPAC':
    case 'OTHER':
      return none;
    default: {
      const never: never = a.family;
      return never;
    }
  }
}
