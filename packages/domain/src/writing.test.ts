import { describe, expect, it } from 'vitest';
import { parseTraitCode, purposeFromWritingType, TRAIT_CATEGORIES, transformedPoints } from './writing.js';

describe('writing traits', () => {
  it('has the maxima of domain.md: Organization/Purpose 4, Evidence/Elaboration 4, Conventions 2', () => {
    expect(TRAIT_CATEGORIES.ORG.max).toBe(4);
    expect(TRAIT_CATEGORIES.EVI.max).toBe(4);
    expect(TRAIT_CATEGORIES.CON.max).toBe(2);
  });
  it('computes transformed points as Conventions + mean(Organization, Evidence)', () => {
    expect(transformedPoints(3, 2, 2)).toBe(4.5);
    expect(transformedPoints(4, 4, 2)).toBe(6);
  });
  it('parses TRT trait codes and package writing types', () => {
    expect(parseTraitCode('SOCK_ARGU_ORG')).toEqual({ purpose: 'ARGU', category: 'ORG' });
    expect(parseTraitCode('SOCK_X_ORG')).toBeUndefined();
    expect(purposeFromWritingType('Informative')).toBe('INFO');
  });
});
