import type { CersDb } from '@cers/db';
import { seedDistrict, seedSchool, testDbTargets } from '@cers/db/test';
import { SANDBOX_PERSONAS } from '@cers/sandbox';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/helpers.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';

const targets = await testDbTargets();
const persona = (key: string) => SANDBOX_PERSONAS.find((p) => p.key === key) ?? SANDBOX_PERSONAS[0];

describe.each(targets)('CERS Sandbox entry on $name', ({ create }) => {
  let cers: CersDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    cers = await create();
    app = await buildTestApp(cers, { CERS_SANDBOX: 'true' });
    const districtId = await seedDistrict(cers.db);
    const schoolId = await seedSchool(cers.db, { districtId, name: 'Sample Elementary School' });
    // Two of the personas exist (as the sandbox generator writes them); the others do not yet.
    for (const key of ['teacher-elementary', 'district-admin']) {
      const p = persona(key);
      const user = await cers.db
        .insertInto('users')
        .values({ login: p?.login ?? '', displayName: p?.label ?? '', isSandbox: true })
        .returning('id')
        .executeTakeFirstOrThrow();
      const organizationId = key === 'district-admin' ? districtId : schoolId;
      await cers.db
        .insertInto('userRoles')
        .values({ userId: user.id, role: p?.role ?? '', organizationId })
        .execute();
    }
    // A regular user with the same role must never be reachable through the sandbox.
    await cers.db.insertInto('users').values({ login: 'real.teacher@district.example', displayName: 'Real' }).execute();
  });
  afterAll(async () => {
    await app.close();
    await cers.close();
  });

  it('lists the sandbox roles whose users exist, in the documents’ order', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/sandbox/personas' });
    expect(res.statusCode).toBe(200);
    expect(res.json().personas.map((p: { label: string }) => p.label)).toEqual([
      'Teacher: Sample Elementary School',
      'District Administrator: Sample District',
    ]);
  });

  it('enters the sandbox without a password and marks the session as sandbox', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/sandbox/enter', payload: { persona: 'teacher-elementary' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ isSandbox: true, login: persona('teacher-elementary')?.login });
    expect(res.json().teacherOnly).toBe(true);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `${SESSION_COOKIE}=${cookie?.value}` } });
    expect(me.json().user.isSandbox).toBe(true);
    const row = await cers.db.selectFrom('sessions').select('method').orderBy('createdAt', 'desc').executeTakeFirstOrThrow();
    expect(row.method).toBe('sandbox');
  });

  it('answers 404 for unknown or not-yet-loaded roles', async () => {
    for (const key of ['teacher-high', 'nope', 'real.teacher@district.example']) {
      const res = await app.inject({ method: 'POST', url: '/api/sandbox/enter', payload: { persona: key } });
      expect(res.statusCode).toBe(404);
    }
    expect((await app.inject({ method: 'POST', url: '/api/sandbox/enter', payload: {} })).statusCode).toBe(400);
  });

  it('never signs a sandbox user in with a password', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: persona('teacher-elementary')?.login, password: '' },
    });
    expect(res.statusCode).toBe(400);
    const res2 = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: persona('teacher-elementary')?.login, password: 'anything-at-all-1' },
    });
    expect(res2.statusCode).toBe(401);
  });

  it('is closed when CERS_SANDBOX=false, and existing sandbox sessions stop working', async () => {
    const entered = await app.inject({ method: 'POST', url: '/api/sandbox/enter', payload: { persona: 'district-admin' } });
    const cookie = `${SESSION_COOKIE}=${entered.cookies.find((c) => c.name === SESSION_COOKIE)?.value}`;
    const off = await buildTestApp(cers, { CERS_SANDBOX: 'false' });
    try {
      expect((await off.inject({ method: 'GET', url: '/api/sandbox/personas' })).statusCode).toBe(404);
      expect((await off.inject({ method: 'POST', url: '/api/sandbox/enter', payload: { persona: 'district-admin' } })).statusCode).toBe(
        404,
      );
      expect((await off.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
      expect((await off.inject({ method: 'GET', url: '/api/auth/options' })).json().sandbox).toBe(false);
    } finally {
      await off.close();
    }
  });
});
