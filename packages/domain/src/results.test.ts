import { describe, expect, it } from 'vitest';
import { LEVEL_SCHEMES } from './levels.js';
import {
  type AssessmentFacts,
  claimName,
  defaultSelectedAssessments,
  distractorShares,
  formatScoreWithError,
  itemDifficulty,
  meanFromMoments,
  optionLetters,
  parseChoices,
  pointsDistribution,
  pointsLabel,
  reportsProficiency,
  resultsViews,
  scoreDistribution,
  scoreTypes,
  unavailableResultsViews,
} from './results.js';
import { meanWithError } from './statistics.js';

const base: AssessmentFacts = {
  family: 'SBAC',
  type: 'sum',
  subject: 'ELA',
  schoolYear: 2025,
  hasClaims: false,
  hasComposites: false,
  hasDomains: false,
  hasTargets: false,
  hasTraits: false,
  hasItems: false,
  measureKind: null,
};
const noItems = { itemCount: 0, selectedResponseCount: 0 };

describe('score-type toggle (Overall / Composite / Claim / Domain)', () => {
  it('offers Overall | Composite for a 2023–24+ Smarter Balanced summative', () => {
    expect(scoreTypes({ ...base, hasComposites: true })).toEqual(['overall', 'composite']);
  });
  it('offers Overall | Claim before 2020–21 and Overall only in between', () => {
    expect(scoreTypes({ ...base, schoolYear: 2019, hasClaims: true })).toEqual(['overall', 'claim']);
    expect(scoreTypes({ ...base, schoolYear: 2022 })).toEqual(['overall']);
  });
  it('offers Overall | Composite | Domain for ELPAC and Overall | Domain for CAST', () => {
    expect(scoreTypes({ ...base, family: 'ELPAC', subject: 'ELPAC', hasComposites: true, hasDomains: true })).toEqual([
      'overall',
      'composite',
      'domain',
    ]);
    expect(scoreTypes({ ...base, family: 'CAST', subject: 'Science', hasDomains: true })).toEqual(['overall', 'domain']);
  });
});

describe('Results by Student options', () => {
  it('ELA summative 2024–25: traits, target report and Lexile; no items', () => {
    const a = { ...base, hasComposites: true, hasTargets: true, hasTraits: true, measureKind: 'lexile' };
    expect(resultsViews(a, noItems, 'group')).toEqual(['student', 'writing-traits', 'targets', 'lexile']);
  });
  it('has no Target Report on School/Grade results', () => {
    const a = { ...base, hasTargets: true };
    expect(resultsViews(a, noItems, 'school')).toEqual(['student']);
    expect(resultsViews(a, noItems, 'user-group')).toEqual(['student', 'targets']);
  });
  it('Math summative: target report and Quantile, never writing traits', () => {
    const a = { ...base, subject: 'Math', hasTargets: true, hasTraits: true, measureKind: 'quantile' };
    expect(resultsViews(a, noItems, 'group')).toEqual(['student', 'targets', 'quantile']);
  });
  it('interim block with items: Results by Item, and Key/Distractor only with MC/MS items', () => {
    const a = { ...base, type: 'iab', hasItems: true };
    expect(resultsViews(a, { itemCount: 12, selectedResponseCount: 0 }, 'group')).toEqual(['student', 'items']);
    expect(resultsViews(a, { itemCount: 12, selectedResponseCount: 5 }, 'group')).toEqual(['student', 'items', 'distractors']);
    expect(resultsViews(a, noItems, 'group')).toEqual(['student']);
  });
  it('CAST summative: Results by Student only', () => {
    expect(resultsViews({ ...base, family: 'CAST', subject: 'Science', hasDomains: true }, noItems, 'group')).toEqual(['student']);
  });
});

