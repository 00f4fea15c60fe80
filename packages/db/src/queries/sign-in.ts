import { randomBytes } from 'node:crypto';
import { LOCKOUT_POLICY } from '@cers/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import { deleteExpiredSessions, hashToken } from './sessions.js';

type Db = Kysely<Database>;

const normalize = (login: string) => login.trim().toLowerCase().slice(0, 320);

export async function recordLoginAttempt(db: Db, args: { login: string; ip: string | null; succeeded: boolean; at: Date }): Promise<void> {
  await db
    .insertInto('loginAttempts')
    .values({ login: normalize(args.login), ip: args.ip, succeeded: args.succeeded, at: args.at })
    .execute();
}

/**
 * Failed attempts of a login since its last success, newest first, within the window that can
 * still lock it (the pure lockedUntil rule decides). Unknown logins are tracked the same way, so
 * the answer never tells whether an account exists.
 */
export async function recentLoginFailures(db: Db, login: string, now: Date): Promise<Date[]> {
  const since = new Date(now.getTime() - (LOCKOUT_POLICY.windowMinutes + LOCKOUT_POLICY.lockMinutes) * 60_000);
  const key = normalize(login);
  const rows = await db
    .selectFrom('loginAttempts as a')
    .select('a.at')
    .where(sql`lower(a.login)`, '=', key)
    .where('a.at', '>', since)
    .where('a.succeeded', '=', false)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('loginAttempts as ok')
            .select(sql`1`.as('one'))
            .where(sql`lower(ok.login)`, '=', key)
            .where('ok.succeeded', '=', true)
            .whereRef('ok.at', '>=', 'a.at'),
        ),
      ),
    )
    .orderBy('a.at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => r.at);
}

/** Mirrors the lock on the user row (for `cers user list`); null clears it. */
export async function setUserLock(db: Db, login: string, lockedUntil: Date | null, failedLogins: number): Promise<void> {
  await db.updateTable('users').set({ lockedUntil, failedLogins }).where(sql`lower(login)`, '=', normalize(login)).execute();
}

/** Unlocks a login: forgets its recent failures (administrator reset or unlock). */
export async function clearLoginFailures(db: Db, login: string): Promise<void> {
  await db.deleteFrom('loginAttempts').where(sql`lower(login)`, '=', normalize(login)).where('succeeded', '=', false).execute();
  await setUserLock(db, login, null, 0);
}

/** Deletes attempts older than the given date (housekeeping). */
export async function pruneLoginAttempts(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('loginAttempts').where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Issues a one-time password reset token for a user (an administrator runs `cers user
 * reset-password`). Earlier unused tokens of the user are revoked; only the hash is stored.
 */
export async function createPasswordResetToken(
  db: Db,
  args: { userId: number; createdBy?: number | null; ttlHours: number; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const now = args.now ?? new Date();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + args.ttlHours * 3_600_000);
  await db.deleteFrom('passwordResetTokens').where('userId', '=', args.userId).where('usedAt', 'is', null).execute();
  await db
    .insertInto('passwordResetTokens')
    .values({ tokenHash: hashToken(token), userId: args.userId, createdBy: args.createdBy ?? null, createdAt: now, expiresAt })
    .execute();
  return { token, expiresAt };
}

/** The user a live (unused, unexpired) reset token belongs to, without using it up. */
export async function findPasswordResetUser(
  db: Db,
  token: string,
  now: Date = new Date(),
): Promise<{ userId: number; login: string } | undefined> {
  return db
    .selectFrom('passwordResetTokens as t')
    .innerJoin('users as u', 'u.id', 't.userId')
    .select(['u.id as userId', 'u.login'])
    .where('t.tokenHash', '=', hashToken(token))
    .where('t.usedAt', 'is', null)
    .where('t.expiresAt', '>', now)
    .executeTakeFirst();
}

/**
 * Marks a reset token used and returns its user, atomically: a token works once, before it expires.
 * Undefined for unknown, used or expired tokens.
 */
export async function consumePasswordResetToken(db: Db, token: string, now: Date = new Date()): Promise<number | undefined> {
  const row = await db
    .updateTable('passwordResetTokens')
    .set({ usedAt: now })
    .where('tokenHash', '=', hashToken(token))
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .returning('userId')
    .executeTakeFirst();
  return row?.userId;
}

export type OidcRequest = { codeVerifier: string; nonce: string; returnTo: string | null };

export async function createOidcRequest(db: Db, args: OidcRequest & { state: string; ttlMinutes: number; now?: Date }): Promise<void> {
  const now = args.now ?? new Date();
  await db.deleteFrom('oidcRequests').where('expiresAt', '<', now).execute();
  await db
    .insertInto('oidcRequests')
    .values({
      stateHash: hashToken(args.state),
      codeVerifier: args.codeVerifier,
      nonce: args.nonce,
      returnTo: args.returnTo,
      createdAt: now,
      expiresAt: new Date(now.getTime() + args.ttlMinutes * 60_000),
    })
    .execute();
}

/** Takes (deletes and returns) a pending authorization request; each state is usable once. */
export async function takeOidcRequest(db: Db, state: string, now: Date = new Date()): Promise<OidcRequest | undefined> {
  const row = await db
    .deleteFrom('oidcRequests')
    .where('stateHash', '=', hashToken(state))
    .returning(['codeVerifier', 'nonce', 'returnTo', 'expiresAt'])
    .executeTakeFirst();
  if (!row || row.expiresAt.getTime() <= now.getTime()) return undefined;
  return { codeVerifier: row.codeVerifier, nonce: row.nonce, returnTo: row.returnTo };
}

/**
 * Housekeeping of sign-in data: ended sessions, expired SSO requests, used or expired reset tokens
 * (after a week), and sign-in attempts older than the retention (kept for security reviews).
 */
export async function pruneSignInData(
  db: Db,
  args: { now?: Date; attemptRetentionDays?: number } = {},
): Promise<{ sessions: number; oidcRequests: number; resetTokens: number; loginAttempts: number }> {
  const now = args.now ?? new Date();
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const sessions = await deleteExpiredSessions(db, now);
  const oidc = await db.deleteFrom('oidcRequests').where('expiresAt', '<', now).executeTakeFirst();
  const tokens = await db
    .deleteFrom('passwordResetTokens')
    .where((eb) => eb.or([eb('expiresAt', '<', weekAgo), eb('usedAt', '<', weekAgo)]))
    .executeTakeFirst();
  const loginAttempts = await pruneLoginAttempts(db, new Date(now.getTime() - (args.attemptRetentionDays ?? 90) * 86_400_000));
  return { sessions, oidcRequests: Number(oidc.numDeletedRows), resetTokens: Number(tokens.numDeletedRows), loginAttempts };
}
