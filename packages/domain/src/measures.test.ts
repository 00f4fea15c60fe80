import { describe, expect, it } from 'vitest';
import { formatLexile, formatQuantile, lexileGradeBand, lexileRange, quantileRange, roundQuantile } from './measures.js';

describe('Lexile and Quantile display (domain.md §Lexile and Quantile)', () => {
  it('shows a number with L and no comma', () => {
    expect(formatLexile(1050)).toBe('1050L');
    expect(formatLexile(1234)).toBe('1234L');
  });
  it('shows BR plus the absolute value at or below zero', () => {
    expect(formatLexile(-150)).toBe('BR150L');
    expect(formatLexile(0)).toBe('BR0L');
  });
  it('rounds Quantiles to 5Q and shows EM at or below zero', () => {
    expect(roundQuantile(712)).toBe(710);
    expect(roundQuantile(713)).toBe(715);
    expect(formatQuantile(712)).toBe('710Q');
    expect(formatQuantile(-100)).toBe('EM100Q');
    expect(formatQuantile(-2)).toBe('EM0Q');
  });
  it('gives the student range: −100L…+50L and ±50Q', () => {
    expect(lexileRange(900)).toEqual({ low: 800, high: 950 });
    expect(quantileRange(712)).toEqual({ low: 660, high: 760 });
  });
  it('gives the grade stretch bands of domain.md', () => {
    expect(lexileGradeBand(2)).toEqual({ low: 420, high: 820 });
    expect(lexileGradeBand(3)).toEqual({ low: 420, high: 820 });
    expect(lexileGradeBand(5)).toEqual({ low: 740, high: 1010 });
    expect(lexileGradeBand(8)).toEqual({ low: 925, high: 1185 });
    expect(lexileGradeBand(10)).toEqual({ low: 1050, high: 1335 });
    expect(lexileGradeBand(11)).toEqual({ low: 1185, high: 1385 });
    expect(lexileGradeBand(1)).toBeUndefined();
  });
});
