import { type Grant, groupAccessAllowed, isRoleCode, type OrgLevel, type Principal, roleAllowedAt } from '@cers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Builds the Principal the domain rules work on: the user's role grants with their organizations,
 * and the assigned groups (not deleted) they teach at a school where one of their roles reads
 * groups (groupAccessAllowed). Undefined for unknown or disabled users.
 */
export async function findPrincipal(db: Kysely<Database>, userId: number): Promise<Principal | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'login', 'displayName', 'isSandbox', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled) return undefined;
  const roleRows = await db
    .selectFrom('userRoles as r')
    .innerJoin('organizations as o', 'o.id', 'r.organizationId')
    .select(['r.role', 'o.id as orgId', 'o.type as orgType', 'o.districtId'])
    .where('r.userId', '=', userId)
    .orderBy('r.id')
    .execute();
  const grants: Grant[] = [];
  for (const row of roleRows) {
    // A role granted at the wrong level of organization (e.g. a school role at the state) is ignored:
    // it could only widen access by mistake.
    if (!isRoleCode(row.role) || !roleAllowedAt(row.role, row.orgType)) continue;
    grants.push({ role: row.role, orgType: row.orgType as OrgLevel, orgId: row.orgId, districtId: row.districtId });
  }
  const groups = await db
    .selectFrom('studentGroupTeachers as t')
    .innerJoin('studentGroups as g', 'g.id', 't.groupId')
    .select(['g.id', 'g.subjects', 'g.schoolId', 'g.districtId'])
    .where('t.userId', '=', userId)
    .where('g.deletedAt', 'is', null)
    .orderBy('g.id')
    .execute();
  // A group assignment opens students only under a role that covers the group's school.
  const effective = groups.filter((g) => groupAccessAllowed(grants, g));
  return {
    userId: user.id,
    login: user.login,
    displayName: user.displayName,
    grants,
    assignedGroups: effective.map((g) => ({ groupId: g.id, subjects: g.subjects })),
    isSandbox: user.isSandbox,
  };
}
