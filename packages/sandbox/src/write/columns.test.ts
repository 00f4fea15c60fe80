import { describe, expect, it } from 'vitest';
import { copyCell, copyText, joinList } from './columns.js';

describe('COPY text format', () => {
  it('escapes backslashes, tabs and line breaks and writes \\N for null', () => {
    expect(copyCell('text', 'a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyCell('text', null)).toBe('\\N');
    expect(copyCell('int', 42)).toBe('42');
    expect(copyCell('bool', false)).toBe('f');
  });

  it('writes text[] cells as quoted array literals', () => {
    expect(copyCell('text[]', joinList(['White', 'Asian']))).toBe('{"White","Asian"}');
    expect(copyCell('text[]', joinList(['say "hi"']))).toBe('{"say \\\\"hi\\\\""}');
  });

  it('turns columns into one line per row', () => {
    const text = copyText([
      { name: 'id', type: 'int', values: [1, 2] },
      { name: 'name', type: 'text', values: ['O’Neil', null] },
    ]);
    expect(text).toBe('1\tO’Neil\n2\t\\N\n');
    expect(copyText([{ name: 'id', type: 'int', values: [] }])).toBe('');
  });
});
