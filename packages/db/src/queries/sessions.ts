import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type NewSession = { token: string; csrfToken: string; expiresAt: Date };

/** Creates a session; only the token's hash is stored, so a database leak yields no cookies. */
export async function createSession(
  db: Kysely<Database>,
  args: { userId: number; ttlMinutes: number; ip?: string | null; userAgent?: string | null; now?: Date },
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
      userAgent: args.userAgent ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export type ActiveSession = { id: string; userId: number; csrfToken: string; expiresAt: Date };

/**
 * Finds a live session and slides its expiry (idle timeout). Undefined when missing or expired;
 * expired rows are removed.
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
    .select(['id', 'userId', 'csrfToken', 'expiresAt', 'lastSeenAt'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.expiresAt.getTime() <= now.getTime()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  const expiresAt = new Date(now.getTime() + args.ttlMinutes * 60_000);
  // Write at most once a minute per session to keep reads cheap.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.updateTable('sessions').set({ lastSeenAt: now, expiresAt }).where('id', '=', id).execute();
    return { id, userId: row.userId, csrfToken: row.csrfToken, expiresAt };
  }
  return { id, userId: row.userId, csrfToken: row.csrfToken, expiresAt: row.expiresAt };
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}
