/**
 * Lexile / Quantile report (domain.md §Lexile and Quantile): each student's measure against the
 * grade's reference band (our addition, labelled as such), and the group's spread.
 */
import { lexileGradeBand, type MeasureRange } from './measures.js';

export type MeasurePosition = 'below' | 'within' | 'above';

/** Where a measure falls relative to a band (inclusive bounds). */
export function measurePosition(measure: number, band: MeasureRange): MeasurePosition {
  if (measure < band.low) return 'below';
  if (measure > band.high) return 'above';
  return 'within';
}

export type MeasureSpread = {
  n: number;
  min: number | null;
  max: number | null;
  median: number | null;
  /** 25th and 75th percentiles (linear interpolation between closest ranks). */
  lowerQuartile: number | null;
  upperQuartile: number | null;
  band: MeasureRange | null;
  below: number;
  within: number;
  above: number;
};

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/** The group's spread of measures, and how many fall below / within / above the band. */
export function measureSpread(values: readonly number[], band: MeasureRange | null | undefined): MeasureSpread {
  const sorted = [...values].sort((a, b) => a - b);
  let below = 0;
  let within = 0;
  let above = 0;
  if (band) {
    for (const v of sorted) {
      const p = measurePosition(v, band);
      if (p === 'below') below++;
      else if (p === 'within') within++;
      else above++;
    }
  }
  return {
    n: sorted.length,
    min: sorted[0] ?? null,
    max: sorted[sorted.length - 1] ?? null,
    median: quantile(sorted, 0.5),
    lowerQuartile: quantile(sorted, 0.25),
    upperQuartile: quantile(sorted, 0.75),
    band: band ?? null,
    below,
    within,
    above,
  };
}

/** The Lexile reference band of an assessment grade code ("05" → grades 4–5 band). */
export function lexileBandForGrade(gradeCode: string): MeasureRange | undefined {
  const n = /^\d{2}$/.test(gradeCode) ? Number(gradeCode) : Number.NaN;
  return Number.isNaN(n) ? undefined : lexileGradeBand(n);
}
