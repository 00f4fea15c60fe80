import { describe, expect, it } from 'vitest';
import { TARGET_INSUFFICIENT_CUTOFF, targetGroupRule, targetRelativeToStandard, targetRelativeToTest } from './targets.js';

/** n copies around a mean with a fixed spread, so mean and stderr are known exactly. */
function residuals(mean: number, spread: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => mean + (i % 2 === 0 ? spread : -spread));
}

describe('target report classification (domain.md §Target report)', () => {
  it('is Better / Above when the mean is at least one standard error above zero', () => {
    const r = residuals(0.3, 0.5, 40); // sd ≈ 0.506, se ≈ 0.08
    expect(targetRelativeToTest(r).result).toBe('better');
    expect(targetRelativeToStandard(r).result).toBe('above');
  });
  it('is Worse / Below when the mean is at least one standard error below zero', () => {
    const r = residuals(-0.3, 0.5, 40);
    expect(targetRelativeToTest(r).result).toBe('worse');
    expect(targetRelativeToStandard(r).result).toBe('below');
  });
  it('is Similar / Near when |mean| < standard error', () => {
    const r = residuals(0.02, 0.5, 40);
    const c = targetRelativeToTest(r);
    expect(c.result).toBe('similar');
    expect(c.standardError).toBeGreaterThan(Math.abs(c.mean ?? 0));
    expect(targetRelativeToStandard(r).result).toBe('near');
  });
  it('treats mean exactly equal to the standard error as Better (≥)', () => {
    // two values a, b: mean = (a+b)/2, sd = |a−b|/√2, se = |a−b|/2 ⇒ mean = se when a = 2·se + b … choose b = 0
    const c = targetRelativeToTest([0.2, 0]); // mean 0.1, se = 0.1
    expect(c.mean).toBeCloseTo(0.1, 10);
    expect(c.standardError).toBeCloseTo(0.1, 10);
    expect(c.result).toBe('better');
  });
  it('is Insufficient Data when the standard error exceeds 0.2', () => {
    const r = residuals(1, 1, 10); // sd ≈ 1.05, se ≈ 0.33
    const c = targetRelativeToTest(r);
    expect(c.standardError).toBeGreaterThan(TARGET_INSUFFICIENT_CUTOFF);
    expect(c.result).toBe('insufficient');
  });
  it('is Insufficient Data for fewer than two students (no standard deviation)', () => {
    expect(targetRelativeToTest([0.5]).result).toBe('insufficient');
    expect(targetRelativeToTest([]).result).toBe('insufficient');
  });
  it('applies the minimum-group rule: hidden under 30, caution under 50', () => {
    expect(targetGroupRule(29)).toBe('hidden');
    expect(targetGroupRule(30)).toBe('caution');
    expect(targetGroupRule(49)).toBe('caution');
    expect(targetGroupRule(50)).toBe('ok');
  });
});
