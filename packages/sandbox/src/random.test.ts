import { describe, expect, it } from 'vitest';
import { hashSeed, Rng, rngFor } from './random.js';

describe('Rng (sfc32)', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 20 }, () => a.uint32());
    expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.uint32())).not.toEqual(seqA);
  });

  it('draws uniform values in [0, 1) with the right mean and no bucket far off', () => {
    const rng = new Rng(7);
    const buckets = new Array(10).fill(0);
    let sum = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
      buckets[Math.floor(x * 10)]++;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    for (const count of buckets) expect(Math.abs(count - n / 10)).toBeLessThan(500);
  });

  it('draws normal deviates with mean 0 and standard deviation 1', () => {
    const rng = new Rng(11);
    const xs = Array.from({ length: 50_000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(0, 1);
    expect(sd).toBeCloseTo(1, 1);
  });

  it('keeps int() inside its inclusive bounds and reaches both ends', () => {
    const rng = new Rng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(2, 5));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('picks by weight', () => {
    const rng = new Rng(5);
    let a = 0;
    for (let i = 0; i < 40_000; i++)
      if (
        rng.weighted([
          ['a', 3],
          ['b', 1],
        ] as const) === 'a'
      )
        a++;
    expect(a / 40_000).toBeCloseTo(0.75, 1);
  });

  it('samples distinct elements', () => {
    const rng = new Rng(9);
    const s = rng.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(s).size).toBe(4);
    expect(rng.sample([1, 2], 5)).toHaveLength(2);
  });
});

describe('hashSeed / rngFor', () => {
  it('separates key paths that concatenate to the same text', () => {
    expect(hashSeed(1, 'ab', 'c')).not.toBe(hashSeed(1, 'a', 'bc'));
    expect(hashSeed(1, 'student', 17)).toBe(hashSeed(1, 'student', 17));
    expect(hashSeed(1, 'student', 17)).not.toBe(hashSeed(2, 'student', 17));
  });

  it('gives a stream per key path that does not depend on other streams', () => {
    const first = rngFor(99, 'x', 1).next();
    rngFor(99, 'x', 2).next();
    expect(rngFor(99, 'x', 1).next()).toBe(first);
  });
});
