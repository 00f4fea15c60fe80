/**
 * Every API route × every role (docs/access.md): the status each role gets, on the sandbox data
 * plus a second district. Routes are enumerated from the app itself (app.routeCatalog, filled by
 * the auth plugin's onRoute hook), so a new route without an entry in access-matrix/table.ts fails
 * here. For data outside a role's scope, the 404 must be indistinguishable from a missing record.
 */
import type { CersDb } from '@cers/db';
import { testDbTargets } from '@cers/db/test';
import type { JobQueue } from '@cers/jobs';
import { openSandboxTestDb } from '@cers/sandbox/test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_MATRIX, type Probe, type ProbeRequest } from './access-matrix/table.js';
import { buildMatrixWorld, type MatrixWorld, ROLE_KEYS, type RoleKey } from './access-matrix/world.js';
import { buildTestApp, signIn } from './helpers.js';

const targets = await testDbTargets();

function routeKeys(app: FastifyInstance): string[] {
  return [
    ...new Set(app.routeCatalog.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`)),
  ].sort();
}

describe.each(targets)('access matrix: every route × every role on $name', ({ name }) => {
  let cers: CersDb;
  let app: FastifyInstance;
  let world: MatrixWorld;
  const headers = new Map<RoleKey, Record<string, string>>();

  beforeAll(async () => {
    cers = await openSandboxTestDb(name);
    world = await buildMatrixWorld(cers);
    app = await buildTestApp(cers, { CERS_SANDBOX: 'true' });
    // Reports are queued for a worker; here a queue that accepts them is enough.
    app.ctx.jobs = { boss: { send: async () => 'matrix-job' }, stop: async () => undefined } as unknown as JobQueue;
    for (const role of ROLE_KEYS) {
      if (role === 'anonymous') headers.set(role, {});
      else headers.set(role, { ...(await signIn(cers, world.users[role])) });
    }
    const upload = await app.inject({
      method: 'POST',
      url: '/api/imports?content=EXAM&filename=matrix.xml',
      headers: { ...headers.get('loader'), 'content-type': 'application/xml' },
      payload: '<TDSReport><Test name="matrix"/></TDSReport>',
    });
    world.importId = upload.json().imports[0].id;
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await cers?.close();
  });

  it('has an entry for every registered API route, and no entry for a route that does not exist', () => {
    const registered = routeKeys(app);
    const missing = registered.filter((key) => !(key in ACCESS_MATRIX));
    expect(missing, 'routes without an access-matrix entry (add them to apps/server/test/access-matrix/table.ts)').toEqual([]);
    const stale = Object.keys(ACCESS_MATRIX).filter((key) => !registered.includes(key));
    expect(stale, 'access-matrix entries for routes that are not registered').toEqual([]);
  });

  async function send(method: string, req: ProbeRequest, role: RoleKey, probe: Probe) {
    let h = headers.get(role) ?? {};
    if (probe.freshSession && role !== 'anonymous') h = { ...(await signIn(cers, world.users[role])) };
    if (req.contentType) h = { ...h, 'content-type': req.contentType };
    const options: InjectOptions = { method: method as InjectOptions['method'], url: req.url, headers: h };
    if (req.payload !== undefined) options.payload = req.payload as InjectOptions['payload'];
    return app.inject(options);
  }

  const entries = Object.entries(ACCESS_MATRIX).flatMap(([key, entry]) => entry.probes.map((probe) => [key, probe] as const));
  it.each(entries.map(([key, probe]) => ({ key, probe, label: `${key} — ${probe.name}` })))('$label', async ({ key, probe }) => {
    const method = key.split(' ')[0] as string;
    const actual: Partial<Record<RoleKey, number>> = {};
    const notFoundBodies = new Map<RoleKey, string>();
    const bodies = new Map<RoleKey, string>();
    for (const role of ROLE_KEYS) {
      const made = probe.setup ? await probe.setup(cers, world, role) : {};
      const res = await send(method, probe.request(world, made, role), role, probe);
      actual[role] = res.statusCode;
      if (res.statusCode !== probe.expect[role]) bodies.set(role, res.body.slice(0, 300));
      expect(res.statusCode, `${key} as ${role}: ${res.body.slice(0, 200)}`).not.toBe(500);
      if (res.statusCode === 404) notFoundBodies.set(role, res.body);
      if (probe.check && res.statusCode === 200) probe.check(role, res.json(), world);
    }
    const wrong = ROLE_KEYS.filter((r) => actual[r] !== probe.expect[r]).map((r) => `${r}: expected ${probe.expect[r]}, got ${actual[r]}`);
    expect(wrong, `${key}\n${[...bodies].map(([r, b]) => `${r}: ${b}`).join('\n')}`).toEqual([]);
    // Out of scope answers exactly like missing (docs/adr/0007-404-for-out-of-scope.md).
    if (probe.missing) {
      for (const [role, body] of notFoundBodies) {
        if (role === 'anonymous') continue;
        const res = await send(method, probe.missing(world), role, probe);
        expect(res.statusCode, `${key} missing record as ${role}`).toBe(404);
        expect(res.body, `${key}: ${role} cannot tell out-of-scope from missing`).toBe(body);
      }
    }
  });
});
