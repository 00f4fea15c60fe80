import { describe, expect, it } from 'vitest';
import { gradeLabel, normalizeGrade } from './grades.js';
import { parseSchoolYear, schoolYearLabel, schoolYearOf } from './years.js';

describe('school years (stored as the ending year)', () => {
  it('labels 2025 as 2024–25 with an en dash', () => {
    expect(schoolYearLabel(2025)).toBe('2024–25');
    expect(schoolYearLabel(2000)).toBe('1999–00');
    expect(schoolYearLabel(2021)).toBe('2020–21');
  });
  it('parses the forms people and files use', () => {
    expect(parseSchoolYear('2025')).toBe(2025);
    expect(parseSchoolYear(2025)).toBe(2025);
    expect(parseSchoolYear('2024-25')).toBe(2025);
    expect(parseSchoolYear('2024–25')).toBe(2025);
    expect(parseSchoolYear('2016-2017')).toBe(2017);
    expect(parseSchoolYear('1999-00')).toBe(2000);
  });
  it('rejects ranges that are not one year apart and junk', () => {
    expect(parseSchoolYear('2024-26')).toBeUndefined();
    expect(parseSchoolYear('twenty')).toBeUndefined();
    expect(parseSchoolYear(25.5)).toBeUndefined();
  });
  it('starts a school year on July 1', () => {
    expect(schoolYearOf(new Date('2025-06-30T12:00:00Z'))).toBe(2025);
    expect(schoolYearOf(new Date('2025-07-01T12:00:00Z'))).toBe(2026);
  });
});

describe('grades', () => {
  it('pads one-character grades and keeps codes', () => {
    expect(normalizeGrade('4')).toBe('04');
    expect(normalizeGrade('kg')).toBe('KG');
    expect(normalizeGrade('11')).toBe('11');
    expect(normalizeGrade('SIXTHGRADE')).toBeUndefined();
  });
  it('labels grades for people', () => {
    expect(gradeLabel('04')).toBe('Grade 4');
    expect(gradeLabel('KG')).toBe('Kindergarten');
  });
});
