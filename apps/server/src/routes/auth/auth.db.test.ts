import { type CersDb, createPasswordResetToken, createSession, setPasswordHash, setUserDisabled } from '@cers/db';
import { seedDistrict, seedSchool, seedUser, testDbTargets } from '@cers/db/test';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn } from '../../../test/helpers.js';
import { hashPassword } from '../../auth/passwords.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../plugins/auth.js';

const targets = await testDbTargets();
const PASSWORD = 'Correct-Horse-42-battery';

function sessionCookie(res: { cookies: { name: string; value: string }[] }): string {
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  if (!c) throw new Error('no session cookie');
  return `${SESSION_COOKIE}=${c.value}`;
}

describe.each(targets)('sign-in, sessions and CSRF on $name', ({ create }) => {
  let cers: CersDb;
  let app: FastifyInstance;
  let schoolId: number;
  const login = (body: object, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: body, headers });

  async function userWithPassword(email: string): Promise<number> {
    const id = await seedUser(cers.db, { login: email, roles: [{ role: 'SITE_COORDINATOR', organizationId: schoolId }] });
    await setPasswordHash(cers.db, id, await hashPassword(PASSWORD));
    return id;
  }

  beforeAll(async () => {
    cers = await create();
    app = await buildTestApp(cers);
    const districtId = await seedDistrict(cers.db);
    schoolId = await seedSchool(cers.db, { districtId });
  });
  afterAll(async () => {
    await app.close();
    await cers.close();
  });

  it('signs in with email and password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    await userWithPassword('Ana.Admin@example.org');
    const res = await login({ login: 'ana.admin@EXAMPLE.org', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const body = res.json();
    expect(body.user.login).toBe('Ana.Admin@example.org');
    expect(body.permissions).toContain('INDIVIDUAL_READ');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: sessionCookie(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(body.csrfToken);
    expect(me.json().session.idleMinutes).toBe(30);
  });

  it('marks the cookie Secure when the request came over TLS through a trusted proxy', async () => {
    const proxied = await buildTestApp(cers, { TRUST_PROXY: 'true' });
    try {
      await userWithPassword('tls@example.org');
      const res = await proxied.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'tls@example.org', password: PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
      expect(res.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await proxied.close();
    }
  });

  it('answers a wrong password with 401 and a message that does not reveal whether the account exists', async () => {
    await userWithPassword('bo@example.org');
    const wrong = await login({ login: 'bo@example.org', password: 'nope-nope-nope-1' });
    const unknown = await login({ login: 'nobody@example.org', password: 'nope-nope-nope-1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.json().message).toMatch(/email address or password is incorrect/);
    expect(wrong.cookies.find((c) => c.name === SESSION_COOKIE && c.value !== '')).toBeUndefined();
  });

  it('locks a login for 15 minutes after 5 failures, with a clear message, even for the right password', async () => {
    await userWithPassword('locked@example.org');
    const messages: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await login({ login: 'locked@example.org', password: `wrong-password-${i}` });
      expect(res.statusCode).toBe(401);
      messages.push(res.json().message);
    }
    expect(messages[3]).toMatch(/After 1 more failed attempt the account will be locked for 15 minutes/);
    const fifth = await login({ login: 'locked@example.org', password: 'wrong-password-5' });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().message).toMatch(/Too many failed sign-in attempts.*locked.*Try again in 15 minutes/);
    const right = await login({ login: 'locked@example.org', password: PASSWORD });
    expect(right.statusCode).toBe(429);
    expect(right.json().message).toMatch(/locked/);
    // the same lock applies to logins that do not exist, so lockout does not reveal accounts
    for (let i = 0; i < 5; i++) await login({ login: 'ghost@example.org', password: `wrong-password-${i}` });
    expect((await login({ login: 'ghost@example.org', password: PASSWORD })).statusCode).toBe(429);
    const row = await cers.db
      .selectFrom('users')
      .select(['lockedUntil'])
      .where('login', '=', 'locked@example.org')
      .executeTakeFirstOrThrow();
    expect(row.lockedUntil).not.toBeNull();
  });

  it('rejects malformed sign-in bodies with 400 and a message naming the field', async () => {
    const res = await login({ login: '', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/email address/i);
  });

  it('refuses state-changing requests with a session but without the CSRF token', async () => {
    const userId = await seedUser(cers.db, { roles: [{ role: 'SITE_COORDINATOR', organizationId: schoolId }] });
    const headers = await signIn(cers, userId);
    const without = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: headers.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().message).toMatch(/CSRF/);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: headers.cookie, [CSRF_HEADER]: 'forged' },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(200);
    const ok = await app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(ok.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(401);
  });

  it('ends idle sessions: an expired session answers 401 and clears the cookie', async () => {
    const userId = await seedUser(cers.db, { roles: [{ role: 'SITE_COORDINATOR', organizationId: schoolId }] });
    const past = new Date(Date.now() - 31 * 60_000);
    const session = await createSession(cers.db, { userId, ttlMinutes: 30, now: past });
    const res = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `${SESSION_COOKIE}=${session.token}` } });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/session has expired/);
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    const left = await cers.db.selectFrom('sessions').select('id').where('userId', '=', userId).execute();
    expect(left).toHaveLength(0);
  });

  it('ends the sessions of a disabled user', async () => {
    const userId = await seedUser(cers.db, { roles: [{ role: 'SITE_COORDINATOR', organizationId: schoolId }] });
    const headers = await signIn(cers, userId);
    await setUserDisabled(cers.db, userId, true);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(401);
  });

  it('resets a password with a one-time token: rules first, then single use, then sessions end', async () => {
    const userId = await userWithPassword('reset.me@example.org');
    const headers = await signIn(cers, userId);
    const { token } = await createPasswordResetToken(cers.db, { userId, ttlHours: 24 });
    const reset = (newPassword: string, t = token) =>
      app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token: t, newPassword } });
    const weak = await reset('short1');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toMatch(/at least 12 characters/);
    const named = await reset('reset.me-2025-spring');
    expect(named.statusCode).toBe(400);
    expect(named.json().message).toMatch(/user name/);
    const ok = await reset('Sturdy-new-passphrase-77');
    expect(ok.statusCode).toBe(204);
    expect((await reset('Another-new-passphrase-78')).statusCode).toBe(400);
    expect((await reset('Another-new-passphrase-78', 'x'.repeat(43))).json().message).toMatch(/invalid, has expired or was already used/);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(401);
    expect((await login({ login: 'reset.me@example.org', password: PASSWORD })).statusCode).toBe(401);
    expect((await login({ login: 'reset.me@example.org', password: 'Sturdy-new-passphrase-77' })).statusCode).toBe(200);
  });

  it('does not accept expired reset tokens', async () => {
    const userId = await userWithPassword('late@example.org');
    const { token } = await createPasswordResetToken(cers.db, { userId, ttlHours: 1, now: new Date(Date.now() - 2 * 3_600_000) });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, newPassword: 'Sturdy-new-passphrase-77' },
    });
    expect(res.statusCode).toBe(400);
  });

  it('lists the sign-in options for the sign-in page', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/auth/options' });
    expect(res.json()).toMatchObject({ password: true, oidc: { enabled: false }, sandbox: false });
  });
});
