/**
 * Sign-in rules (docs/access.md §Sessions): password policy, account lockout, session lifetime.
 * Pure: the server passes the clock in.
 */

/** Lockout after repeated failures (per login, whether or not the account exists). */
export const LOCKOUT_POLICY = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 } as const;

/** Absolute session lifetime; the idle timeout comes from SESSION_TTL_MINUTES. */
export const SESSION_MAX_HOURS = 12;

/** One-time password reset links issued by an administrator. */
export const RESET_TOKEN_TTL_HOURS = 24;

export const PASSWORD_POLICY = { minLength: 12, maxLength: 256 } as const;

/**
 * What is wrong with a new password, as sentences a user can act on (empty = acceptable).
 * NIST SP 800-63B style: length over composition, plus a few checks against obvious choices.
 */
export function passwordProblems(password: string, context: { login?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_POLICY.minLength) {
    problems.push(`Use at least ${PASSWORD_POLICY.minLength} characters.`);
  }
  if (password.length > PASSWORD_POLICY.maxLength) {
    problems.push(`Use at most ${PASSWORD_POLICY.maxLength} characters.`);
  }
  if (!/[A-Za-z]/.test(password) || !/[^A-Za-z]/.test(password)) {
    problems.push('Mix letters with digits or symbols.');
  }
  if (new Set(password.toLowerCase()).size < 5) {
    problems.push('Use more varied characters (not a repeated pattern).');
  }
  const name = context.login?.split('@')[0]?.toLowerCase() ?? '';
  if (name.length >= 3 && password.toLowerCase().includes(name)) {
    problems.push('Do not include your user name.');
  }
  if (/^(password|cers|caaspp|elpac|welcome|letmein|qwerty|123456)/i.test(password)) {
    problems.push('Avoid common words such as "password" or "welcome" at the start.');
  }
  return problems;
}

/**
 * Whether a login is locked, given its failed attempts since the last success (newest first).
 * Locked from the failure that reached the limit within the window, for lockMinutes.
 */
export function lockedUntil(failuresNewestFirst: readonly Date[], now: Date): Date | undefined {
  const { maxFailures, windowMinutes, lockMinutes } = LOCKOUT_POLICY;
  const windowStart = now.getTime() - windowMinutes * 60_000;
  const recent = failuresNewestFirst.filter((d) => d.getTime() > windowStart - lockMinutes * 60_000);
  // Look for maxFailures consecutive-in-window failures ending at some failure f: lock = f + lockMinutes.
  for (let i = 0; i + maxFailures - 1 < recent.length; i++) {
    const newest = recent[i] as Date;
    const oldest = recent[i + maxFailures - 1] as Date;
    if (newest.getTime() - oldest.getTime() <= windowMinutes * 60_000) {
      const until = new Date(newest.getTime() + lockMinutes * 60_000);
      return until.getTime() > now.getTime() ? until : undefined;
    }
  }
  return undefined;
}

/** The message shown when a locked account tries to sign in. */
export function lockoutMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return (
    `Too many failed sign-in attempts: for your security this account is locked. ` +
    `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask your CERS administrator to reset your password.`
  );
}
