import {
  type CersDb,
  clearLoginFailures,
  createPasswordResetToken,
  createUser,
  deleteUserSessions,
  findOrganization,
  findUserIdByLogin,
  grantRole,
  listUsers,
  revokeRole,
  setPasswordHash,
  setUserDisabled,
} from '@cers/db';
import { isRoleCode, passwordProblems, RESET_TOKEN_TTL_HOURS, ROLES, type RoleCode, roleAllowedAt } from '@cers/domain';
import { ConfigError, hashPassword, loadConfig } from '@cers/server';
import { Command } from 'commander';
import { fail, withDb } from '../context.js';

/** Thrown by the actions for an operator mistake; the command prints it and exits 1. */
export class UserCommandError extends Error {}

async function userId(cers: CersDb, login: string): Promise<number> {
  const id = await findUserIdByLogin(cers.db, login);
  if (id === undefined) throw new UserCommandError(`No user with login ${login}. See: cers user list`);
  return id;
}

function roleCode(text: string): RoleCode {
  const code = text.trim().toUpperCase().replaceAll('-', '_');
  if (!isRoleCode(code)) throw new UserCommandError(`Unknown role ${text}. Roles: ${Object.keys(ROLES).join(', ')} (see: cers user roles)`);
  return code;
}

async function organization(cers: CersDb, ref: string) {
  const org = await findOrganization(cers.db, ref);
  if (!org) throw new UserCommandError(`No organization ${ref}: use a CDS code, an organization id, or "state"`);
  return org;
}

export type AddUserOptions = {
  login: string;
  name: string;
  password?: string | undefined;
  role?: string | undefined;
  org?: string | undefined;
};

/** cers user add: creates a user, optionally with a password and a first role. */
export async function addUser(cers: CersDb, o: AddUserOptions): Promise<string> {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(o.login)) throw new UserCommandError(`${o.login} is not an email address`);
  if ((o.role && !o.org) || (!o.role && o.org)) throw new UserCommandError('--role and --org go together');
  if (o.password !== undefined) {
    const problems = passwordProblems(o.password, { login: o.login });
    if (problems.length > 0) throw new UserCommandError(`Password not accepted: ${problems.join(' ')}`);
  }
  // Check the role and organization before creating anything.
  if (o.role && o.org) {
    const role = roleCode(o.role);
    const org = await organization(cers, o.org);
    if (!roleAllowedAt(role, org.type))
      throw new UserCommandError(`Cannot grant ${role} at ${org.name}: it is granted at a ${ROLES[role].level}`);
  }
  const passwordHash = o.password === undefined ? null : await hashPassword(o.password);
  const id = await createUser(cers.db, { login: o.login, displayName: o.name, passwordHash });
  if (id === undefined) throw new UserCommandError(`A user with login ${o.login} already exists`);
  const lines = [`Created user ${o.login} (id ${id}).`];
  if (o.role && o.org) lines.push(await grant(cers, { login: o.login, role: o.role, org: o.org }));
  if (o.password === undefined)
    lines.push(`No password set: run "cers user reset-password ${o.login}" to issue a sign-in link, or use single sign-on.`);
  return lines.join('\n');
}

export async function grant(cers: CersDb, o: { login: string; role: string; org: string }): Promise<string> {
  const id = await userId(cers, o.login);
  const role = roleCode(o.role);
  const org = await organization(cers, o.org);
  const result = await grantRole(cers.db, { userId: id, role, organizationId: org.id });
  if (!result.ok) throw new UserCommandError(`Cannot grant ${role}: ${result.reason}`);
  const what = `${ROLES[role].label} at ${org.name} (${org.naturalId})`;
  return result.added ? `Granted ${what} to ${o.login}.` : `${o.login} already has ${what}.`;
}

export async function revoke(cers: CersDb, o: { login: string; role: string; org: string }): Promise<string> {
  const id = await userId(cers, o.login);
  const role = roleCode(o.role);
  const org = await organization(cers, o.org);
  if (!(await revokeRole(cers.db, { userId: id, role, organizationId: org.id }))) {
    throw new UserCommandError(`${o.login} does not have ${role} at ${org.name}`);
  }
  // Access changes take effect on the next request; end sessions so nothing stays cached in a page.
  await deleteUserSessions(cers.db, id);
  return `Revoked ${ROLES[role].label} at ${org.name} from ${o.login}; their sessions were ended.`;
}

export async function list(cers: CersDb, o: { search?: string | undefined }): Promise<string> {
  const users = await listUsers(cers.db, { query: o.search });
  if (users.length === 0) return 'No users.';
  const now = Date.now();
  const locks = await cers.db.selectFrom('users').select(['id', 'lockedUntil']).where('lockedUntil', '>', new Date(now)).execute();
  const locked = new Set(locks.map((l) => l.id));
  return users
    .map((u) => {
      const how =
        [u.hasPassword ? 'password' : '', u.hasSingleSignOn ? 'SSO' : '', u.isSandbox ? 'sandbox' : ''].filter(Boolean).join('+') ||
        'no sign-in yet';
      const status = [u.disabled ? 'DISABLED' : '', locked.has(u.id) ? 'LOCKED' : ''].filter(Boolean).join(' ');
      const roles = u.roles.map((r) => `${r.role}@${r.orgNaturalId}`).join(', ') || 'no roles';
      return `${u.login}\t${u.displayName}\t${how}${status ? `\t${status}` : ''}\n    ${roles}`;
    })
    .join('\n');
}

