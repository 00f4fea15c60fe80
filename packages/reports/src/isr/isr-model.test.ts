import { LEVEL_SCHEMES } from '@cers/domain';
import { describe, expect, it } from 'vitest';
import { anAssessment, anExam, sbElaSummative, sbMathIca } from '../../test/isr-fixtures.js';
import type { IsrSingleInput } from './isr-input.js';
import { buildIsrModel, type IsrSection, studentDisplayName } from './isr-model.js';

const en = { language: 'en' as const, includeAccommodations: false };
const headings = (sections: readonly IsrSection[]) => sections.map((s) => ('heading' in s ? s.heading : ''));
const table = (sections: readonly IsrSection[], heading: string) => {
  const s = sections.find((x) => x.type === 'table' && x.heading === heading);
  if (!s || s.type !== 'table') throw new Error(`no table ${heading}`);
  return s;
};

describe('buildIsrModel', () => {
  it('follows the assessment flags: composites for 2023–24+ summatives, claims for ICA, neither when off', () => {
    expect(headings(buildIsrModel(sbElaSummative(), en).sections)).toContain('Student Achievement by Composite Claim');
    expect(headings(buildIsrModel(sbMathIca(), en).sections)).toContain('Student Achievement by Claim');
    const overallOnly: IsrSingleInput = {
      ...sbElaSummative(),
      assessment: anAssessment({ schoolYear: 2022, hasComposites: false, hasClaims: false }),
    };
    const h = headings(buildIsrModel(overallOnly, en).sections);
    expect(h).not.toContain('Student Achievement by Composite Claim');
    expect(h).not.toContain('Student Achievement by Claim');
  });

  it('uses the registry names when the assessment has no assessment_scores rows, and "Not Scored" for a missing score', () => {
    const model = buildIsrModel(sbMathIca(), en);
    const claims = table(model.sections, 'Student Achievement by Claim');
    expect(claims.rows.map((r) => r.cells[0])).toEqual([
      'Concepts and Procedures',
      'Problem Solving and Modeling & Data Analysis',
      'Communicating Reasoning',
    ]);
    expect(claims.rows[2]?.cells.at(-1)).toBe('Not Scored');
    expect(claims.rows[0]?.indicator).toEqual({ index: 1, count: 3, mode: 'level' });
  });

  it('prints summative writing traits only from 2020–21, with purpose and "x of max"', () => {
    const base = sbElaSummative();
    const traits = table(buildIsrModel(base, en).sections, 'Writing Trait Scores');
    expect(traits.lead).toBe('Writing Purpose: Argumentative');
    expect(traits.rows.map((r) => r.cells)).toEqual([
      ['Organization/Purpose', '3 of 4'],
      ['Evidence/Elaboration', '2 of 4'],
      ['Conventions', '2 of 2'],
    ]);
    const early: IsrSingleInput = { ...base, assessment: { ...base.assessment, schoolYear: 2020 } };
    expect(headings(buildIsrModel(early, en).sections)).not.toContain('Writing Trait Scores');
  });

  it('explains a zero trait score by its condition code', () => {
    const base = sbElaSummative();
    const input: IsrSingleInput = {
      ...base,
      exam: anExam({
        traits: [
          { purpose: 'NARR', category: 'ORG', score: 0, maxScore: 4, conditionCode: 'M' },
          { purpose: 'NARR', category: 'EVI', score: 0, maxScore: 4, conditionCode: 'M' },
          { purpose: 'NARR', category: 'CON', score: 1, maxScore: 2, conditionCode: null },
        ],
      }),
    };
    const traits = table(buildIsrModel(input, en).sections, 'Writing Trait Scores');
    expect(traits.notes[1]).toMatch(/^Off purpose/);
    expect(traits.notes).toHaveLength(2);
  });

  it('formats Lexile with BR below zero and the −100L…+50L range', () => {
    const input: IsrSingleInput = { ...sbElaSummative(), exam: anExam({ lexile: -150 }) };
    const measure = buildIsrModel(input, en).sections.find((s) => s.type === 'measure');
    expect(measure).toMatchObject({ value: 'BR150L', range: 'Range: BR250L to BR100L' });
  });

  it('derives the level from the cuts when the exam carries none, and writes the family description', () => {
    const input: IsrSingleInput = { ...sbElaSummative(), exam: anExam({ achievementLevel: null, scaleScore: 2600 }) };
    const overall = buildIsrModel(input, en).sections[0];
    expect(overall).toMatchObject({ type: 'overall', levelName: 'Standard Exceeded', score: '2600' });
    expect(overall?.type === 'overall' && overall.levelDescription).toMatch(
      /exceeded the achievement standard .* English Language Arts\/Literacy/,
    );
  });

  it('clips the error band to the scale and draws cuts from the assessment', () => {
    const input: IsrSingleInput = { ...sbElaSummative(), exam: anExam({ scaleScore: 2690, scaleScoreSem: 30 }) };
    const overall = buildIsrModel(input, en).sections[0];
    if (overall?.type !== 'overall') throw new Error('no overall');
    expect(overall.range).toBe('Score range 2660–2701');
    expect(overall.scale).toMatchObject({ min: 2201, max: 2701, cuts: [2442, 2502, 2582], score: 2690, low: 2660, high: 2701 });
    expect(overall.scale?.segments.map((s) => s.label)).toEqual(LEVEL_SCHEMES.SB4.map((l) => l.name));
  });

  it('shows "No score" instead of a graphic when the exam has no scale score', () => {
    const input: IsrSingleInput = { ...sbElaSummative(), exam: anExam({ scaleScore: null, scaleScoreSem: null, achievementLevel: null }) };
    const overall = buildIsrModel(input, en).sections[0];
    expect(overall).toMatchObject({ score: null, scale: null, noScore: 'No score was reported for this test.' });
  });

  it('writes names as "Last, First Middle" and falls back to the SSID', () => {
    expect(studentDisplayName({ id: 1, ssid: '1', firstName: 'Ana', middleName: 'Luz', lastName: 'Díaz' })).toBe('Díaz, Ana Luz');
    expect(studentDisplayName({ id: 1, ssid: '123', firstName: null, middleName: null, lastName: null })).toBe('123');
  });

  it('is Spanish throughout for a Spanish report', () => {
    const model = buildIsrModel(sbElaSummative(), { language: 'es', includeAccommodations: true });
    expect(model.reportTitle).toBe('Informe individual del estudiante');
    expect(model.header.map((h) => h.label)).toEqual([
      'Estudiante',
      'SSID',
      'Grado',
      'Escuela',
      'Distrito',
      'Año escolar',
      'Fecha de la prueba',
    ]);
    expect(model.sections[0]).toMatchObject({ levelName: 'Norma alcanzada', levelLabel: 'Nivel de logro' });
    expect(headings(model.sections)).toContain('Adaptaciones');
  });
});
