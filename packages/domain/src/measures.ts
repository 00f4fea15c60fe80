/** Lexile (ELA) and Quantile (Math) display rules (domain.md §Lexile and Quantile). */
export function formatLexile(measure: number): string {
  const m = Math.round(measure);
  return m <= 0 ? `BR${Math.abs(m)}L` : `${m}L`;
}

export function roundQuantile(measure: number): number {
  return Math.round(measure / 5) * 5;
}

export function formatQuantile(measure: number): string {
  const m = roundQuantile(measure);
  return m <= 0 ? `EM${Math.abs(m)}Q` : `${m}Q`;
}

export type MeasureRange = { low: number; high: number };
export function lexileRange(measure: number): MeasureRange {
  return { low: measure - 100, high: measure + 50 };
}
export function quantileRange(measure: number): MeasureRange {
  const m = roundQuantile(measure);
  return { low: m - 50, high: m + 50 };
}

/**
 * College-and-career-readiness "stretch" Lexile bands, drawn for reference as our addition
 * (unconfirmed for CERS screens, see cers-features.md §5.6).
 */
const LEXILE_BANDS: readonly { grades: readonly number[]; low: number; high: number }[] = [
  { grades: [2, 3], low: 420, high: 820 },
  { grades: [4, 5], low: 740, high: 1010 },
  { grades: [6, 7, 8], low: 925, high: 1185 },
  { grades: [9, 10], low: 1050, high: 1335 },
  { grades: [11, 12], low: 1185, high: 1385 },
];
export function lexileGradeBand(grade: number): MeasureRange | undefined {
  const band = LEXILE_BANDS.find((b) => b.grades.includes(grade));
  return band ? { low: band.low, high: band.high } : undefined;
}
