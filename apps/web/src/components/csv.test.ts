import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, and leaves plain values alone', () => {
    expect(csvCell('Reyes, Ana')).toBe('"Reyes, Ana"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(2510)).toBe('2510');
    expect(csvCell(-12)).toBe('-12');
    expect(csvCell(null)).toBe('');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-2+3')).toBe("'-2+3");
  });

  it('writes SSIDs and grade codes verbatim, leading zeros included', () => {
    expect(
      toCsv([
        ['SSID', 'Grade'],
        ['0100003718', '05'],
      ]),
    ).toBe('SSID,Grade\r\n0100003718,05\r\n');
  });
});
