import { testDbTargets } from '@cers/db/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/helpers.js';

const targets = await testDbTargets();

describe.each(targets)('GET /api/health on $name', ({ name, create }) => {
  const state: { close?: () => Promise<void>; inject?: Awaited<ReturnType<typeof buildTestApp>>['inject'] } = {};
  beforeAll(async () => {
    const cers = await create();
    const app = await buildTestApp(cers);
    state.inject = app.inject.bind(app);
    state.close = async () => {
      await app.close();
      await cers.close();
    };
  });
  afterAll(async () => state.close?.());

  it('reports the database kind and that it answers', async () => {
    const res = await state.inject?.({ method: 'GET', url: '/api/health' });
    expect(res?.statusCode).toBe(200);
    expect(res?.json()).toMatchObject({ status: 'ok', database: { kind: name, ok: true } });
  });

  it('answers unknown API paths with a JSON 404, not an HTML page', async () => {
    const res = await state.inject?.({ method: 'GET', url: '/api/nope' });
    expect(res?.statusCode).toBe(404);
    expect(res?.json()).toMatchObject({ error: 'NOT_FOUND' });
  });

  it('serves the OpenAPI document', async () => {
    const res = await state.inject?.({ method: 'GET', url: '/api/docs/json' });
    expect(res?.statusCode).toBe(200);
    expect(res?.json().paths).toHaveProperty('/api/health');
  });
});
