import type { CersDb } from '@cers/db';
import { seedDistrict, seedSchool, seedUser, testDbTargets } from '@cers/db/test';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn } from '../../test/helpers.js';

const targets = await testDbTargets();

describe.each(targets)('security headers and bad requests on $name', ({ create }) => {
  let cers: CersDb;
  let app: FastifyInstance;
  let headers: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    cers = await create();
    app = await buildTestApp(cers);
    const districtId = await seedDistrict(cers.db);
    const schoolId = await seedSchool(cers.db, { districtId });
    headers = await signIn(cers, await seedUser(cers.db, { roles: [{ role: 'SITE_COORDINATOR', organizationId: schoolId }] }));
  });
  afterAll(async () => {
    await app.close();
    await cers.close();
  });

  it('sends a CSP without inline scripts, and anti-framing and sniffing headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('forbids caching of API answers (student data) but not of health and docs', async () => {
    const me = await app.inject({ method: 'GET', url: '/api/me', headers });
    expect(me.headers['cache-control']).toBe('no-store');
    const signedOut = await app.inject({ method: 'GET', url: '/api/me' });
    expect(signedOut.headers['cache-control']).toBe('no-store');
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.headers['cache-control']).toBeUndefined();
  });

  it('answers malformed JSON with 400 and a plain message', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"login": "a@b.c", ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'INVALID_INPUT', message: 'The request body is not valid JSON.' });
  });

  it('answers a wrong content type with 415 (a cross-site form cannot post text/plain)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: 'login=a&password=b',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toMatch(/application\/json/);
    const form = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: 'login=a&password=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(415);
  });

  it('answers an oversized body with 413', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: JSON.stringify({ login: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers unknown API routes and methods with a JSON 404', async () => {
    for (const [method, url] of [
      ['GET', '/api/does-not-exist'],
      ['DELETE', '/api/me'],
      ['POST', '/api/health'],
    ] as const) {
      const res = await app.inject({ method, url, headers });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toBe('NOT_FOUND');
    }
  });

  it('answers an empty JSON body with 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: '', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
  });

  it('rate-limits sign-in attempts per client address with a 429 message', async () => {
    const limited = await buildTestApp(cers);
    try {
      let last = 0;
      let message = '';
      for (let i = 0; i < 31; i++) {
        const res = await limited.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { login: `spray${i}@example.org`, password: 'x' },
          remoteAddress: '203.0.113.9',
        });
        last = res.statusCode;
        message = res.json().message;
      }
      expect(last).toBe(429);
      expect(message).toMatch(/Too many requests/);
    } finally {
      await limited.close();
    }
  });
});
