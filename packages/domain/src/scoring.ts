/**
 * Score rules from domain.md. Cuts are the ascending lower bounds of levels 2..n, so a score equal
 * to a cut belongs to the upper level.
 */
export function achievementLevel(score: number, cuts: readonly number[]): number {
  for (let i = 0; i < cuts.length; i++) {
    const cut = cuts[i];
    if (cut !== undefined && score < cut) return i + 1;
  }
  return cuts.length + 1;
}

export type ErrorBand = { low: number; high: number };

/** Scale score ± 1 SEM, clipped to the scale (domain.md §Error band). */
export function errorBand(score: number, sem: number, min?: number | null, max?: number | null): ErrorBand {
  let low = score - sem;
  let high = score + sem;
  if (min !== undefined && min !== null) low = Math.max(min, low);
  if (max !== undefined && max !== null) high = Math.min(max, high);
  return { low, high };
}

export type ThreeLevel = 'below' | 'near' | 'above';

/** Claims, interim blocks and CAST domains against the Standard Met cut (domain.md §Three-level indicators). */
export function threeLevelIndicator(score: number, sem: number, standardMetCut: number): ThreeLevel {
  if (Math.round(score - 1.5 * sem) >= standardMetCut) return 'above';
  if (Math.round(score + 1.5 * sem) < standardMetCut) return 'below';
  return 'near';
}

/** Numeric level (1 below, 2 near, 3 above) as carried in TRT claim/IAB scores. */
export function threeLevelNumber(value: ThreeLevel): 1 | 2 | 3 {
  return value === 'below' ? 1 : value === 'near' ? 2 : 3;
}
export function threeLevelFromNumber(level: number): ThreeLevel | undefined {
  return level === 1 ? 'below' : level === 2 ? 'near' : level === 3 ? 'above' : undefined;
}

/** Signed distance from the Standard Met cut. A Dashboard measure: shown as our addition. */
export function distanceFromStandard(score: number, standardMetCut: number): number {
  return score - standardMetCut;
}