describe('views an assessment cannot show, with the reason', () => {
  const reasons = (a: Parameters<typeof unavailableResultsViews>[0], items = noItems, population: 'group' | 'school' = 'group') =>
    Object.fromEntries(unavailableResultsViews(a, items, population).map((u) => [u.view, u.reason]));
  it('ELA summative 2018–19: no writing traits (the user documents’ words), no Lexile before 2021–22', () => {
    const r = reasons({ ...base, schoolYear: 2019, hasTargets: true });
    expect(r['writing-traits']).toBe('Writing Extended Response scores are not available prior to 2020–21.');
    expect(r.lexile).toBe('The Lexile Report is available from 2021–22 on.');
    expect(r.targets).toBeUndefined();
    expect(r.items).toBeUndefined(); // summatives never had item views
  });
  it('a school or grade has no Target Report; a group does', () => {
    const a = { ...base, hasTargets: true, hasTraits: true, measureKind: 'lexile' };
    expect(reasons(a, noItems, 'school').targets).toMatch(/student groups/);
    expect(unavailableResultsViews(a, noItems, 'group')).toEqual([]);
  });
  it('interims: no items before 2017–18; Key/Distractor needs multiple-choice items', () => {
    const a = { ...base, type: 'iab', hasItems: true };
    expect(reasons({ ...a, schoolYear: 2017 }).items).toMatch(/prior to 2017–18/);
    expect(reasons(a, { itemCount: 12, selectedResponseCount: 0 }).distractors).toMatch(/multiple-choice/);
    expect(reasons(a, { itemCount: 12, selectedResponseCount: 5 })).toEqual({});
  });
  it('nothing for families whose views do not exist (CAST, ELPAC)', () => {
    expect(unavailableResultsViews({ ...base, family: 'CAST', subject: 'Science' }, noItems, 'group')).toEqual([]);
  });
});

describe('scoreDistribution', () => {
  it('counts per level with percentages summing to 100 and percent at or above Standard Met', () => {
    const d = scoreDistribution(
      LEVEL_SCHEMES.SB4,
      [
        { level: 1, count: 1 },
        { level: 2, count: 1 },
        { level: 4, count: 1 },
      ],
      3,
    );
    expect(d.tested).toBe(3);
    expect(d.levels.map((l) => l.count)).toEqual([1, 1, 0, 1]);
    expect(d.levels.map((l) => l.percent)).toEqual([34, 33, 0, 33]);
    expect(d.levels.reduce((s, l) => s + l.percent, 0)).toBe(100);
    expect(d.atOrAboveStandard).toBe(1);
    expect(d.percentAtOrAboveStandard).toBe(33);
    expect(d.levels[0]?.name).toBe('Standard Not Met');
  });
  it('gives zeros and no percent at or above when nobody tested', () => {
    const d = scoreDistribution(LEVEL_SCHEMES.SB4, [], 3);
    expect(d.tested).toBe(0);
    expect(d.levels.map((l) => l.percent)).toEqual([0, 0, 0, 0]);
    expect(d.percentAtOrAboveStandard).toBeNull();
  });
  it('ignores levels the scheme does not define', () => {
    const d = scoreDistribution(
      LEVEL_SCHEMES.THREE,
      [
        { level: 9, count: 5 },
        { level: 3, count: 2 },
      ],
      null,
    );
    expect(d.tested).toBe(2);
    expect(d.percentAtOrAboveStandard).toBeNull();
  });
});

describe('meanFromMoments', () => {
  it('matches meanWithError of the raw values', () => {
    const values = [2401, 2455, 2510, 2533, 2602, 2399];
    const direct = meanWithError(values);
    const n = values.length;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
    const fromSql = meanFromMoments(n, mean, sd);
    expect(fromSql?.mean).toBeCloseTo(direct?.mean ?? 0, 9);
    expect(fromSql?.standardError).toBeCloseTo(direct?.standardError ?? 0, 9);
  });
  it('has no standard error for one student and nothing for none', () => {
    expect(meanFromMoments(1, 2500, null)).toEqual({ n: 1, mean: 2500, standardError: null, standardDeviation: null });
    expect(meanFromMoments(0, null, null)).toBeUndefined();
  });
});

