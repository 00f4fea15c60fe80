import { type AccessScope, isRoleCode, ROLES, type RoleCode, roleAllowedAt } from '@cers/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import { schoolInScope } from '../scope.js';

type Db = Kysely<Database>;

/** What sign-in needs to know about a login (never returned to clients). */
export type SignInUser = {
  id: number;
  login: string;
  passwordHash: string | null;
  disabled: boolean;
  isSandbox: boolean;
};

export async function findSignInUser(db: Db, login: string): Promise<SignInUser | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'login', 'passwordHash', 'disabled', 'isSandbox'])
    .where(sql`lower(login)`, '=', login.trim().toLowerCase())
    .executeTakeFirst();
}

export async function findUserIdByLogin(db: Db, login: string): Promise<number | undefined> {
  const row = await db.selectFrom('users').select('id').where(sql`lower(login)`, '=', login.trim().toLowerCase()).executeTakeFirst();
  return row?.id;
}

export type NewUser = {
  login: string;
  displayName: string;
  firstName?: string | null;
  lastName?: string | null;
  passwordHash?: string | null;
  isSandbox?: boolean;
};

/** Creates a user; undefined when the login is taken (logins are unique, case-insensitive). */
export async function createUser(db: Db, user: NewUser): Promise<number | undefined> {
  const row = await db
    .insertInto('users')
    .values({
      login: user.login.trim(),
      displayName: user.displayName,
      firstName: user.firstName ?? null,
      lastName: user.lastName ?? null,
      passwordHash: user.passwordHash ?? null,
      isSandbox: user.isSandbox ?? false,
    })
    .onConflict((oc) => oc.expression(sql`lower(login)`).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function setPasswordHash(db: Db, userId: number, passwordHash: string | null): Promise<void> {
  await db.updateTable('users').set({ passwordHash, updatedAt: new Date() }).where('id', '=', userId).execute();
}

export async function setUserDisabled(db: Db, userId: number, disabled: boolean): Promise<void> {
  await db.updateTable('users').set({ disabled, updatedAt: new Date() }).where('id', '=', userId).execute();
}

export type OrgRef = { id: number; type: string; naturalId: string; name: string };

/**
 * Finds an organization by id, CDS/natural id, or "state". Used by `cers user grant` so operators
 * can name a school by its CDS code.
 */
export async function findOrganization(db: Db, ref: string): Promise<OrgRef | undefined> {
  const text = ref.trim();
  const base = db.selectFrom('organizations').select(['id', 'type', 'naturalId', 'name']);
  if (text.toLowerCase() === 'state') {
    // The state exists before any import, so the first state administrator can be created.
    const state = await base.where('type', '=', 'state').orderBy('id').executeTakeFirst();
    if (state) return state;
    return db
      .insertInto('organizations')
      .values({ type: 'state', naturalId: 'CA', name: 'California' })
      .returning(['id', 'type', 'naturalId', 'name'])
      .executeTakeFirst();
  }
  const byNatural = await base
    .where(sql`lower(natural_id)`, '=', text.toLowerCase())
    .where('type', 'in', ['state', 'district', 'school'])
    .orderBy('id')
    .executeTakeFirst();
  if (byNatural) return byNatural;
  if (/^\d{1,9}$/.test(text)) return base.where('id', '=', Number(text)).executeTakeFirst();
  return undefined;
}

export type GrantResult = { ok: true; added: boolean } | { ok: false; reason: string };

/** Grants a TOMS role at an organization of the role's level (school roles at schools, ...). */
export async function grantRole(db: Db, args: { userId: number; role: RoleCode; organizationId: number }): Promise<GrantResult> {
  const org = await db.selectFrom('organizations').select(['type']).where('id', '=', args.organizationId).executeTakeFirst();
  if (!org) return { ok: false, reason: 'organization not found' };
  if (!roleAllowedAt(args.role, org.type))
    return {
      ok: false,
      reason: `${args.role} is granted at ${LEVEL_NAMES[ROLES[args.role].level]}, not at ${LEVEL_NAMES[org.type] ?? org.type}`,
    };
  const row = await db
    .insertInto('userRoles')
    .values(args)
    .onConflict((oc) => oc.columns(['userId', 'role', 'organizationId']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return { ok: true, added: row !== undefined };
}

const LEVEL_NAMES: Record<string, string> = { state: 'the state', district: 'a district (LEA)', school: 'a school' };

export async function revokeRole(db: Db, args: { userId: number; role: RoleCode; organizationId: number }): Promise<boolean> {
  const result = await db
    .deleteFrom('userRoles')
    .where('userId', '=', args.userId)
    .where('role', '=', args.role)
    .where('organizationId', '=', args.organizationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export type UserListRow = {
  id: number;
  login: string;
  displayName: string;
  isSandbox: boolean;
  disabled: boolean;
  hasPassword: boolean;
  hasSingleSignOn: boolean;
  lastLoginAt: Date | null;
  roles: { role: RoleCode; orgId: number; orgType: string; orgNaturalId: string; orgName: string }[];
};

/**
 * Users with their roles. With a scope, only users holding a role at an organization inside it
 * (a district administrator sees the district's users, not other districts').
 */
export async function listUsers(db: Db, args: { scope?: AccessScope; query?: string; limit?: number } = {}): Promise<UserListRow[]> {
  let q = db
    .selectFrom('users as u')
    .select(['u.id', 'u.login', 'u.displayName', 'u.isSandbox', 'u.disabled', 'u.lastLoginAt'])
    .select(sql<boolean>`u.password_hash is not null`.as('hasPassword'))
    .select(sql<boolean>`u.oidc_subject is not null`.as('hasSingleSignOn'))
    .orderBy(sql`lower(u.login)`)
    .limit(args.limit ?? 1000);
  if (args.query) {
    const like = `%${args.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb(sql`lower(u.login)`, 'like', like), eb(sql`lower(u.display_name)`, 'like', like)]));
  }
  const scope = args.scope;
  if (scope && !scope.statewide) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('userRoles as sr')
          .innerJoin('organizations as so', 'so.id', 'sr.organizationId')
          .select(sql`1`.as('one'))
          .whereRef('sr.userId', '=', 'u.id')
          .where(schoolInScope(scope, 'so')),
      ),
    );
  }
  const users = await q.execute();
  if (users.length === 0) return [];
  const roles = await db
    .selectFrom('userRoles as r')
    .innerJoin('organizations as o', 'o.id', 'r.organizationId')
    .select(['r.userId', 'r.role', 'o.id as orgId', 'o.type as orgType', 'o.naturalId as orgNaturalId', 'o.name as orgName'])
    .where(
      'r.userId',
      'in',
      users.map((u) => u.id),
    )
    .orderBy('r.id')
    .execute();
  return users.map((u) => ({
    ...u,
    roles: roles
      .filter((r) => r.userId === u.id)
      .flatMap((r) =>
        isRoleCode(r.role) ? [{ role: r.role, orgId: r.orgId, orgType: r.orgType, orgNaturalId: r.orgNaturalId, orgName: r.orgName }] : [],
      ),
  }));
}

export async function recordSignIn(db: Db, userId: number, at: Date): Promise<void> {
  await db.updateTable('users').set({ lastLoginAt: at, failedLogins: 0, lockedUntil: null }).where('id', '=', userId).execute();
}

/** Users linked to an OpenID Connect identity. */
export async function findUserByOidc(db: Db, issuer: string, subject: string): Promise<{ id: number; disabled: boolean } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'disabled'])
    .where('oidcIssuer', '=', issuer)
    .where('oidcSubject', '=', subject)
    .executeTakeFirst();
}

/**
 * First single sign-on of a provisioned user: link the identity to the user with that e-mail when
 * the user is not linked to another identity yet. Returns the user id, or undefined.
 */
export async function linkOidcByEmail(db: Db, args: { email: string; issuer: string; subject: string }): Promise<number | undefined> {
  const row = await db
    .updateTable('users')
    .set({ oidcIssuer: args.issuer, oidcSubject: args.subject, updatedAt: new Date() })
    .where(sql`lower(login)`, '=', args.email.trim().toLowerCase())
    .where('oidcSubject', 'is', null)
    .where('isSandbox', '=', false)
    .where('disabled', '=', false)
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}
