import { type Grant, isRoleCode, type OrgLevel, type Principal } from '@cers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Builds the Principal the domain rules work on: the user's role grants with their organizations,
 * and the assigned groups (not deleted) they teach. Undefined for unknown or disabled users.
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
    .execute();
  const grants: Grant[] = [];
  for (const row of roleRows) {
    if (!isRoleCode(row.role)) continue;
    const orgType: OrgLevel | undefined =
      row.orgType === 'state' ? 'state' : row.orgType === 'district' ? 'district' : row.orgType === 'school' ? 'school' : undefined;
    if (!orgType) continue;
    grants.push({ role: row.role, orgType, orgId: row.orgId, districtId: row.districtId });
  }
  const groups = await db
    .selectFrom('studentGroupTeachers as t')
    .innerJoin('studentGroups as g', 'g.id', 't.groupId')
    .select(['g.id', 'g.subjects'])
    .where('t.userId', '=', userId)
    .where('g.deletedAt', 'is', null)
    .execute();
  return {
    userId: user.id,
    login: user.login,
    displayName: user.displayName,
    grants,
    assignedGroups: groups.map((g) => ({ groupId: g.id, subjects: g.subjects })),
    isSandbox: user.isSandbox,
  };
}
