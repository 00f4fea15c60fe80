/**
 * Pure score rules of the generator: a student's ability (a z-score) becomes a scale score near the
 * grade's Standard Met cut, with an SEM that widens towards the ends of the scale, and levels that
 * follow domain.md exactly (achievementLevel on the cuts; three-level indicators from score ± 1.5·SEM).
 */
import { achievementLevel, roundQuantile, type ScaleDef, threeLevelIndicator, threeLevelNumber, type WritingPurpose } from '@cers/domain';
import { type AssessmentSpec, type ScoreDefSpec, standardCut } from './catalog/assessments.js';
import { clamp, type Rng } from './random.js';

export type Scored = { scaleScore: number; sem: number; level: number };
export type SubScore = Scored & { code: string; kind: ScoreDefSpec['kind'] };

type LevelRule = { scale: ScaleDef; standardCutLevel: number; levels: readonly unknown[] };

/** The overall level: on the cuts when the scheme has a level per cut band, else the three-level indicator. */
export function overallLevel(a: LevelRule, scaleScore: number, sem: number): number {
  if (a.levels.length === a.scale.cuts.length + 1) return achievementLevel(scaleScore, a.scale.cuts);
  return threeLevelNumber(threeLevelIndicator(scaleScore, sem, standardCut(a)));
}

/** A sub-score's level: on its own cuts when it has them, else the indicator against the Standard Met cut. */
export function subScoreLevel(def: Pick<ScoreDefSpec, 'cutScores'>, scaleScore: number, sem: number, standardMetCut: number): number {
  if (def.cutScores.length > 0) return achievementLevel(scaleScore, def.cutScores);
  return threeLevelNumber(threeLevelIndicator(scaleScore, sem, standardMetCut));
}

/** SEM grows with the squared distance from the scale's centre (fewer items measure the extremes well). */
export function semFor(scaleScore: number, scale: ScaleDef, center: number, base: number, spread: number): number {
  const d = (scaleScore - center) / (scale.max - scale.min);
  return Math.round(base + spread * d * d * 4);
}

type Shape = { center: number; sd: number; offset: number; semBase: number; semSpread: number };

function sbShape(a: AssessmentSpec): Shape {
  const center = standardCut(a);
  const sd = (a.scale.max - a.scale.min) / 5.2;
  const offset = (a.subject === 'Math' ? -0.25 : 0.12) + (a.type === 'sum' ? 0 : -0.1);
  const semBase = a.type === 'sum' ? 19 : a.type === 'ica' ? 23 : a.type === 'iab' ? 40 : 46;
  return { center, sd, offset, semBase, semSpread: a.type === 'sum' ? 80 : 110 };
}

/** How a family spreads its students over the scale (illustrative for CAST, CAA, CSA and Alternate ELPAC). */
export function shapeOf(a: AssessmentSpec): Shape {
  const cuts = a.scale.cuts;
  switch (a.family) {
    case 'SBAC':
      return sbShape(a);
    case 'CAST':
      return { center: standardCut(a), sd: 24, offset: -0.35, semBase: 8, semSpread: 40 };
    case 'CAA':
      return { center: (cuts[0] as number) + 9, sd: 14, offset: 0, semBase: 4, semSpread: 10 };
    case 'CSA':
      return {
        center: (cuts[0] as number) + ((cuts[1] as number) - (cuts[0] as number)) * 0.55,
        sd: ((cuts[1] as number) - (cuts[0] as number)) * 0.9,
        offset: 0,
        semBase: 12,
        semSpread: 40,
      };
    case 'ELPAC':
      return { center: cuts[1] as number, sd: (cuts[2] as number) - (cuts[1] as number), offset: 0, semBase: 17, semSpread: 60 };
    case 'AELPAC':
      return { center: 166, sd: 7, offset: 0, semBase: 3, semSpread: 6 };
    case 'OTHER':
      return { center: standardCut(a), sd: (a.scale.max - a.scale.min) / 5, offset: 0, semBase: 20, semSpread: 100 };
    default: {
      const never: never = a.family;
      return never;
    }
  }
}

/** The overall result of one exam for a student of ability z (in the family's units). */
export function overallScore(a: AssessmentSpec, z: number, rng: Rng): Scored {
  const s = shapeOf(a);
  const raw = s.center + s.sd * (z + s.offset) + rng.normal(0, s.semBase * 0.4);
  const scaleScore = Math.round(clamp(raw, a.scale.min, a.scale.max));
  const sem = semFor(scaleScore, a.scale, s.center, s.semBase, s.semSpread);
  return { scaleScore, sem, level: overallLevel(a, scaleScore, sem) };
}

