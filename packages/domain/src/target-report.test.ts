import { describe, expect, it } from 'vitest';
import {
  targetClaimReported,
  targetRelativeToStandardFromMoments,
  targetRelativeToTestFromMoments,
  targetReportBanner,
} from './target-report.js';
import { targetRelativeToStandard, targetRelativeToTest } from './targets.js';

function moments(values: number[]) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : null;
  return { n, mean, sampleSd: sd };
}

describe('target classification from SQL moments', () => {
  it('agrees with the residual-based rules on every outcome', () => {
    const cases = [
      Array.from({ length: 40 }, (_, i) => 0.3 + (i % 2 ? 0.5 : -0.5)),
      Array.from({ length: 40 }, (_, i) => -0.3 + (i % 2 ? 0.5 : -0.5)),
      Array.from({ length: 40 }, (_, i) => 0.02 + (i % 2 ? 0.5 : -0.5)),
      [1.5, -1.5, 2, -2], // se > 0.2 → insufficient
      [0.4],
    ];
    for (const r of cases) {
      expect(targetRelativeToTestFromMoments(moments(r)).result).toBe(targetRelativeToTest(r).result);
      expect(targetRelativeToStandardFromMoments(moments(r)).result).toBe(targetRelativeToStandard(r).result);
    }
  });
  it('is Insufficient Data when the standard error exceeds 0.2', () => {
    const c = targetRelativeToTestFromMoments({ n: 4, mean: 1, sampleSd: 0.81 }); // se 0.405
    expect(c.result).toBe('insufficient');
  });
});

describe('target report rules', () => {
  it('reports only Concepts and Procedures targets for Math', () => {
    expect(targetClaimReported('Math', '1')).toBe(true);
    expect(targetClaimReported('Math', '3')).toBe(false);
    expect(targetClaimReported('ELA', '2-W')).toBe(true);
  });
  it('hides below 30 students and cautions below 50', () => {
    expect(targetReportBanner(29).rule).toBe('hidden');
    expect(targetReportBanner(30).rule).toBe('caution');
    expect(targetReportBanner(49).message).toMatch(/caution/);
    expect(targetReportBanner(50)).toEqual({ rule: 'ok', message: null });
  });
});
