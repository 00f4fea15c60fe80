/**
 * Target report from SQL aggregates (domain.md §Target report): the database returns, per target,
 * n, avg and stddev_samp of each residual; these functions apply the same rules as
 * targetRelativeToTest / targetRelativeToStandard (targets.ts) to those moments.
 */
import { meanFromMoments } from './results.js';
import {
  TARGET_INSUFFICIENT_CUTOFF,
  type TargetClassification,
  type TargetGroupRule,
  type TargetRelative,
  type TargetStandard,
  targetGroupRule,
} from './targets.js';

export type ResidualMoments = { n: number; mean: number | null; sampleSd: number | null };

function classifyMoments<T extends string>(m: ResidualMoments, up: T, mid: T, down: T): TargetClassification<T> {
  const stats = meanFromMoments(m.n, m.mean, m.sampleSd);
  if (!stats || stats.standardError === null) return { n: m.n, mean: stats?.mean ?? null, standardError: null, result: 'insufficient' };
  const { mean, standardError: se, n } = stats;
  if (se > TARGET_INSUFFICIENT_CUTOFF) return { n, mean, standardError: se, result: 'insufficient' };
  const result = mean >= se ? up : mean <= -se ? down : mid;
  return { n, mean, standardError: se, result };
}

/** Better / Similar / Worse relative to the entire test, or Insufficient Data. */
export function targetRelativeToTestFromMoments(m: ResidualMoments): TargetClassification<TargetRelative> {
  return classifyMoments(m, 'better', 'similar', 'worse');
}

/** Above / Near / Below relative to Standard Met, or Insufficient Data. */
export function targetRelativeToStandardFromMoments(m: ResidualMoments): TargetClassification<TargetStandard> {
  return classifyMoments(m, 'above', 'near', 'below');
}

export const TARGET_RESULT_LABELS: Record<TargetRelative | TargetStandard | 'insufficient' | 'excluded', string> = {
  better: 'Better',
  similar: 'Similar',
  worse: 'Worse',
  above: 'Above',
  near: 'Near',
  below: 'Below',
  insufficient: 'Insufficient Data',
  excluded: 'Excluded',
};

/**
 * Which claims' targets appear: Math targets only for Concepts and Procedures (claim 1, whatever
 * the organizational code spelling), every ELA claim (cers-features.md §3.3 Target Report).
 */
export function targetClaimReported(subject: string, claimCode: string): boolean {
  if (subject !== 'Math') return true;
  const code = claimCode.trim().toUpperCase();
  return code === '1' || code.startsWith('1-') || code === 'C1' || code === 'CONCEPTS_PROC';
}

export type TargetReportBanner = { rule: TargetGroupRule; message: string | null };

/** The minimum-group rule as a banner: hidden under 30 students, caution under 50. */
export function targetReportBanner(studentsTested: number): TargetReportBanner {
  const rule = targetGroupRule(studentsTested);
  if (rule === 'hidden') {
    return {
      rule,
      message: `The Target Report is shown for groups of 30 or more students; ${studentsTested} students tested.`,
    };
  }
  if (rule === 'caution') {
    return {
      rule,
      message: 'Fewer than 50 students tested: interpret target results with caution, they are less reliable for small groups.',
    };
  }
  return { rule, message: null };
}
