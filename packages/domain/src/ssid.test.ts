import { describe, expect, it } from 'vitest';
import { isValidSsid, normalizeSsid, studentDisplayName } from './ssid.js';

describe('SSID validation', () => {
  it('accepts exactly ten digits, also when pasted with spaces or dashes', () => {
    expect(isValidSsid('1000003718')).toBe(true);
    expect(isValidSsid(' 100-000-3718 ')).toBe(true);
    expect(normalizeSsid(' 100-000 3718')).toBe('1000003718');
  });

  it('rejects other lengths and non-digits', () => {
    expect(isValidSsid('100000371')).toBe(false);
    expect(isValidSsid('10000037181')).toBe(false);
    expect(isValidSsid('10000O3718')).toBe(false);
    expect(isValidSsid('')).toBe(false);
  });
});

describe('studentDisplayName', () => {
  it('lists students as "Last, First"', () => {
    expect(studentDisplayName({ firstName: 'Ana', lastName: 'Reyes' })).toBe('Reyes, Ana');
    expect(studentDisplayName({ firstName: null, lastName: 'Reyes' })).toBe('Reyes');
    expect(studentDisplayName({ firstName: ' ', lastName: null })).toBe('(no name)');
  });
});
