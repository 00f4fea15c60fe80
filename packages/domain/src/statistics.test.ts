import { describe, expect, it } from 'vitest';
import { isSuppressed, meanWithError, roundedPercentages } from './statistics.js';

describe('roundedPercentages (largest remainder)', () => {
  it('sums to exactly 100', () => {
    expect(roundedPercentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(roundedPercentages([3, 3, 3, 3, 3, 3, 1])).toEqual([16, 16, 16, 16, 16, 15, 5]);
    const p = roundedPercentages([7, 13, 29, 51]);
    expect(p.reduce((a, b) => a + b, 0)).toBe(100);
    expect(p).toEqual([7, 13, 29, 51]);
  });
  it('gives the remainder to the largest fractional parts', () => {
    expect(roundedPercentages([2, 2, 3])).toEqual([29, 28, 43]); // 28.57, 28.57, 42.86: ties go to the earlier level
  });
  it('returns zeros when nobody tested', () => {
    expect(roundedPercentages([0, 0, 0, 0])).toEqual([0, 0, 0, 0]);
  });
});

describe('meanWithError', () => {
  it('computes mean, sample SD and standard error of the mean', () => {
    const r = meanWithError([2400, 2500, 2600]);
    expect(r?.mean).toBe(2500);
    expect(r?.standardDeviation).toBe(100);
    expect(r?.standardError).toBeCloseTo(100 / Math.sqrt(3), 10);
  });
  it('has no error for one value and nothing for none', () => {
    expect(meanWithError([2500])).toEqual({ n: 1, mean: 2500, standardError: null, standardDeviation: null });
    expect(meanWithError([])).toBeUndefined();
  });
});

describe('small-group suppression', () => {
  it('suppresses groups of 10 or fewer', () => {
    expect(isSuppressed(10)).toBe(true);
    expect(isSuppressed(11)).toBe(false);
  });
});
