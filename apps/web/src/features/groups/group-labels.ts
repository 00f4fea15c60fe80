import { ELAS_CODES, ETHNICITIES, GENDERS, gradeLabel, K12_GRADES, MILITARY_CODES, SUBJECT_SHORT_LABELS, SUBJECTS } from '@cers/domain';
import type { CandidateQuery, GroupStudent } from '../../api/groups';

/** Labels and option lists shared by the group panels and editors (all from @cers/domain). */

export function subjectsLabel(subjects: readonly string[] | null): string {
  if (subjects === null || subjects.length === 0) return 'All';
  return subjects.map((s) => (SUBJECT_SHORT_LABELS as Record<string, string>)[s] ?? s).join(', ');
}

export const SUBJECT_OPTIONS = SUBJECTS.map((s) => ({ value: s, label: SUBJECT_SHORT_LABELS[s] }));

/** The Subjects field: every subject checked means "all subjects" (null), the default. */
export function subjectsValue(checked: readonly string[]): string[] | null {
  return checked.length === SUBJECTS.length ? null : [...checked];
}

export function checkedSubjects(subjects: readonly string[] | null): string[] {
  return subjects === null ? [...SUBJECTS] : [...subjects];
}

export const GRADE_OPTIONS = K12_GRADES.map((g) => ({ value: g, label: gradeLabel(g) }));
export const GENDER_OPTIONS = Object.entries(GENDERS).map(([value, label]) => ({ value, label }));
export const ETHNICITY_OPTIONS = Object.entries(ETHNICITIES).map(([value, label]) => ({ value, label }));
export const ELAS_OPTIONS = Object.entries(ELAS_CODES).map(([value, label]) => ({ value, label: `${label} (${value})` }));
export const MILITARY_OPTIONS = Object.entries(MILITARY_CODES).map(([value, label]) => ({ value, label }));

/** Advanced filters of the student picker (cers-features.md §5.9), as they travel in the API query. */
export type AdvancedFilters = Pick<
  CandidateQuery,
  'grade' | 'gender' | 'ethnicity' | 'elas' | 'military' | 'iep' | 'section504' | 'economicDisadvantage' | 'migrant'
>;

export const EMPTY_FILTERS: AdvancedFilters = {
  grade: [],
  gender: [],
  ethnicity: [],
  elas: [],
  military: [],
  iep: undefined,
  section504: undefined,
  economicDisadvantage: undefined,
  migrant: undefined,
};

export function activeFilterCount(f: AdvancedFilters): number {
  const lists = [f.grade, f.gender, f.ethnicity, f.elas, f.military].filter((l) => (l?.length ?? 0) > 0).length;
  const flags = [f.iep, f.section504, f.economicDisadvantage, f.migrant].filter((v) => v !== undefined).length;
  return lists + flags;
}

/** The Students List: merge without duplicates, sorted as the server sorts (last, first). */
export function addStudents(current: readonly GroupStudent[], added: readonly GroupStudent[]): GroupStudent[] {
  const byId = new Map(current.map((s) => [s.id, s]));
  for (const s of added) byId.set(s.id, s);
  return [...byId.values()].sort(
    (a, b) =>
      (a.lastName ?? '').localeCompare(b.lastName ?? '', 'en', { sensitivity: 'base' }) ||
      (a.firstName ?? '').localeCompare(b.firstName ?? '', 'en', { sensitivity: 'base' }) ||
      a.id - b.id,
  );
}

export function removeStudent(current: readonly GroupStudent[], id: number): GroupStudent[] {
  return current.filter((s) => s.id !== id);
}

/** "school:12" / "group:7" values of the School or Group filter. */
export function parseSource(value: string | null): { schoolId?: number; groupId?: number } {
  if (!value) return {};
  const [kind, id] = value.split(':');
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0) return {};
  if (kind === 'school') return { schoolId: n };
  if (kind === 'group') return { groupId: n };
  return {};
}
