/**
 * Writing Trait Scores for a group (domain.md §Writing Trait Scores; cers-features.md §3.3, §5.5):
 * per trait the distribution of points 0..max and the mean against the maximum, plus Transformed
 * Points (Conventions + mean of Organization/Purpose and Evidence/Elaboration, 0–6).
 */
import { roundedPercentages } from './statistics.js';
import { TRAIT_CATEGORIES, type TraitCategory, transformedPoints } from './writing.js';

export type TraitScoreRow = { org: number | null; evi: number | null; con: number | null };

export type TraitSummary = {
  category: TraitCategory | 'TRANSFORMED';
  name: string;
  max: number;
  n: number;
  mean: number | null;
  /** One entry per point value (Transformed Points: 0, 0.5, … 6). */
  values: { points: number; count: number; percent: number }[];
};

function summarize(category: TraitSummary['category'], name: string, max: number, step: number, scores: readonly number[]): TraitSummary {
  const points: number[] = [];
  for (let p = 0; p <= max + 1e-9; p += step) points.push(Math.round(p * 10) / 10);
  const counts = points.map((p) => scores.filter((s) => Math.abs(s - p) < 1e-9).length);
  const percents = roundedPercentages(counts);
  const n = scores.length;
  const mean = n === 0 ? null : scores.reduce((a, b) => a + b, 0) / n;
  return { category, name, max, n, mean, values: points.map((p, i) => ({ points: p, count: counts[i] ?? 0, percent: percents[i] ?? 0 })) };
}

/** Group summary of trait scores; students without a score on a trait are left out of that trait. */
export function traitSummaries(rows: readonly TraitScoreRow[]): TraitSummary[] {
  const pick = (k: keyof TraitScoreRow) => rows.map((r) => r[k]).filter((v): v is number => v !== null);
  const transformed = rows
    .filter((r) => r.org !== null && r.evi !== null && r.con !== null)
    .map((r) => transformedPoints(r.org as number, r.evi as number, r.con as number));
  return [
    summarize('ORG', TRAIT_CATEGORIES.ORG.name, TRAIT_CATEGORIES.ORG.max, 1, pick('org')),
    summarize('EVI', TRAIT_CATEGORIES.EVI.name, TRAIT_CATEGORIES.EVI.max, 1, pick('evi')),
    summarize('CON', TRAIT_CATEGORIES.CON.name, TRAIT_CATEGORIES.CON.max, 1, pick('con')),
    summarize('TRANSFORMED', 'Transformed Points', 6, 0.5, transformed),
  ];
}
