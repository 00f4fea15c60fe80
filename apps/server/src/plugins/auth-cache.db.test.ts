import { type CersDb, createPasswordResetToken, deleteUserSessions } from '@cers/db';
import { seedDistrict, seedSchool, seedStudent, seedUser, testDbTargets } from '@cers/db/test';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AuthHeaders, buildTestApp, signIn } from '../../test/helpers.js';

const targets = await testDbTargets();
const T0 = new Date('2026-02-02T09:00:00Z').getTime();

/**
 * The session cache of the auth plugin (docs/access.md §Session cache): requests reuse the signed-in
 * user for AUTH_CACHE_SECONDS; what this process changes takes effect at once, what others change
 * within the TTL; expiry and the sliding write behave as without the cache.
 */
describe.each(targets)('auth session cache on $name', ({ create }) => {
  let cers: CersDb;
  let app: FastifyInstance;
  let districtId: number;
  let schoolId: number;

  beforeAll(async () => {
    cers = await create();
    app = await buildTestApp(cers); // default AUTH_CACHE_SECONDS (5)
    districtId = await seedDistrict(cers.db);
    schoolId = await seedSchool(cers.db, { districtId });
  });
  afterAll(async () => {
    await app.close();
    await cers.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const at = (ms: number) => vi.setSystemTime(T0 + ms);
  const me = (headers: Partial<AuthHeaders>, on = app) => on.inject({ method: 'GET', url: '/api/me', headers });
  const permissions = async (headers: AuthHeaders, on = app) => (await me(headers, on)).json().permissions as string[];

  it('reuses the signed-in user for the TTL: changes made elsewhere show once it has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at(0);
    const userId = await seedUser(cers.db, { roles: [{ role: 'TEST_EXAMINER', organizationId: schoolId }] });
    const headers = await signIn(cers, userId);
    expect(await permissions(headers)).not.toContain('INDIVIDUAL_READ');
    // granted by another process (cers user grant)
    await cers.db.insertInto('userRoles').values({ userId, role: 'SITE_COORDINATOR', organizationId: schoolId }).execute();
    at(4_000);
    expect(await permissions(headers)).not.toContain('INDIVIDUAL_READ');
    at(5_000);
    expect(await permissions(headers)).toContain('INDIVIDUAL_READ');
    // sessions ended by another process (cers user disable / revoke)
    await deleteUserSessions(cers.db, userId);
    at(6_000);
    expect((await me(headers)).statusCode).toBe(200);
    at(10_000);
    expect((await me(headers)).statusCode).toBe(401);
  });

  it('asks the database on every request with AUTH_CACHE_SECONDS=0', async () => {
    const uncached = await buildTestApp(cers, { AUTH_CACHE_SECONDS: '0' });
    try {
      const userId = await seedUser(cers.db, { roles: [{ role: 'TEST_EXAMINER', organizationId: schoolId }] });
      const headers = await signIn(cers, userId);
      expect(await permissions(headers, uncached)).not.toContain('INDIVIDUAL_READ');
      await cers.db.insertInto('userRoles').values({ userId, role: 'SITE_COORDINATOR', organizationId: schoolId }).execute();
      expect(await permissions(headers, uncached)).toContain('INDIVIDUAL_READ');
      await deleteUserSessions(cers.db, userId);
      expect((await me(headers, uncached)).statusCode).toBe(401);
    } finally {
      await uncached.close();
    }
  });

  it('ends a cached session at once on sign-out', async () => {
    const headers = await signIn(cers, await seedUser(cers.db, { roles: [{ role: 'SITE_COORDINATOR', organizationId: schoolId }] }));
    expect((await me(headers)).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(204);
    expect((await me(headers)).statusCode).toBe(401);
  });

  it('ends cached sessions at once when the password is reset', async () => {
    const userId = await seedUser(cers.db, {
      login: 'cached.reset@example.org',
      roles: [{ role: 'SITE_COORDINATOR', organizationId: schoolId }],
    });
    const headers = await signIn(cers, userId);
    expect((await me(headers)).statusCode).toBe(200);
    const { token } = await createPasswordResetToken(cers.db, { userId, ttlHours: 1 });
    const reset = await app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, newPassword: 'Sturdy-new-passphrase-77' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await me(headers)).statusCode).toBe(401);
  });

  it('opens a group’s students to its teacher at once when an administrator assigns the group', async () => {
    const teacherId = await seedUser(cers.db, { roles: [{ role: 'TEST_EXAMINER', organizationId: schoolId }] });
    const adminId = await seedUser(cers.db, { roles: [{ role: 'SITE_COORDINATOR', organizationId: schoolId }] });
    const studentId = await seedStudent(cers.db, { schoolId, districtId });
    const teacher = await signIn(cers, teacherId);
    const admin = await signIn(cers, adminId);
    const student = () => app.inject({ method: 'GET', url: `/api/students/${studentId}`, headers: teacher });
    expect((await student()).statusCode).toBe(404);
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/groups',
      headers: admin,
      payload: { name: 'Cached Homeroom', schoolId, schoolYear: 2026, subjects: null, studentIds: [studentId], teacherIds: [teacherId] },
    });
    expect(created.statusCode).toBe(201);
    expect((await student()).statusCode).toBe(200);
    const groupId = created.json().group.id as number;
    expect((await app.inject({ method: 'DELETE', url: `/api/admin/groups/${groupId}`, headers: admin })).statusCode).toBe(204);
    expect((await student()).statusCode).toBe(404);
  });

  it('ends a cached session 12 hours after sign-in', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at(0);
    const userId = await seedUser(cers.db, { roles: [{ role: 'SITE_COORDINATOR', organizationId: schoolId }] });
    const headers = await signIn(cers, userId);
    // signed in 12 hours ago, less two seconds
    await cers.db
      .updateTable('sessions')
      .set({ createdAt: new Date(T0 - 12 * 3_600_000 + 2_000) })
      .where('userId', '=', userId)
      .execute();
    expect((await me(headers)).statusCode).toBe(200);
    at(1_000);
    expect((await me(headers)).statusCode).toBe(200);
    at(2_000);
    expect((await me(headers)).statusCode).toBe(401);
    expect(await cers.db.selectFrom('sessions').select('id').where('userId', '=', userId).execute()).toEqual([]);
  });

  it('slides the idle expiry at most once a minute (a quarter of a short TTL), also for a cached session', async () => {
    const slow = await buildTestApp(cers, { AUTH_CACHE_SECONDS: '60', SESSION_TTL_MINUTES: '2' });
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      at(0);
      const userId = await seedUser(cers.db, { roles: [{ role: 'SITE_COORDINATOR', organizationId: schoolId }] });
      const headers = await signIn(cers, userId);
      const row = () =>
        cers.db.selectFrom('sessions').select(['lastSeenAt', 'expiresAt']).where('userId', '=', userId).executeTakeFirstOrThrow();
      // signIn() made a 30-minute session; this server's 2-minute TTL applies from the first slide
      expect((await me(headers, slow)).json().session.expiresAt).toBe(new Date(T0 + 30 * 60_000).toISOString());
      at(20_000);
      expect((await me(headers, slow)).statusCode).toBe(200);
      expect((await row()).lastSeenAt.getTime()).toBe(T0);
      at(31_000);
      expect((await me(headers, slow)).json().session.expiresAt).toBe(new Date(T0 + 151_000).toISOString());
      expect(await row()).toEqual({ lastSeenAt: new Date(T0 + 31_000), expiresAt: new Date(T0 + 151_000) });
      // idle past the slid end: over
      at(152_000);
      expect((await me(headers, slow)).statusCode).toBe(401);
    } finally {
      await slow.close();
    }
  });
});
