import { describe, expect, it } from 'vitest';
import { aggregateScope, type ExamFacts, examInScope, hasPermission, individualScope, type Principal } from './permissions.js';

const base: Principal = { userId: 1, login: 'u@example.org', displayName: 'U', grants: [], assignedGroups: [], isSandbox: false };
const exam: ExamFacts = {
  districtId: 10,
  schoolId: 100,
  subject: 'ELA',
  studentSchoolId: 100,
  studentDistrictId: 10,
  studentGroupIds: [7],
};

describe('roles → permissions', () => {
  it('teacher roles read through groups only and never see administrator tools', () => {
    for (const role of ['TEST_ADMINISTRATOR', 'TEST_EXAMINER', 'IA_ADMINISTRATOR_ONLY', 'EDUCATOR_ROSTER'] as const) {
      const p: Principal = { ...base, grants: [{ role, orgType: 'school', orgId: 100, districtId: 10 }] };
      expect(hasPermission(p, 'GROUP_PII_READ')).toBe(true);
      expect(hasPermission(p, 'INDIVIDUAL_READ')).toBe(false);
      expect(hasPermission(p, 'GROUP_WRITE')).toBe(false);
      expect(individualScope(p)).toMatchObject({ statewide: false, districtIds: [], schoolIds: [] });
    }
  });
  it('a site coordinator reads the school; an LEA coordinator the district; a state role everything', () => {
    const site: Principal = { ...base, grants: [{ role: 'SITE_COORDINATOR', orgType: 'school', orgId: 100, districtId: 10 }] };
    expect(individualScope(site).schoolIds).toEqual([100]);
    const lea: Principal = { ...base, grants: [{ role: 'LEA_COORDINATOR', orgType: 'district', orgId: 10, districtId: 10 }] };
    expect(individualScope(lea).districtIds).toEqual([10]);
    expect(hasPermission(lea, 'EMBARGO_REVIEW')).toBe(true);
    const state: Principal = { ...base, grants: [{ role: 'STATE_ADMIN', orgType: 'state', orgId: 1, districtId: null }] };
    expect(individualScope(state).statewide).toBe(true);
  });
  it('an aggregate-only role has aggregate reach but no individual reach', () => {
    const agg: Principal = { ...base, grants: [{ role: 'DISTRICT_AGGREGATE_VIEWER', orgType: 'district', orgId: 10, districtId: 10 }] };
    expect(individualScope(agg)).toMatchObject({ statewide: false, districtIds: [], schoolIds: [], groups: [] });
    expect(aggregateScope(agg).districtIds).toEqual([10]);
  });
});

describe('examInScope (the pure twin of db/src/scope.ts)', () => {
  it('teachers see exams of their groups’ students, only in the group’s subjects', () => {
    const scope = { statewide: false, districtIds: [], schoolIds: [], groups: [{ groupId: 7, subjects: ['Math'] }] };
    expect(examInScope(scope, { ...exam, subject: 'Math' })).toBe(true);
    expect(examInScope(scope, exam)).toBe(false);
    expect(examInScope({ ...scope, groups: [{ groupId: 7, subjects: null }] }, exam)).toBe(true);
    expect(examInScope({ ...scope, groups: [{ groupId: 8, subjects: null }] }, exam)).toBe(false);
  });
  it('schools see exams taken there and the full history of their current students', () => {
    const scope = { statewide: false, districtIds: [], schoolIds: [100], groups: [] };
    expect(examInScope(scope, exam)).toBe(true);
    expect(examInScope(scope, { ...exam, schoolId: 200, districtId: 20 })).toBe(true); // tested elsewhere, now ours
    expect(examInScope(scope, { ...exam, schoolId: 200, districtId: 20, studentSchoolId: 300, studentDistrictId: 30 })).toBe(false);
  });
  it('an empty scope sees nothing', () => {
    expect(examInScope({ statewide: false, districtIds: [], schoolIds: [], groups: [] }, exam)).toBe(false);
  });
});