/** Claim, composite and domain scores scattered around the overall score. */
export function subScores(a: AssessmentSpec, overall: Scored, rng: Rng): SubScore[] {
  if (a.scores.length === 0) return [];
  const s = shapeOf(a);
  const cut = standardCut(a);
  const spread = a.family === 'SBAC' ? 42 : a.family === 'CAST' ? 14 : a.family === 'ELPAC' ? 30 : s.sd * 0.45;
  const semBase = a.family === 'SBAC' ? 36 : a.family === 'CAST' ? 14 : a.family === 'ELPAC' ? 26 : s.semBase * 1.6;
  const bias: Record<string, number> = { '1': 12, '2': -12 }; // ELPAC: oral composites run higher than written
  const composite = new Map<string, number>();
  const out: SubScore[] = [];
  for (const def of a.scores) {
    let center = overall.scaleScore;
    if (a.family === 'ELPAC' && def.kind === 'composite') center += bias[def.code] ?? 0;
    if (a.family === 'ELPAC' && def.kind === 'domain') center = composite.get(def.code.startsWith('1') ? '1' : '2') ?? center;
    const scaleScore = Math.round(clamp(center + rng.normal(0, spread), def.minScore, def.maxScore));
    const sem = semFor(scaleScore, { min: def.minScore, max: def.maxScore, cuts: [] }, s.center, semBase, s.semSpread);
    if (def.kind === 'composite') composite.set(def.code, scaleScore);
    out.push({ code: def.code, kind: def.kind, scaleScore, sem, level: subScoreLevel(def, scaleScore, sem, cut) });
  }
  return out;
}

/** Lexile from an ELA scale score (an illustrative linear link: Standard Met in grade 5 ≈ 830L). */
export function lexileFor(scaleScore: number): number {
  return Math.round(4.57 * (scaleScore - 2320));
}

/** Quantile from a Math scale score (illustrative: Standard Met in grade 5 ≈ 830Q), rounded to 5Q. */
export function quantileFor(scaleScore: number): number {
  return roundQuantile(3.7 * (scaleScore - 2304));
}

export type TargetResidual = { targetKey: string; studentRelativeResidual: number; standardMetRelativeResidual: number };

/** Residuals per target: relative to the student's own overall result and to the Standard Met cut. */
export function targetResiduals(a: AssessmentSpec, overall: Scored, rng: Rng): TargetResidual[] {
  const theta = (overall.scaleScore - standardCut(a)) / 85;
  return a.targetKeys.map((targetKey, i) => {
    const own = rng.normal((i % 5) * 0.04 - 0.08, 0.45);
    return {
      targetKey,
      studentRelativeResidual: Math.round(own * 10000) / 10000,
      standardMetRelativeResidual: Math.round((theta + own) * 10000) / 10000,
    };
  });
}

export type Traits = { purpose: WritingPurpose; org: number; evi: number; con: number; conditionCode: string | null };

/**
 * Writing traits of one full write. Blank essays score 0 everywhere; off-purpose essays score 0 on
 * Organization and Evidence and, from 2022–23, are still scored on Conventions (cers-features.md §0).
 */
export function traitScores(purpose: WritingPurpose, z: number, schoolYear: number, rng: Rng): Traits {
  const q = z * 0.85 + rng.normal(0, 0.55);
  const roll = rng.next();
  const con = clamp(Math.round(1.15 + q * 0.55), 0, 2);
  if (roll < 0.015) return { purpose, org: 0, evi: 0, con: 0, conditionCode: 'B' };
  if (roll < 0.03) return { purpose, org: 0, evi: 0, con: schoolYear >= 2023 ? con : 0, conditionCode: 'M' };
  return {
    purpose,
    org: clamp(Math.round(2.1 + q), 0, 4),
    evi: clamp(Math.round(1.9 + q + rng.normal(0, 0.35)), 0, 4),
    con,
    conditionCode: null,
  };
}

/** Points earned on an item (Rasch-like: more likely when the student is above the item's difficulty). */
export function itemPoints(theta: number, difficulty: number, maxPoints: number, rng: Rng): number {
  const p = 1 / (1 + Math.exp(-1.6 * (theta - difficulty)));
  let points = 0;
  for (let i = 0; i < maxPoints; i++) if (rng.next() < p) points++;
  return points;
}