describe('formatting and item helpers', () => {
  it('formats score ± error with whole numbers', () => {
    expect(formatScoreWithError(2510.4, 22.6)).toBe('2510 ± 23');
    expect(formatScoreWithError(null, 3)).toBe('-');
    expect(formatScoreWithError(2500, null)).toBe('2500');
  });
  it('bins item difficulty with the per-grade b cuts (low end inclusive)', () => {
    expect(itemDifficulty('ELA', 5, -1.2)).toBe('Easy');
    expect(itemDifficulty('ELA', 5, -1.07082)).toBe('Moderate');
    expect(itemDifficulty('ELA', 5, 0.55842)).toBe('Difficult');
    expect(itemDifficulty('Math', 10, 0)).toBe('Moderate'); // high school uses grade 11 cuts
    expect(itemDifficulty('Science', 5, 0)).toBeUndefined();
    expect(itemDifficulty('ELA', 5, null)).toBeUndefined();
  });
  it('parses answer keys and responses of multiple-select items', () => {
    expect(parseChoices('A,C')).toEqual(['A', 'C']);
    expect(parseChoices(' b ; d ')).toEqual(['B', 'D']);
    expect(parseChoices(null)).toEqual([]);
    expect(optionLetters(5)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(optionLetters(null, [{ key: 'a' }, { key: 'b' }])).toEqual(['A', 'B']);
  });
  it('gives the share of responders choosing each option with the key flagged', () => {
    const shares = distractorShares(
      ['A', 'B', 'C', 'D'],
      new Map([
        ['A', 3],
        ['B', 12],
        ['D', 5],
      ]),
      20,
      'B',
    );
    expect(shares).toEqual([
      { option: 'A', count: 3, percent: 15, isKey: false },
      { option: 'B', count: 12, percent: 60, isKey: true },
      { option: 'C', count: 0, percent: 0, isKey: false },
      { option: 'D', count: 5, percent: 25, isKey: false },
    ]);
    expect(distractorShares(['A'], new Map(), 0, 'A')[0]?.percent).toBe(0);
  });
  it('distributes item points 0..max with full credit', () => {
    const d = pointsDistribution(2, [
      { points: 0, count: 1 },
      { points: 1, count: 1 },
      { points: 2, count: 1 },
    ]);
    expect(d.values.map((v) => v.percent)).toEqual([34, 33, 33]);
    expect(d.fullCredit).toBe(1);
    expect(d.fullCreditPercent).toBe(33);
    expect(pointsLabel(1)).toBe('1 pt');
    expect(pointsLabel(0)).toBe('0 pts');
  });
});

describe('default Selected Assessments', () => {
  const a = (id: number, subject: string, type: string, students: number, at = '2025-04-01') => ({
    id,
    subject,
    type,
    students,
    latestCompletedAt: at,
  });
  it('picks one summative: the first of the group’s subjects, most students tested', () => {
    const list = [a(1, 'Math', 'sum', 30), a(2, 'ELA', 'sum', 3), a(3, 'ELA', 'sum', 28), a(4, 'ELA', 'iab', 30, '2025-05-01')];
    expect(defaultSelectedAssessments(list, null)).toEqual([3]);
    expect(defaultSelectedAssessments(list, ['Math'])).toEqual([1]);
  });
  it('falls back to the most recent assessment without a summative, and to nothing without results', () => {
    expect(defaultSelectedAssessments([a(5, 'ELA', 'iab', 10, '2025-01-01'), a(6, 'ELA', 'ica', 10, '2025-03-01')], ['ELA'])).toEqual([6]);
    expect(defaultSelectedAssessments([], null)).toEqual([]);
  });
});

describe('claim names', () => {
  it('names reporting and organizational claim codes, leaving unknown codes as they are', () => {
    expect(claimName('ELA', 'SOCK_R')).toBe('Reading');
    expect(claimName('ELA', '1-it')).toBe('Read Analytically: Informational Text');
    expect(claimName('Math', '1')).toBe('Concepts and Procedures');
    expect(claimName('Math', 'SOCK_2')).toBe('Problem Solving and Modeling & Data Analysis');
    expect(claimName('Science', 'LS')).toBe('LS');
    expect(reportsProficiency('iab')).toBe(false);
    expect(reportsProficiency('sum')).toBe(true);
  });
});
