import { createHash, randomBytes } from 'node:crypto';
import { SESSION_MAX_HOURS } from '@cers/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type NewSession = { token: string; csrfToken: string; expiresAt: Date };
export type SessionMethod = 'password' | 'oidc' | 'sandbox';

/**
 * Creates a session; only the token's hash is stored, so a database leak yields no cookies.
 * The session ends after ttlMinutes without requests (idle) and SESSION_MAX_HOURS after sign-in.
 */
export async function createSession(
  db: Kysely<Database>,
  args: {
    userId: number;
    ttlMinutes: number;
    ip?: string | null;
    userAgent?: string | null;
    now?: Date;
    method?: SessionMethod;
  },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = args.now ?? new Date();
  const expiresAt = new Date(now.getTime() + args.ttlMinutes * 60_000);
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      userId: args.userId,
      csrfToken,
      expiresAt,
      createdAt: now,
      lastSeenAt: now,
      ip: args.ip ?? null,
      userAgent: args.userAgent?.slice(0, 512) ?? null,
      method: args.method ?? 'password',
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export type ActiveSession = { id: string; userId: number; csrfToken: string; expiresAt: Date };

/**
 * Finds a live session and slides its idle expiry, capped at SESSION_MAX_HOURS after sign-in.
 * Undefined when missing or expired; an expired row is removed.
 */
export async function touchSession(
  db: Kysely<Database>,
  token: string,
  args: { ttlMinutes: number; now?: Date },
): Promise<ActiveSession | undefined> {
  const id = hashToken(token);
  const now = args.now ?? new Date();
  const row = await db
    .selectFrom('sessions')
    .select(['id', 'userId', 'csrfToken', 'expiresAt', 'lastSeenAt', 'createdAt'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const hardEnd = row.createdAt.getTime() + SESSION_MAX_HOURS * 3_600_000;
  if (row.expiresAt.getTime() <= now.getTime() || hardEnd <= now.getTime()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  const expiresAt = new Date(Math.min(now.getTime() + args.ttlMinutes * 60_000, hardEnd));
  // Write at most once a minute per session (or a quarter of a short TTL) to keep reads cheap.
  if (now.getTime() - row.lastSeenAt.getTime() > Math.min(60_000, (args.ttlMinutes * 60_000) / 4)) {
    await db.updateTable('sessions').set({ lastSeenAt: now, expiresAt }).where('id', '=', id).execute();
    return { id, userId: row.userId, csrfToken: row.csrfToken, expiresAt };
  }
  return { id, userId: row.userId, csrfToken: row.csrfToken, expiresAt: row.expiresAt };
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

/** Ends every session of a user (password reset, account disabled, roles revoked). */
export async function deleteUserSessions(db: Kysely<Database>, userId: number): Promise<number> {
  const result = await db.deleteFrom('sessions').where('userId', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes sessions past their idle or absolute end; returns how many. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: Date = new Date()): Promise<number> {
  const hardStart = new Date(now.getTime() - SESSION_MAX_HOURS * 3_600_000);
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expiresAt', '<=', now), eb('createdAt', '<=', hardStart)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
