import { describe, expect, it } from 'vitest';
import { parseResultsState, serializeResultsState, toggleId, withYear } from './results-url';

describe('results page URL state', () => {
  it('round-trips year, selection, open cards, per-card view, score type, subgroup, display, item and compare', () => {
    const q = 'year=2025&a=12,15&open=12&view=12:targets&type=15:composite&sg=12:gender&display=percent&item=301&student=44&compare=15';
    const s = parseResultsState(new URLSearchParams(q));
    expect(s).toEqual({
      year: 2025,
      selected: [12, 15],
      open: [12],
      views: { 12: 'targets' },
      types: { 15: 'composite' },
      subgroups: { 12: 'gender' },
      display: 'percent',
      item: 301,
      student: 44,
      compare: [15],
    });
    expect(serializeResultsState(s).toString()).toBe(new URLSearchParams(q).toString());
  });

  it('ignores malformed values and keeps the server default when no selection is given', () => {
    const s = parseResultsState(new URLSearchParams('year=abc&open=x,3&view=3:nope,4:items&type=3:bogus&a='));
    expect(s.year).toBeUndefined();
    expect(s.selected).toEqual([]);
    expect(s.open).toEqual([3]);
    expect(s.views).toEqual({ 4: 'items' });
    expect(s.types).toEqual({});
    expect(parseResultsState(new URLSearchParams('')).selected).toBeUndefined();
  });

  it('drops settings of cards no longer selected and omits defaults', () => {
    const s = parseResultsState(new URLSearchParams('a=1,2&open=1,2&view=1:student,2:items&type=2:overall'));
    const out = serializeResultsState({ ...s, selected: [2] }).toString();
    expect(out).toBe(new URLSearchParams('a=2&open=2&view=2:items').toString());
  });

  it('resets per-card state when the school year changes', () => {
    const s = parseResultsState(new URLSearchParams('year=2025&a=1&open=1&view=1:items&item=5'));
    const next = withYear(s, 2024);
    expect(serializeResultsState(next).toString()).toBe('year=2024');
    expect(toggleId([1, 2], 2)).toEqual([1]);
    expect(toggleId([1], 2)).toEqual([1, 2]);
  });
});
