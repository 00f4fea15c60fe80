import { describe, expect, it } from 'vitest';
import { LOCKOUT_POLICY, lockedUntil, lockoutMessage, passwordProblems } from './sign-in.js';

const MIN = 60_000;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MIN);

describe('password rules', () => {
  it('accepts a long mixed passphrase', () => {
    expect(passwordProblems('Correct-Horse-42-battery', { login: 'pat.lee@alameda.example' })).toEqual([]);
  });
  it('explains each problem in words a user can act on', () => {
    expect(passwordProblems('Short1')).toContain('Use at least 12 characters.');
    expect(passwordProblems('onlylettersherexyz')).toContain('Mix letters with digits or symbols.');
    expect(passwordProblems('abababababab12')).toContain('Use more varied characters (not a repeated pattern).');
    expect(passwordProblems('pat.lee-2025-spring!', { login: 'Pat.Lee@alameda.example' })).toContain('Do not include your user name.');
    expect(passwordProblems('Password-2025-xyz')).toContain('Avoid common words such as "password" or "welcome" at the start.');
    expect(passwordProblems(`${'x'.repeat(300)}1`)).toContain('Use at most 256 characters.');
  });
});

describe('lockout', () => {
  const now = new Date('2025-03-03T10:00:00Z');
  it(`locks after ${LOCKOUT_POLICY.maxFailures} failures within ${LOCKOUT_POLICY.windowMinutes} minutes, for ${LOCKOUT_POLICY.lockMinutes} minutes from the last`, () => {
    const failures = [0, -1, -2, -3, -4].map((m) => at(now, m));
    expect(lockedUntil(failures.slice(0, 4), now)).toBeUndefined();
    expect(lockedUntil(failures, now)).toEqual(at(now, 15));
    expect(lockedUntil(failures, at(now, 14))).toEqual(at(now, 15));
    expect(lockedUntil(failures, at(now, 15))).toBeUndefined();
  });
  it('does not lock for failures spread over more than the window', () => {
    const failures = [0, -4, -8, -12, -16].map((m) => at(now, m));
    expect(lockedUntil(failures, now)).toBeUndefined();
  });
  it('says how long the lock lasts', () => {
    expect(lockoutMessage(at(now, 15), now)).toMatch(/locked\. Try again in 15 minutes/);
    expect(lockoutMessage(at(now, 0.5), now)).toMatch(/Try again in 1 minute,/);
  });
});
