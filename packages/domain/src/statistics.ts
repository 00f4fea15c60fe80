export type MeanWithError = { n: number; mean: number; standardError: number | null; standardDeviation: number | null };

/** Mean, sample standard deviation and standard error of the mean (sd / √n). */
export function meanWithError(values: readonly number[]): MeanWithError | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n < 2) return { n, mean, standardError: null, standardDeviation: null };
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  return { n, mean, standardDeviation: sd, standardError: sd / Math.sqrt(n) };
}

/**
 * Whole-number percentages that sum to exactly 100 (largest remainder; ties go to the earlier
 * category). All zero counts give all zeros.
 */
export function roundedPercentages(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const floors = exact.map(Math.floor);
  let remaining = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((v, i) => ({ i, rest: v - Math.floor(v) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (remaining <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    remaining--;
  }
  return floors;
}

/** Public / aggregate-only suppression: a row of 10 students or fewer shows "*" (domain.md §Aggregates). */
export const SUPPRESSION_MAX_N = 10;
export function isSuppressed(n: number): boolean {
  return n <= SUPPRESSION_MAX_N;
}
