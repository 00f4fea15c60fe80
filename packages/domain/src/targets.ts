import { meanWithError } from './statistics.js';

export type TargetRelative = 'better' | 'similar' | 'worse';
export type TargetStandard = 'above' | 'near' | 'below';
export type TargetClassification<T extends string> = {
  n: number;
  mean: number | null;
  standardError: number | null;
  result: T | 'insufficient';
};

/** Standard error above this ⇒ Insufficient Data (RDW insufficient-data-cutoff). */
export const TARGET_INSUFFICIENT_CUTOFF = 0.2;
/** CERS shows the target report for groups of 30+ and cautions below 50. */
export const TARGET_MIN_STUDENTS = 30;
export const TARGET_CAUTION_STUDENTS = 50;

function classify<T extends string>(residuals: readonly number[], up: T, mid: T, down: T): TargetClassification<T> {
  const stats = meanWithError(residuals);
  if (!stats || stats.standardError === null) {
    return { n: residuals.length, mean: stats?.mean ?? null, standardError: null, result: 'insufficient' };
  }
  const { mean, standardError: se, n } = stats;
  if (se > TARGET_INSUFFICIENT_CUTOFF) return { n, mean, standardError: se, result: 'insufficient' };
  const result = mean >= se ? up : mean <= -se ? down : mid;
  return { n, mean, standardError: se, result };
}

/** Residuals relative to each student's own overall performance (domain.md §Target report). */
export function targetRelativeToTest(residuals: readonly number[]): TargetClassification<TargetRelative> {
  return classify(residuals, 'better', 'similar', 'worse');
}

/** Residuals relative to the Standard Met cut. */
export function targetRelativeToStandard(residuals: readonly number[]): TargetClassification<TargetStandard> {
  return classify(residuals, 'above', 'near', 'below');
}

export type TargetGroupRule = 'hidden' | 'caution' | 'ok';
export function targetGroupRule(students: number): TargetGroupRule {
  if (students < TARGET_MIN_STUDENTS) return 'hidden';
  if (students < TARGET_CAUTION_STUDENTS) return 'caution';
  return 'ok';
}
