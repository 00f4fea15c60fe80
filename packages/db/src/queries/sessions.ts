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

export type ActiveSession = {
  id: string;
  userId: number;
  csrfToken: string;
  expiresAt: Date;
  /** When the idle expiry last slid (written at most once a minute). */
  lastSeenAt: Date;
  createdAt: Date;
};

export type SessionTimes = { expiresAt: Date; lastSeenAt: Date; createdAt: Date };

/**
 * What a request at `now` does to a session (pure; touchSession and the server's session cache
 * share it): the session has ended (idle, or SESSION_MAX_HOURS after sign-in), or it lives on and
 * its idle expiry slides — a write, at most once a minute (or a quarter of a short TTL) to keep
 * reads cheap — or stays.
 */
export function sessionActivity(
  row: SessionTimes,
  args: { ttlMinutes: number; now: Date },
): { ended: true } | { ended: false; slide: boolean; expiresAt: Date } {
  const now = args.now.getTime();
  const hardEnd = row.createdAt.getTime() + SESSION_MAX_HOURS * 3_600_000;
  if (row.expiresAt.getTime() <= now || hardEnd <= now) return { ended: true };
  if (now - row.lastSeenAt.getTime() > Math.min(60_000, (args.ttlMinutes * 60_000) / 4)) {
    return { ended: false, slide: true, expiresAt: new Date(Math.min(now + args.ttlMinutes * 60_000, hardEnd)) };
  }
  return { ended: false, slide: false, expiresAt: row.expiresAt };
}

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
  const activity = sessionActivity(row, { ttlMinutes: args.ttlMinutes, now });
  if (activity.ended) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  const session = { id, userId: row.userId, csrfToken: row.csrfToken, createdAt: row.createdAt };
  if (activity.slide) {
    await db.updateTable('sessions').set({ lastSeenAt: now, expiresAt: activity.expiresAt }).where('id', '=', id).execute();
    return { ...session, expiresAt: activity.expiresAt, lastSeenAt: now };
  }
  return { ...session, expiresAt: row.expiresAt, lastSeenAt: row.lastSeenAt };
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
