import { describe, expect, it } from 'vitest';
import type { Principal } from './permissions.js';
import { canCreateUserGroups } from './user-groups.js';

const base: Principal = { userId: 1, login: 'u@example.org', displayName: 'U', grants: [], assignedGroups: [], isSandbox: false };
const teacher: Principal = { ...base, grants: [{ role: 'EDUCATOR_ROSTER', orgType: 'school', orgId: 100, districtId: 10 }] };

describe('canCreateUserGroups', () => {
  it('lets a teacher create My Groups only once a group is assigned to them', () => {
    expect(canCreateUserGroups(teacher)).toMatchObject({ allowed: false });
    expect(canCreateUserGroups({ ...teacher, assignedGroups: [{ groupId: 7, subjects: null }] })).toEqual({ allowed: true });
  });

  it('lets school and district administrators create groups without assigned groups', () => {
    const site: Principal = { ...base, grants: [{ role: 'SITE_COORDINATOR', orgType: 'school', orgId: 100, districtId: 10 }] };
    expect(canCreateUserGroups(site)).toEqual({ allowed: true });
  });

  it('refuses users whose role has no My Groups permission', () => {
    const aggregateOnly: Principal = {
      ...base,
      grants: [{ role: 'DISTRICT_AGGREGATE_VIEWER', orgType: 'district', orgId: 10, districtId: 10 }],
    };
    expect(canCreateUserGroups(aggregateOnly)).toMatchObject({ allowed: false });
  });
});
