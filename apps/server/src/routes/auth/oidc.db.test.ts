import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CersDb } from '@cers/db';
import { seedDistrict, seedSchool, seedUser, testDbTargets } from '@cers/db/test';
import type { FastifyInstance } from 'fastify';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/helpers.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';
import { OIDC_COOKIE } from './oidc.routes.js';

const targets = await testDbTargets();
const REDIRECT = 'http://cers.test/api/auth/oidc/callback';

/** Accounts of the local OpenID provider: account id → e-mail claims. */
const ACCOUNTS: Record<string, { email: string; email_verified: boolean }> = {
  'sub-teacher': { email: 'Oidc.Teacher@example.org', email_verified: true },
  'sub-stranger': { email: 'stranger@example.org', email_verified: true },
  'sub-unverified': { email: 'victim@example.org', email_verified: false },
};

/** A local OpenID Connect provider (oidc-provider) on a random port, with its dev login screens. */
async function startProvider(): Promise<{ issuer: string; close: () => Promise<void> }> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'cers',
        client_secret: 'cers-test-secret-cers-test-secret',
        redirect_uris: [REDIRECT],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    findAccount: (_ctx, id) => {
      const account = ACCOUNTS[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
  });
  server.on('request', provider.callback());
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Plays the browser at the provider: follows redirects, submits the login and consent forms. */
async function browseProvider(start: string, accountId: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = start;
  let method: 'GET' | 'POST' = 'GET';
  let body: string | undefined;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(REDIRECT)) return url;
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) jar.set(name.trim(), value.join('='));
    }
    method = 'GET';
    body = undefined;
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`provider page without a form (${res.status})`);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? 'login';
    url = new URL(action, url).href;
    method = 'POST';
    body = prompt === 'login' ? `prompt=login&login=${encodeURIComponent(accountId)}&password=any` : 'prompt=consent';
  }
  throw new Error('too many steps at the provider');
}

describe.each(targets)('OpenID Connect single sign-on on $name', ({ create }) => {
  let cers: CersDb;
  let app: FastifyInstance;
  let idp: Awaited<ReturnType<typeof startProvider>>;
  let teacherId: number;

  /** The whole round trip: CERS → provider → CERS callback. Returns the callback answer. */
  async function sso(accountId: string, returnTo = '/') {
    const start = await app.inject({ method: 'GET', url: `/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}` });
    expect(start.statusCode).toBe(302);
    const state = start.cookies.find((c) => c.name === OIDC_COOKIE);
    expect(state).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc' });
    const providerUrl = new URL(String(start.headers.location));
    expect(providerUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(providerUrl.searchParams.get('redirect_uri')).toBe(REDIRECT);
    const back = new URL(await browseProvider(providerUrl.href, accountId));
    const url = `${back.pathname}${back.search}`;
    const callback = await app.inject({ method: 'GET', url, headers: { cookie: `${OIDC_COOKIE}=${state?.value}` } });
    return { callback, url, stateCookie: state?.value ?? '' };
  }

  beforeAll(async () => {
    idp = await startProvider();
    cers = await create();
    app = await buildTestApp(cers, {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: 'cers',
      OIDC_CLIENT_SECRET: 'cers-test-secret-cers-test-secret',
      OIDC_REDIRECT_URL: REDIRECT,
    });
    const districtId = await seedDistrict(cers.db);
    const schoolId = await seedSchool(cers.db, { districtId });
    teacherId = await seedUser(cers.db, {
      login: 'oidc.teacher@example.org',
      roles: [{ role: 'TEST_EXAMINER', organizationId: schoolId }],
    });
    await seedUser(cers.db, { login: 'victim@example.org', roles: [{ role: 'SITE_COORDINATOR', organizationId: schoolId }] });
  });
  afterAll(async () => {
    await app.close();
    await cers.close();
    await idp.close();
  });

  it('signs a provisioned user in through the provider, matching by e-mail the first time', async () => {
    const { callback } = await sso('sub-teacher', '/students?x=1');
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/students?x=1');
    const session = callback.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `${SESSION_COOKIE}=${session?.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(teacherId);
    const row = await cers.db
      .selectFrom('users')
      .select(['oidcIssuer', 'oidcSubject'])
      .where('id', '=', teacherId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ oidcIssuer: idp.issuer, oidcSubject: 'sub-teacher' });
  });

  it('recognises the linked identity on later sign-ins even when the e-mail changes', async () => {
    await cers.db.updateTable('users').set({ login: 'renamed.teacher@example.org' }).where('id', '=', teacherId).execute();
    const { callback } = await sso('sub-teacher');
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/');
    expect(callback.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBeTruthy();
  });

  it('turns away identities with no CERS account, and never links an unverified e-mail', async () => {
    for (const account of ['sub-stranger', 'sub-unverified']) {
      const { callback } = await sso(account);
      expect(callback.statusCode).toBe(302);
      expect(callback.headers.location).toBe('/signin?error=sso-unknown-user');
      expect(callback.cookies.find((c) => c.name === SESSION_COOKIE && c.value)).toBeUndefined();
    }
    const victim = await cers.db
      .selectFrom('users')
      .select('oidcSubject')
      .where('login', '=', 'victim@example.org')
      .executeTakeFirstOrThrow();
    expect(victim.oidcSubject).toBeNull();
  });

  it('rejects a callback from another browser (state cookie missing) and a replayed callback', async () => {
    const start = await app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
    const state = start.cookies.find((c) => c.name === OIDC_COOKIE)?.value;
    const back = new URL(await browseProvider(String(start.headers.location), 'sub-teacher'));
    const url = `${back.pathname}${back.search}`;
    const foreign = await app.inject({ method: 'GET', url });
    expect(foreign.headers.location).toBe('/signin?error=sso-expired');
    const first = await app.inject({ method: 'GET', url, headers: { cookie: `${OIDC_COOKIE}=${state}` } });
    expect(first.headers.location).toBe('/');
    const replay = await app.inject({ method: 'GET', url, headers: { cookie: `${OIDC_COOKIE}=${state}` } });
    expect(replay.headers.location).toBe('/signin?error=sso-expired');
  });

  it('never redirects outside the app after sign-in', async () => {
    const { callback } = await sso('sub-teacher', '//evil.example/phish');
    expect(callback.headers.location).toBe('/');
  });

  it('reports single sign-on as available on the sign-in options', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/auth/options' });
    expect(res.json().oidc).toEqual({ enabled: true, loginUrl: '/api/auth/oidc/login' });
  });
});

describe.each(targets)('single sign-on when not configured on $name', ({ create }) => {
  it('answers 404 for the OIDC endpoints', async () => {
    const cers = await create();
    const app = await buildTestApp(cers);
    try {
      expect((await app.inject({ method: 'GET', url: '/api/auth/oidc/login' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=y' })).statusCode).toBe(404);
    } finally {
      await app.close();
      await cers.close();
    }
  });
});
