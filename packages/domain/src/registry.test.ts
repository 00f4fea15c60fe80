import { describe, expect, it } from 'vitest';
import { LEVEL_SCHEMES } from './levels.js';
import { ELPAC_SCALES, overallLevels, reportingRules } from './registry.js';

describe('reportingRules: what an exam carries by year (domain.md §Claims)', () => {
  const sum = (subject: string, schoolYear: number) => reportingRules({ family: 'SBAC', type: 'sum', subject, grade: 5, schoolYear });
  it('summative claims only before 2020–21', () => {
    expect(sum('ELA', 2019).hasClaims).toBe(true);
    expect(sum('ELA', 2020).hasClaims).toBe(true);
    expect(sum('ELA', 2021).hasClaims).toBe(false);
  });
  it('no claims or composites 2020–21 to 2022–23, composites from 2023–24', () => {
    for (const y of [2021, 2022, 2023]) {
      expect(sum('Math', y)).toMatchObject({ hasClaims: false, hasComposites: false });
    }
    expect(sum('Math', 2024).hasComposites).toBe(true);
    expect(sum('ELA', 2026).hasComposites).toBe(true);
  });
  it('writing traits for ELA summative from 2020–21 only', () => {
    expect(sum('ELA', 2020).hasTraits).toBe(false);
    expect(sum('ELA', 2021).hasTraits).toBe(true);
    expect(sum('Math', 2021).hasTraits).toBe(false);
  });
  it('Lexile for ELA and Quantile for Math from 2021–22', () => {
    expect(sum('ELA', 2021).measureKind).toBeNull();
    expect(sum('ELA', 2022).measureKind).toBe('lexile');
    expect(sum('Math', 2022).measureKind).toBe('quantile');
  });
  it('ICA keeps claims every year; interims carry items; summatives never do', () => {
    expect(reportingRules({ family: 'SBAC', type: 'ica', subject: 'ELA', grade: 5, schoolYear: 2023 })).toMatchObject({
      hasClaims: true,
      hasItems: true,
    });
    expect(reportingRules({ family: 'SBAC', type: 'iab', subject: 'Math', grade: 5, schoolYear: 2023 })).toMatchObject({
      hasClaims: false,
      hasItems: true,
    });
    expect(sum('ELA', 2019).hasItems).toBe(false);
  });
  it('ELPAC has composites and domains; CAST domains', () => {
    expect(reportingRules({ family: 'ELPAC', type: 'sum', subject: 'ELPAC', grade: 3, schoolYear: 2025 })).toMatchObject({
      hasComposites: true,
      hasDomains: true,
    });
    expect(reportingRules({ family: 'CAST', type: 'sum', subject: 'Science', grade: 8, schoolYear: 2025 })).toMatchObject({
      hasDomains: true,
      hasComposites: false,
    });
  });
});

describe('level schemes', () => {
  it('names Smarter Balanced levels as domain.md', () => {
    expect(LEVEL_SCHEMES.SB4.map((l) => l.name)).toEqual(['Standard Not Met', 'Standard Nearly Met', 'Standard Met', 'Standard Exceeded']);
  });
  it('names Summative ELPAC overall levels and domain levels as domain.md', () => {
    expect(LEVEL_SCHEMES.ELPAC4.map((l) => l.name)).toEqual([
      'Minimally Developed',
      'Somewhat Developed',
      'Moderately Developed',
      'Well Developed',
    ]);
    expect(LEVEL_SCHEMES.ELPAC_DOMAIN3.map((l) => l.name)).toEqual([
      'Beginning to Develop',
      'Somewhat/Moderately Developed',
      'Well Developed',
    ]);
  });
  it('reports IAB/FIAB in three levels', () => {
    expect(overallLevels('SBAC', 'iab').map((l) => l.shortName)).toEqual(['Below', 'Near', 'Above']);
    expect(overallLevels('SBAC', 'sum')).toHaveLength(4);
    expect(overallLevels('CAA', 'sum').map((l) => l.name)).toEqual([
      'Limited Understanding',
      'Foundational Understanding',
      'Understanding',
    ]);
  });
  it('keeps ELPAC composite cut tables for every grade KG–12', () => {
    expect(Object.keys(ELPAC_SCALES)).toHaveLength(13);
    expect(ELPAC_SCALES[4]?.written.cuts).toEqual([1478, 1535, 1575]);
  });
});
