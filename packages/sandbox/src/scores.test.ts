import { achievementLevel, threeLevelIndicator, threeLevelNumber } from '@cers/domain';
import { describe, expect, it } from 'vitest';
import { elpacSummative, sbBlock, sbSummative, standardCut } from './catalog/assessments.js';
import { iabBlocks } from './catalog/blocks.js';
import { Rng } from './random.js';
import { lexileFor, overallLevel, overallScore, quantileFor, semFor, subScoreLevel, subScores, traitScores } from './scores.js';

describe('overall levels', () => {
  const sum = sbSummative('ELA', 5, 2025); // cuts 2442 | 2502 | 2582
  it('uses the cut scores for four-level assessments (a score on a cut belongs to the upper level)', () => {
    expect(overallLevel(sum, 2441, 20)).toBe(1);
    expect(overallLevel(sum, 2442, 20)).toBe(2);
    expect(overallLevel(sum, 2502, 20)).toBe(3);
    expect(overallLevel(sum, 2582, 90)).toBe(4);
  });
  it('uses the ±1.5·SEM indicator against Standard Met for interim blocks', () => {
    const block = sbBlock('ELA', 5, 2025, 'iab', iabBlocks('ELA', 5)[0] as never, 30000, 1);
    expect(standardCut(block)).toBe(2502);
    expect(overallLevel(block, 2559, 38)).toBe(3); // 2559 − 57 = 2502 ≥ 2502
    expect(overallLevel(block, 2558, 38)).toBe(2); // 2558 − 57 = 2501
    expect(overallLevel(block, 2440, 40)).toBe(1); // 2440 + 60 = 2500 < 2502
  });
});

describe('generated scores', () => {
  it('keeps every level consistent with the rules and scores inside the scale', () => {
    const rng = new Rng(1);
    for (const a of [sbSummative('Math', 7, 2019), sbSummative('ELA', 11, 2025), elpacSummative(3, 2024)]) {
      const cut = standardCut(a);
      for (let i = 0; i < 2000; i++) {
        const o = overallScore(a, rng.normal(), rng);
        expect(o.scaleScore).toBeGreaterThanOrEqual(a.scale.min);
        expect(o.scaleScore).toBeLessThanOrEqual(a.scale.max);
        expect(o.level).toBe(achievementLevel(o.scaleScore, a.scale.cuts));
        for (const s of subScores(a, o, rng)) {
          const def = a.scores.find((d) => d.code === s.code);
          if (!def) throw new Error(s.code);
          const expected =
            def.cutScores.length > 0
              ? achievementLevel(s.scaleScore, def.cutScores)
              : threeLevelNumber(threeLevelIndicator(s.scaleScore, s.sem, cut));
          expect(s.level).toBe(expected);
        }
      }
    }
  });

  it('centres Smarter Balanced results near the Standard Met cut (about half meet ELA, a third Math)', () => {
    const rng = new Rng(2);
    const share = (a: ReturnType<typeof sbSummative>, offset: number) => {
      let met = 0;
      for (let i = 0; i < 5000; i++) if (overallScore(a, rng.normal(offset, 1), rng).level >= 3) met++;
      return met / 5000;
    };
    expect(share(sbSummative('ELA', 6, 2025), -0.2)).toBeGreaterThan(0.4);
    expect(share(sbSummative('ELA', 6, 2025), -0.2)).toBeLessThan(0.55);
    expect(share(sbSummative('Math', 6, 2025), -0.2)).toBeGreaterThan(0.28);
    expect(share(sbSummative('Math', 6, 2025), -0.2)).toBeLessThan(0.45);
  });

  it('widens the SEM towards the ends of the scale', () => {
    const scale = { min: 2201, max: 2701, cuts: [2442, 2502, 2582] };
    expect(semFor(2502, scale, 2502, 19, 80)).toBe(19);
    expect(semFor(2250, scale, 2502, 19, 80)).toBeGreaterThan(semFor(2400, scale, 2502, 19, 80));
    expect(semFor(2700, scale, 2502, 19, 80)).toBeGreaterThan(40);
  });

  it('reports claims only before 2020–21, nothing 2020–21 to 2022–23, composites from 2023–24', () => {
    expect(sbSummative('ELA', 5, 2019).scores.map((s) => s.kind)).toEqual(['claim', 'claim', 'claim', 'claim']);
    for (const year of [2021, 2022, 2023]) expect(sbSummative('Math', 5, year).scores).toEqual([]);
    expect(sbSummative('Math', 5, 2024).scores.map((s) => s.code)).toEqual(['CONCEPTS_PROC', 'PROBLEM_COMM_MODEL']);
  });
});

describe('writing traits', () => {
  it('stays within 0–4 / 0–4 / 0–2 and scores off-purpose essays on Conventions only from 2022–23', () => {
    const rng = new Rng(4);
    let offPurposeWithConventions = 0;
    for (let i = 0; i < 5000; i++) {
      const year = i % 2 === 0 ? 2022 : 2024;
      const t = traitScores('ARGU', rng.normal(), year, rng);
      expect(t.org).toBeGreaterThanOrEqual(0);
      expect(t.org).toBeLessThanOrEqual(4);
      expect(t.evi).toBeLessThanOrEqual(4);
      expect(t.con).toBeLessThanOrEqual(2);
      if (t.conditionCode === 'M') {
        expect(t.org + t.evi).toBe(0);
        if (year === 2022) expect(t.con).toBe(0);
        else if (t.con > 0) offPurposeWithConventions++;
      }
      if (t.conditionCode === 'B') expect(t.org + t.evi + t.con).toBe(0);
    }
    expect(offPurposeWithConventions).toBeGreaterThan(0);
  });
});

describe('Lexile and Quantile', () => {
  it('places Standard Met in grade 5 near 830 and rounds Quantiles to 5', () => {
    expect(lexileFor(2502)).toBeGreaterThan(780);
    expect(lexileFor(2502)).toBeLessThan(880);
    expect(lexileFor(2150)).toBeLessThan(0); // a BR measure
    expect(quantileFor(2528) % 5).toBe(0);
    expect(quantileFor(2528)).toBeGreaterThan(780);
  });
});

describe('sub-score level rule', () => {
  it('uses own cuts when present, else the indicator', () => {
    expect(subScoreLevel({ cutScores: [1400, 1500] }, 1450, 30, 0)).toBe(2);
    expect(subScoreLevel({ cutScores: [] }, 2600, 30, 2502)).toBe(3);
  });
});
