import {
  type CersDb,
  clearLoginFailures,
  consumePasswordResetToken,
  deleteUserSessions,
  findPasswordResetUser,
  findSignInUser,
  recentLoginFailures,
  recordLoginAttempt,
  recordSignIn,
  setPasswordHash,
  setUserLock,
} from '@cers/db';
import { AppError, invalidInput, LOCKOUT_POLICY, lockedUntil, lockoutMessage, passwordProblems, unauthenticated } from '@cers/domain';
import { hashPassword, verifyPassword } from './passwords.js';

const WRONG = 'The email address or password is incorrect.';

/**
 * Email + password sign-in with lockout (docs/access.md §Sign-in): 5 failures within 15 minutes
 * lock the login for 15 minutes, whether or not an account exists, so answers never reveal which
 * logins are registered. Returns the user id; throws AppError with a message for the user.
 */
export async function signInWithPassword(
  cers: CersDb,
  args: { login: string; password: string; ip: string | null; now?: Date },
): Promise<number> {
  const now = args.now ?? new Date();
  const { db } = cers;
  const failures = await recentLoginFailures(db, args.login, now);
  const locked = lockedUntil(failures, now);
  if (locked) throw lockedError(locked, now);
  const user = await findSignInUser(db, args.login);
  // Sandbox accounts have no password: they are entered through the Sandbox page only.
  const usable = user && !user.isSandbox ? user : undefined;
  const matches = await verifyPassword(usable?.passwordHash, args.password);
  if (!matches || !usable) {
    await recordLoginAttempt(db, { login: args.login, ip: args.ip, succeeded: false, at: now });
    const all = [now, ...failures];
    const nowLocked = lockedUntil(all, now);
    if (nowLocked) {
      await setUserLock(db, args.login, nowLocked, all.length);
      throw lockedError(nowLocked, now);
    }
    throw unauthenticated(withWarning(all, now));
  }
  if (usable.disabled) throw unauthenticated('This account is disabled. Contact your CERS administrator.');
  await recordLoginAttempt(db, { login: args.login, ip: args.ip, succeeded: true, at: now });
  await recordSignIn(db, usable.id, now);
  return usable.id;
}

function lockedError(until: Date, now: Date): AppError {
  return new AppError('TOO_MANY_REQUESTS', lockoutMessage(until, now), { lockedUntil: until.toISOString() });
}

/** Warns when the next failures will lock the account. */
function withWarning(failuresNewestFirst: Date[], now: Date): string {
  const windowStart = now.getTime() - LOCKOUT_POLICY.windowMinutes * 60_000;
  const inWindow = failuresNewestFirst.filter((d) => d.getTime() > windowStart).length;
  const left = LOCKOUT_POLICY.maxFailures - inWindow;
  if (left > 2) return WRONG;
  return `${WRONG} After ${left} more failed attempt${left === 1 ? '' : 's'} the account will be locked for ${LOCKOUT_POLICY.lockMinutes} minutes.`;
}

const BAD_TOKEN = 'This password reset link is invalid, has expired or was already used. Ask your CERS administrator for a new one.';

/**
 * Sets a new password with a one-time token issued by an administrator (`cers user reset-password`).
 * The password is checked before the token is used up; afterwards every session of the user ends
 * and the lockout is lifted.
 */
export async function resetPasswordWithToken(cers: CersDb, args: { token: string; newPassword: string; now?: Date }): Promise<number> {
  const now = args.now ?? new Date();
  const { db } = cers;
  const owner = await findPasswordResetUser(db, args.token, now);
  if (!owner) throw invalidInput(BAD_TOKEN);
  const problems = passwordProblems(args.newPassword, { login: owner.login });
  if (problems.length > 0) throw invalidInput(`The new password is not accepted: ${problems.join(' ')}`, { problems });
  const hash = await hashPassword(args.newPassword);
  const userId = await consumePasswordResetToken(db, args.token, now);
  if (userId !== owner.userId) throw invalidInput(BAD_TOKEN);
  await setPasswordHash(db, userId, hash);
  await clearLoginFailures(db, owner.login);
  await deleteUserSessions(db, userId);
  return userId;
}
