import { type CersDb, recordAudit } from '@cers/db';
import { seedDistrict, seedSchool, seedStudent, seedUser, testDbTargets } from '@cers/db/test';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn } from '../../../test/helpers.js';

const targets = await testDbTargets();

describe.each(targets)('audit log API on $name', ({ create }) => {
  let cers: CersDb;
  let app: FastifyInstance;
  let adminA: Awaited<ReturnType<typeof signIn>>;
  let state: Awaited<ReturnType<typeof signIn>>;
  let teacher: Awaited<ReturnType<typeof signIn>>;
  let site: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    cers = await create();
    app = await buildTestApp(cers);
    const db = cers.db;
    const districtA = await seedDistrict(db);
    const districtB = await seedDistrict(db);
    const schoolA = await seedSchool(db, { districtId: districtA });
    const schoolB = await seedSchool(db, { districtId: districtB });
    const inA = await seedStudent(db, { ssid: '1111111111', schoolId: schoolA, districtId: districtA });
    const inA2 = await seedStudent(db, { ssid: '1111111112', schoolId: schoolA, districtId: districtA });
    const inB = await seedStudent(db, { ssid: '2222222222', schoolId: schoolB, districtId: districtB });
    const stateOrg = await db.selectFrom('organizations').select('id').where('type', '=', 'state').executeTakeFirstOrThrow();
    adminA = await signIn(cers, await seedUser(db, { roles: [{ role: 'LEA_COORDINATOR', organizationId: districtA }] }));
    state = await signIn(cers, await seedUser(db, { roles: [{ role: 'STATE_ADMIN', organizationId: stateOrg.id }] }));
    teacher = await signIn(cers, await seedUser(db, { roles: [{ role: 'TEST_EXAMINER', organizationId: schoolA }] }));
    site = await signIn(cers, await seedUser(db, { roles: [{ role: 'SITE_COORDINATOR', organizationId: schoolA }] }));
    await recordAudit(db, {
      userId: 1,
      userLogin: 'reader.one@example.org',
      action: 'read-student',
      view: 'student-history',
      studentIds: [inA],
      ip: '10.0.0.1',
    });
    await recordAudit(db, {
      userId: 2,
      userLogin: 'reader.two@example.org',
      action: 'read-group',
      view: 'group-results',
      studentIds: [inA, inA2, inB],
    });
    await recordAudit(db, { userId: 2, userLogin: '=cmd|reader', action: 'export', view: 'student-history', studentIds: [inB] });
  });
  afterAll(async () => {
    await app.close();
    await cers.close();
  });

  const get = (url: string, headers: object) => app.inject({ method: 'GET', url, headers: headers as Record<string, string> });

  it('shows a district administrator only reads of the district’s students, newest first', async () => {
    const res = await get('/api/audit', adminA);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rows.map((r: { ssid: string }) => r.ssid).sort()).toEqual(['1111111111', '1111111111', '1111111112']);
    expect(body.rows.every((r: { ssid: string }) => r.ssid !== '2222222222')).toBe(true);
    expect(body.hasMore).toBe(false);
  });

  it('shows a state administrator every district', async () => {
    const body = (await get('/api/audit', state)).json();
    expect(body.rows).toHaveLength(5);
  });

  it('filters by SSID, user and period, and pages', async () => {
    expect((await get('/api/audit?ssid=1111111112', adminA)).json().rows).toHaveLength(1);
    const byUser = (await get('/api/audit?user=READER.ONE@example.org', adminA)).json().rows;
    expect(byUser).toHaveLength(1);
    expect(byUser[0]).toMatchObject({ view: 'student-history', ip: '10.0.0.1', action: 'read-student' });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await get(`/api/audit?from=${tomorrow}`, adminA)).json().rows).toHaveLength(0);
    expect((await get(`/api/audit?to=${tomorrow}`, adminA)).json().rows).toHaveLength(3);
    const page1 = (await get('/api/audit?pageSize=2', adminA)).json();
    const page2 = (await get('/api/audit?pageSize=2&page=2', adminA)).json();
    expect(page1.hasMore).toBe(true);
    expect(page2.hasMore).toBe(false);
    expect(page2.rows).toHaveLength(1);
  });

  it('exports the filtered log as CSV, formula-safe', async () => {
    const res = await get('/api/audit.csv', state);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="cers-audit-log-/);
    expect(res.headers['cache-control']).toBe('no-store');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('Occurred At (UTC),User,Action,View,SSID,IP Address');
    expect(lines).toHaveLength(6);
    expect(res.body).toContain("'=cmd|reader");
    const mine = await get('/api/audit.csv?ssid=2222222222', adminA);
    expect(mine.body.trim().split('\n')).toHaveLength(1);
  });

  it('is closed to users without the audit permission (403) and to signed-out visitors (401)', async () => {
    expect((await get('/api/audit', teacher)).statusCode).toBe(403);
    expect((await get('/api/audit', site)).statusCode).toBe(403);
    expect((await get('/api/audit.csv', teacher)).statusCode).toBe(403);
    expect((await get('/api/audit', {})).statusCode).toBe(401);
  });

  it('rejects bad filters with 400', async () => {
    expect((await get('/api/audit?ssid=12ab', adminA)).statusCode).toBe(400);
    expect((await get('/api/audit?from=2025-02-01&to=2025-01-01', adminA)).json().message).toMatch(/before its end/);
    expect((await get('/api/audit?page=0', adminA)).statusCode).toBe(400);
    expect((await get('/api/audit?from=yesterday', adminA)).statusCode).toBe(400);
  });
});
