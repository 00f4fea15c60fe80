import { describe, expect, it } from 'vitest';
import { ELPAC_SCALES, SB_SCALES } from './registry.js';
import { achievementLevel, distanceFromStandard, errorBand, threeLevelIndicator } from './scoring.js';

describe('achievementLevel', () => {
  // domain.md §Smarter Balanced achievement levels: every cut of every grade and subject,
  // at the cut (upper level) and one point below (lower level).
  for (const subject of ['ELA', 'Math'] as const) {
    for (const [grade, scale] of Object.entries(SB_SCALES[subject])) {
      it(`${subject} grade ${grade}: level changes exactly at each cut`, () => {
        const [l2, l3, l4] = scale.cuts as [number, number, number];
        expect(achievementLevel(scale.min, scale.cuts)).toBe(1);
        expect(achievementLevel(l2 - 1, scale.cuts)).toBe(1);
        expect(achievementLevel(l2 - 0.01, scale.cuts)).toBe(1);
        expect(achievementLevel(l2, scale.cuts)).toBe(2);
        expect(achievementLevel(l3 - 1, scale.cuts)).toBe(2);
        expect(achievementLevel(l3, scale.cuts)).toBe(3);
        expect(achievementLevel(l4 - 1, scale.cuts)).toBe(3);
        expect(achievementLevel(l4, scale.cuts)).toBe(4);
        expect(achievementLevel(scale.max, scale.cuts)).toBe(4);
      });
    }
  }

  it('uses the table values of domain.md for ELA grade 3 (2114 | 2367 | 2432 | 2490 | 2623)', () => {
    expect(SB_SCALES.ELA[3]).toEqual({ min: 2114, cuts: [2367, 2432, 2490], max: 2623 });
    expect(SB_SCALES.Math[11]).toEqual({ min: 2280, cuts: [2543, 2628, 2718], max: 2862 });
  });

  it('handles ELPAC four-level cuts (KG 1150 | 1374 | 1422 | 1474 | 1700)', () => {
    const kg = ELPAC_SCALES[0]?.overall;
    expect(kg).toEqual({ min: 1150, cuts: [1374, 1422, 1474], max: 1700 });
    const cuts = kg?.cuts ?? [];
    expect(achievementLevel(1373, cuts)).toBe(1);
    expect(achievementLevel(1374, cuts)).toBe(2);
    expect(achievementLevel(1421, cuts)).toBe(2);
    expect(achievementLevel(1422, cuts)).toBe(3);
    expect(achievementLevel(1474, cuts)).toBe(4);
  });

  it('works for any number of levels (three-level CAA/CSA scales, six-level packages)', () => {
    expect(achievementLevel(335, [336, 354])).toBe(1);
    expect(achievementLevel(354, [336, 354])).toBe(3);
    expect(achievementLevel(2850, [2490, 2580, 2680, 2800, 2850])).toBe(6);
    expect(achievementLevel(100, [])).toBe(1);
  });
});

describe('errorBand', () => {
  it('is the scale score ± one SEM', () => {
    expect(errorBand(2510, 23)).toEqual({ low: 2487, high: 2533 });
  });
  it('is clipped to the scale minimum and maximum', () => {
    expect(errorBand(2120, 30, 2114, 2623)).toEqual({ low: 2114, high: 2150 });
    expect(errorBand(2610, 30, 2114, 2623)).toEqual({ low: 2580, high: 2623 });
  });
  it('ignores missing bounds', () => {
    expect(errorBand(2500, 10, null, undefined)).toEqual({ low: 2490, high: 2510 });
  });
});

describe('threeLevelIndicator', () => {
  const cut = 2502; // ELA grade 5 Standard Met
  it('is Above when round(score − 1.5·SEM) ≥ cut', () => {
    expect(threeLevelIndicator(2547, 30, cut)).toBe('above'); // 2547 − 45 = 2502
    expect(threeLevelIndicator(2546.6, 30, cut)).toBe('above'); // 2501.6 rounds to 2502
  });
  it('is Near just under the Above boundary', () => {
    expect(threeLevelIndicator(2546.4, 30, cut)).toBe('near'); // 2501.4 rounds to 2501
  });
  it('is Below when round(score + 1.5·SEM) < cut', () => {
    expect(threeLevelIndicator(2456, 30, cut)).toBe('below'); // 2501 < 2502
    expect(threeLevelIndicator(2456.4, 30, cut)).toBe('below'); // 2501.4 rounds to 2501
  });
  it('is Near when the rounded upper bound reaches the cut', () => {
    expect(threeLevelIndicator(2456.6, 30, cut)).toBe('near'); // 2501.6 rounds to 2502
    expect(threeLevelIndicator(2502, 30, cut)).toBe('near');
  });
  it('with zero SEM compares the score itself', () => {
    expect(threeLevelIndicator(2502, 0, cut)).toBe('above');
    expect(threeLevelIndicator(2501, 0, cut)).toBe('below');
  });
});

describe('distanceFromStandard', () => {
  it('is the signed distance from the Level 3 cut', () => {
    expect(distanceFromStandard(2480, 2502)).toBe(-22);
    expect(distanceFromStandard(2530, 2502)).toBe(28);
  });
});
