import { describe, expect, it } from 'vitest';
import {
  type AccessScope,
  embargoAllowsExam,
  embargoScope,
  type Grant,
  groupAccessAllowed,
  type Principal,
  roleAllowedAt,
  studentVisible,
} from './permissions.js';

const school = (role: Grant['role'], orgId: number, districtId: number): Grant => ({ role, orgType: 'school', orgId, districtId });
const base: Principal = { userId: 1, login: 'u@x.org', displayName: 'U', grants: [], assignedGroups: [], isSandbox: false };

describe('roles apply at one level of organization', () => {
  it('teacher and site roles at schools, LEA roles at districts, state roles at the state', () => {
    expect(roleAllowedAt('TEST_EXAMINER', 'school')).toBe(true);
    expect(roleAllowedAt('TEST_EXAMINER', 'district')).toBe(false);
    expect(roleAllowedAt('LEA_COORDINATOR', 'district')).toBe(true);
    expect(roleAllowedAt('SITE_COORDINATOR', 'state')).toBe(false);
    expect(roleAllowedAt('STATE_ADMIN', 'state')).toBe(true);
  });
});

describe('group assignments open students only under a role covering the group’s school (ADR 0005)', () => {
  const group = { schoolId: 100, districtId: 10 };
  it('a teacher role at the group’s school', () => {
    expect(groupAccessAllowed([school('EDUCATOR_ROSTER', 100, 10)], group)).toBe(true);
    expect(groupAccessAllowed([school('EDUCATOR_ROSTER', 101, 10)], group)).toBe(false);
  });
  it('a district or state role with group reading covers its schools; aggregate-only roles do not', () => {
    expect(groupAccessAllowed([{ role: 'LEA_COORDINATOR', orgType: 'district', orgId: 10, districtId: 10 }], group)).toBe(true);
    expect(groupAccessAllowed([{ role: 'LEA_COORDINATOR', orgType: 'district', orgId: 11, districtId: 11 }], group)).toBe(false);
    expect(groupAccessAllowed([{ role: 'DISTRICT_AGGREGATE_VIEWER', orgType: 'district', orgId: 10, districtId: 10 }], group)).toBe(false);
    expect(groupAccessAllowed([{ role: 'STATE_ADMIN', orgType: 'state', orgId: 1, districtId: null }], group)).toBe(true);
    expect(groupAccessAllowed([], group)).toBe(false);
  });
});

describe('studentVisible (pure twin of studentInScope)', () => {
  const facts = { studentSchoolId: 100, studentDistrictId: 10, examDistrictIds: [20], examSchoolIds: [200], studentGroupIds: [7] };
  const scope = (s: Partial<AccessScope>): AccessScope => ({ statewide: false, districtIds: [], schoolIds: [], groups: [], ...s });
  it('reaches the student through the current school or district, a school where they tested, or a group (any subject)', () => {
    expect(studentVisible(scope({ schoolIds: [100] }), facts)).toBe(true);
    expect(studentVisible(scope({ districtIds: [10] }), facts)).toBe(true);
    expect(studentVisible(scope({ schoolIds: [200] }), facts)).toBe(true);
    expect(studentVisible(scope({ districtIds: [20] }), facts)).toBe(true);
    expect(studentVisible(scope({ groups: [{ groupId: 7, subjects: ['Math'] }] }), facts)).toBe(true);
    expect(studentVisible(scope({ groups: [{ groupId: 8, subjects: null }], schoolIds: [300] }), facts)).toBe(false);
    expect(studentVisible(scope({ statewide: true }), facts)).toBe(true);
  });
});

describe('embargo (domain.md §Embargo)', () => {
  it('interim results always show; unreleased summative results only to reviewers of the exam’s district', () => {
    const lea: Principal = { ...base, grants: [{ role: 'LEA_COORDINATOR', orgType: 'district', orgId: 10, districtId: 10 }] };
    const teacher: Principal = { ...base, grants: [school('TEST_ADMINISTRATOR', 100, 10)] };
    expect(embargoScope(lea)).toEqual({ reviewStatewide: false, reviewDistrictIds: [10] });
    const unreleased = { assessmentType: 'sum', districtId: 10, released: false };
    expect(embargoAllowsExam(embargoScope(lea), unreleased)).toBe(true);
    expect(embargoAllowsExam(embargoScope(teacher), unreleased)).toBe(false);
    expect(embargoAllowsExam(embargoScope(teacher), { ...unreleased, released: true })).toBe(true);
    expect(embargoAllowsExam(embargoScope(teacher), { ...unreleased, assessmentType: 'iab' })).toBe(true);
    expect(embargoAllowsExam(embargoScope(lea), { ...unreleased, districtId: 20 })).toBe(false);
  });
});