/** Issues a one-time reset link; earlier unused links of the user stop working. */
export async function resetPassword(cers: CersDb, o: { login: string; baseUrl: string; hours: number }): Promise<string> {
  const id = await userId(cers, o.login);
  const { token, expiresAt } = await createPasswordResetToken(cers.db, { userId: id, ttlHours: o.hours });
  const link = `${o.baseUrl.replace(/\/$/, '')}/reset-password#token=${token}`;
  return [
    `One-time password reset link for ${o.login} (valid until ${expiresAt.toISOString()}):`,
    link,
    `Token (for POST /api/auth/reset-password): ${token}`,
    'Give it to the user through a trusted channel. It works once.',
  ].join('\n');
}

export async function setDisabled(cers: CersDb, o: { login: string; disabled: boolean }): Promise<string> {
  const id = await userId(cers, o.login);
  await setUserDisabled(cers.db, id, o.disabled);
  if (o.disabled) await deleteUserSessions(cers.db, id);
  return o.disabled ? `Disabled ${o.login}; their sessions were ended.` : `Enabled ${o.login}.`;
}

export async function unlock(cers: CersDb, o: { login: string }): Promise<string> {
  await userId(cers, o.login);
  await clearLoginFailures(cers.db, o.login);
  return `Unlocked ${o.login}.`;
}

export async function setPassword(cers: CersDb, o: { login: string; password: string }): Promise<string> {
  const id = await userId(cers, o.login);
  const problems = passwordProblems(o.password, { login: o.login });
  if (problems.length > 0) throw new UserCommandError(`Password not accepted: ${problems.join(' ')}`);
  await setPasswordHash(cers.db, id, await hashPassword(o.password));
  await clearLoginFailures(cers.db, o.login);
  await deleteUserSessions(cers.db, id);
  return `Password set for ${o.login}; their sessions were ended.`;
}

export function rolesHelp(): string {
  return Object.entries(ROLES)
    .map(([code, r]) => `${code.padEnd(26)} ${r.level.padEnd(9)} ${r.label}\n${' '.repeat(37)}${r.permissions.join(', ')}`)
    .join('\n');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function run(action: (cers: CersDb) => Promise<string>): Promise<void> {
  return withDb(async (cers) => {
    try {
      process.stdout.write(`${await action(cers)}\n`);
    } catch (error) {
      if (error instanceof UserCommandError) fail(error.message);
      throw error;
    }
  });
}

function resetBaseUrl(): string {
  try {
    const config = loadConfig();
    return config.publicUrl ?? `http://localhost:${config.port}`;
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

/** `cers user …`: accounts and TOMS roles (docs/access.md §Administration). */
export function userCommand(): Command {
  const user = new Command('user').description('manage users, roles and passwords');
  user
    .command('add <login>')
    .description('create a user (login = email address)')
    .requiredOption('--name <display name>', 'name shown in the header')
    .option('--role <role>', 'grant this role (see: cers user roles)')
    .option('--org <organization>', 'at this organization: CDS code, id, or "state"')
    .option('--password-stdin', 'read a password from standard input (otherwise issue a reset link)')
    .action(async (login: string, o: { name: string; role?: string; org?: string; passwordStdin?: boolean }) => {
      const password = o.passwordStdin ? await readStdin() : undefined;
      await run((cers) => addUser(cers, { login, name: o.name, password, role: o.role, org: o.org }));
    });
  user
    .command('grant <login> <role> <organization>')
    .description('grant a role at an organization (CDS code, id, or "state")')
    .action((login: string, role: string, org: string) => run((cers) => grant(cers, { login, role, org })));
  user
    .command('revoke <login> <role> <organization>')
    .description('revoke a role at an organization and end the user’s sessions')
    .action((login: string, role: string, org: string) => run((cers) => revoke(cers, { login, role, org })));
  user
    .command('list')
    .description('list users with their roles and sign-in methods')
    .option('--search <text>', 'only logins or names containing the text')
    .action((o: { search?: string }) => run((cers) => list(cers, o)));
  user
    .command('reset-password <login>')
    .description('print a one-time password reset link for the user')
    .option('--hours <n>', 'hours the link stays valid', String(RESET_TOKEN_TTL_HOURS))
    .action((login: string, o: { hours: string }) => {
      const hours = Number(o.hours);
      if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 14) fail('--hours must be a whole number from 1 to 336');
      const baseUrl = resetBaseUrl();
      return run((cers) => resetPassword(cers, { login, baseUrl, hours }));
    });
  user
    .command('set-password <login>')
    .description('set a password read from standard input')
    .action(async (login: string) => {
      const password = await readStdin();
      await run((cers) => setPassword(cers, { login, password }));
    });
  user
    .command('disable <login>')
    .description('disable a user and end their sessions')
    .action((login: string) => run((cers) => setDisabled(cers, { login, disabled: true })));
  user
    .command('enable <login>')
    .description('enable a disabled user')
    .action((login: string) => run((cers) => setDisabled(cers, { login, disabled: false })));
  user
    .command('unlock <login>')
    .description('lift a sign-in lockout after repeated failures')
    .action((login: string) => run((cers) => unlock(cers, { login })));
  user
    .command('roles')
    .description('list the roles, the organization level they apply at, and their permissions')
    .action(() => {
      process.stdout.write(`${rolesHelp()}\n`);
    });
  return user;
}
