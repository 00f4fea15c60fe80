import { describe, expect, it } from 'vitest';
import { isResourceUrl, type ResourceRow, resolveResources } from './instructional-resources.js';
import { lexileBandForGrade, measurePosition, measureSpread } from './measure-report.js';
import { traitSummaries } from './trait-report.js';

const r = (o: Partial<ResourceRow> & Pick<ResourceRow, 'id'>): ResourceRow => ({
  kind: 'district',
  title: `R${o.id}`,
  url: `https://example.org/${o.id}`,
  orgType: 'state',
  assessmentName: null,
  subject: null,
  assessmentType: null,
  claimCode: null,
  targetId: null,
  performanceLevel: null,
  ...o,
});

describe('instructional resources resolution', () => {
  const ctx = { assessmentName: 'SBAC-IAB-G5-ELA-READ', subject: 'ELA', assessmentType: 'iab', performanceLevel: 1 };
  it('puts the most specific organization first, then assessment, then level', () => {
    const rows = [
      r({ id: 1, orgType: 'state' }),
      r({ id: 2, orgType: 'district' }),
      r({ id: 3, orgType: 'school' }),
      r({ id: 4, orgType: 'district', assessmentName: 'SBAC-IAB-G5-ELA-READ' }),
      r({ id: 5, orgType: 'district', assessmentName: 'SBAC-IAB-G5-ELA-READ', performanceLevel: 1 }),
    ];
    expect(resolveResources(rows, 'district', ctx).map((x) => x.id)).toEqual([3, 5, 4, 2, 1]);
  });
  it('drops resources whose conditions do not hold and other kinds', () => {
    const rows = [
      r({ id: 1, performanceLevel: 2 }),
      r({ id: 2, assessmentName: 'OTHER' }),
      r({ id: 3, kind: 'tools_for_teachers' }),
      r({ id: 4, targetId: 7 }),
      r({ id: 5, subject: 'Math' }),
    ];
    expect(resolveResources(rows, 'district', ctx)).toEqual([]);
    expect(resolveResources(rows, 'tools_for_teachers', ctx).map((x) => x.id)).toEqual([3]);
    expect(resolveResources(rows, 'district', { ...ctx, targetId: 7 }).map((x) => x.id)).toEqual([4]);
  });
  it('lists every level-specific link when the context has no level (assessment card)', () => {
    const rows = [r({ id: 1, performanceLevel: 1 }), r({ id: 2, performanceLevel: 3 }), r({ id: 3 })];
    const { performanceLevel: _level, ...noLevel } = ctx;
    expect(resolveResources(rows, 'district', noLevel).map((x) => x.id)).toEqual([1, 2, 3]);
  });
  it('accepts only http(s) URLs', () => {
    expect(isResourceUrl('https://example.org/a')).toBe(true);
    expect(isResourceUrl('http://example.org')).toBe(true);
    expect(isResourceUrl('javascript:alert(1)')).toBe(false);
    expect(isResourceUrl('ftp://example.org')).toBe(false);
    expect(isResourceUrl('https://')).toBe(false);
  });
});

describe('Lexile / Quantile spread', () => {
  it('places measures against the band (inclusive) and gives quartiles', () => {
    const band = lexileBandForGrade('05');
    expect(band).toEqual({ low: 740, high: 1010 });
    expect(measurePosition(740, band as { low: number; high: number })).toBe('within');
    const s = measureSpread([600, 740, 900, 1010, 1200], band);
    expect(s).toMatchObject({
      n: 5,
      min: 600,
      max: 1200,
      median: 900,
      lowerQuartile: 740,
      upperQuartile: 1010,
      below: 1,
      within: 3,
      above: 1,
    });
  });
  it('handles an empty group and grades without a band', () => {
    expect(measureSpread([], undefined)).toMatchObject({ n: 0, min: null, median: null, band: null });
    expect(lexileBandForGrade('KG')).toBeUndefined();
  });
});

describe('writing trait summaries', () => {
  it('gives per-trait distributions, means and transformed points', () => {
    const rows = [
      { org: 4, evi: 3, con: 2 },
      { org: 2, evi: 2, con: 1 },
      { org: 0, evi: 0, con: 0 },
      { org: null, evi: null, con: null },
    ];
    const [org, evi, con, transformed] = traitSummaries(rows);
    expect(org?.n).toBe(3);
    expect(org?.mean).toBeCloseTo(2, 10);
    expect(org?.values.map((v) => v.count)).toEqual([1, 0, 1, 0, 1]);
    expect(evi?.mean).toBeCloseTo(5 / 3, 10);
    expect(con?.max).toBe(2);
    expect(transformed?.name).toBe('Transformed Points');
    // 2 + 3.5 = 5.5, 1 + 2 = 3, 0
    expect(transformed?.mean).toBeCloseTo((5.5 + 3 + 0) / 3, 10);
    expect(transformed?.values.find((v) => v.points === 5.5)?.count).toBe(1);
    expect(transformed?.values.reduce((s, v) => s + v.percent, 0)).toBe(100);
  });
});
