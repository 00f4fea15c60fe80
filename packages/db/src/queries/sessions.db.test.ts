import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser, testDbTargets } from '../../test/index.js';
import type { CersDb } from '../connect.js';
import { createSession, touchSession } from './sessions.js';
import { createOidcRequest, createPasswordResetToken, pruneSignInData, recordLoginAttempt } from './sign-in.js';

const targets = await testDbTargets();
const MIN = 60_000;

describe.each(targets)('sessions and sign-in housekeeping on $name', ({ create }) => {
  let cers: CersDb;
  let userId: number;
  beforeAll(async () => {
    cers = await create();
    userId = await seedUser(cers.db);
  });
  afterAll(async () => cers.close());

  it('slides the idle expiry on activity and ends an idle session', async () => {
    const t0 = new Date('2025-03-03T08:00:00Z');
    const { token } = await createSession(cers.db, { userId, ttlMinutes: 30, now: t0 });
    const at = (m: number) => new Date(t0.getTime() + m * MIN);
    expect(await touchSession(cers.db, token, { ttlMinutes: 30, now: at(20) })).toMatchObject({ userId, expiresAt: at(50) });
    expect(await touchSession(cers.db, token, { ttlMinutes: 30, now: at(49) })).toBeDefined();
    // each touch slides the end to 30 minutes later; idle after minute 78, the session is gone by 110
    expect(await touchSession(cers.db, token, { ttlMinutes: 30, now: at(78) })).toBeDefined();
    expect(await touchSession(cers.db, token, { ttlMinutes: 30, now: at(110) })).toBeUndefined();
    expect(await touchSession(cers.db, token, { ttlMinutes: 30, now: at(79) })).toBeUndefined(); // the row is gone
  });

  it('ends an active session 12 hours after sign-in', async () => {
    const t0 = new Date('2025-03-04T08:00:00Z');
    const { token } = await createSession(cers.db, { userId, ttlMinutes: 30, now: t0 });
    for (let m = 20; m < 12 * 60; m += 20) {
      expect(await touchSession(cers.db, token, { ttlMinutes: 30, now: new Date(t0.getTime() + m * MIN) })).toBeDefined();
    }
    const last = await touchSession(cers.db, token, { ttlMinutes: 30, now: new Date(t0.getTime() + (12 * 60 - 5) * MIN) });
    expect(last?.expiresAt.getTime()).toBe(t0.getTime() + 12 * 60 * MIN);
    expect(await touchSession(cers.db, token, { ttlMinutes: 30, now: new Date(t0.getTime() + 12 * 60 * MIN + 1000) })).toBeUndefined();
  });

  it('prunes ended sessions, expired SSO requests, old reset tokens and old attempts', async () => {
    const now = new Date('2025-06-01T12:00:00Z');
    await cers.db.deleteFrom('sessions').execute();
    await createSession(cers.db, { userId, ttlMinutes: 30, now: new Date(now.getTime() - 60 * MIN) });
    const live = await createSession(cers.db, { userId, ttlMinutes: 30, now });
    await createOidcRequest(cers.db, {
      state: 's1',
      codeVerifier: 'v',
      nonce: 'n',
      returnTo: null,
      ttlMinutes: 10,
      now: new Date(now.getTime() - 20 * MIN),
    });
    await createPasswordResetToken(cers.db, { userId, ttlHours: 1, now: new Date(now.getTime() - 10 * 86_400_000) });
    await recordLoginAttempt(cers.db, { login: 'x@y.z', ip: null, succeeded: false, at: new Date(now.getTime() - 100 * 86_400_000) });
    await recordLoginAttempt(cers.db, { login: 'x@y.z', ip: null, succeeded: false, at: now });
    expect(await pruneSignInData(cers.db, { now })).toEqual({ sessions: 1, oidcRequests: 1, resetTokens: 1, loginAttempts: 1 });
    expect(await touchSession(cers.db, live.token, { ttlMinutes: 30, now })).toBeDefined();
  });
});
