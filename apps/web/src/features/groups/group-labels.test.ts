import { SUBJECTS } from '@cers/domain';
import { describe, expect, it } from 'vitest';
import type { GroupStudent } from '../../api/groups';
import {
  activeFilterCount,
  addStudents,
  checkedSubjects,
  EMPTY_FILTERS,
  parseSource,
  removeStudent,
  subjectsLabel,
  subjectsValue,
} from './group-labels';

const s = (id: number, lastName: string, firstName: string): GroupStudent => ({
  id,
  ssid: String(1_000_000_000 + id),
  firstName,
  lastName,
  displayName: `${lastName}, ${firstName}`,
  schoolId: 1,
  schoolName: 'School',
  grade: '05',
  gender: null,
  ethnicities: [],
  elas: null,
  iep: null,
  section504: null,
  economicDisadvantage: null,
  migrant: null,
  militaryConnected: null,
});

describe('group editor helpers', () => {
  it('treats every subject checked as "all subjects" (the default)', () => {
    expect(subjectsValue([...SUBJECTS])).toBeNull();
    expect(subjectsValue(['ELA'])).toEqual(['ELA']);
    expect(checkedSubjects(null)).toEqual([...SUBJECTS]);
    expect(subjectsLabel(null)).toBe('All');
    expect(subjectsLabel(['ELA', 'Math'])).toBe('ELA, Math');
  });

  it('adds students once each, sorted by last then first name, and removes them', () => {
    const list = addStudents([s(1, 'Reyes', 'Ana')], [s(2, 'okafor', 'Ben'), s(1, 'Reyes', 'Ana'), s(3, 'Okafor', 'Amy')]);
    expect(list.map((x) => x.id)).toEqual([3, 2, 1]);
    expect(removeStudent(list, 2).map((x) => x.id)).toEqual([3, 1]);
  });

  it('reads the School or Group choice and counts active advanced filters', () => {
    expect(parseSource('school:12')).toEqual({ schoolId: 12 });
    expect(parseSource('group:7')).toEqual({ groupId: 7 });
    expect(parseSource('group:x')).toEqual({});
    expect(parseSource(null)).toEqual({});
    expect(activeFilterCount(EMPTY_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...EMPTY_FILTERS, grade: ['05'], iep: 'yes' })).toBe(2);
  });
});
