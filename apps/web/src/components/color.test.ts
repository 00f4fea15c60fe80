import { LEVEL_SCHEMES } from '@cers/domain';
import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextColor } from './color';

describe('readableTextColor', () => {
  it('keeps level badge text at WCAG AA contrast (4.5:1) on every default level colour', () => {
    for (const scheme of Object.values(LEVEL_SCHEMES)) {
      for (const level of scheme) {
        expect(contrastRatio(level.color, readableTextColor(level.color))).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('picks white on dark and black on light backgrounds', () => {
    expect(readableTextColor('#1a1a1a')).toBe('#ffffff');
    expect(readableTextColor('#f5f5f5')).toBe('#000000');
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 0);
  });
});
