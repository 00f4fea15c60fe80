import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CersDb } from '@cers/db';
import { seedDistrict, seedSchool, seedState, seedUser, testDbTargets } from '@cers/db/test';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHeaders, buildTestApp, signIn } from '../../../test/helpers.js';

const targets = await testDbTargets();
const FIX = join(import.meta.dirname, '..', '..', '..', '..', '..', 'packages', 'ingest', 'test', 'fixtures');
const fixture = (p: string) => readFileSync(join(FIX, p));

function multipart(files: { name: string; bytes: Buffer }[]): { payload: Buffer; contentType: string } {
  const boundary = '----cers-test-boundary';
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    parts.push(f.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(targets)('imports API on $name', ({ create }) => {
  let cers: CersDb;
  let app: FastifyInstance;
  let loader: AuthHeaders;
  let coordinator: AuthHeaders;
  let teacher: AuthHeaders;

  beforeAll(async () => {
    cers = await create();
    const state = await seedState(cers.db);
    const district = await seedDistrict(cers.db, { naturalId: 'DISTRICT2' });
    const school = await seedSchool(cers.db, { districtId: district, naturalId: 'DS9002' });
    await cers.db
      .insertInto('subjects')
      .values([
        { code: 'ELA', name: 'ELA' },
        { code: 'Math', name: 'Math' },
      ])
      .execute();
    loader = await signIn(cers, await seedUser(cers.db, { roles: [{ role: 'DATA_LOADER', organizationId: state }] }));
    coordinator = await signIn(cers, await seedUser(cers.db, { roles: [{ role: 'SITE_COORDINATOR', organizationId: school }] }));
    teacher = await signIn(cers, await seedUser(cers.db, { roles: [{ role: 'TEST_EXAMINER', organizationId: school }] }));
    app = await buildTestApp(cers);
  });
  afterAll(async () => {
    await app.close();
    await cers.close();
  });

  const post = (headers: object, payload: Buffer | string, url = '/api/imports', contentType = 'application/xml') =>
    app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': contentType }, payload });

  it('requires a session, and the data-load permission (teachers get 403)', async () => {
    expect((await post({}, '<x/>')).statusCode).toBe(401);
    const r = await post(teacher, fixture('subjects/ELA_subject.xml'));
    expect(r.statusCode).toBe(403);
  });

  it('imports a raw XML body bigger than the 1 MB default limit and answers with its final status', async () => {
    const big = Buffer.concat([Buffer.from('<TDSReport>'), Buffer.alloc(2 * 1024 * 1024, 'a'), Buffer.from('</TDSReport>')]);
    const r = await post(loader, big, '/api/imports?content=EXAM&filename=big.xml');
    expect(r.statusCode).toBe(201);
    expect(r.json().imports[0]).toMatchObject({ content: 'EXAM', status: 'BAD_FORMAT', filename: 'big.xml', payloadSize: big.length });
  });

  it('detects the content, stores the subject, and returns the earlier import for the same bytes', async () => {
    const first = await post(loader, fixture('subjects/ELA_subject.xml'));
    expect(first.statusCode).toBe(201);
    const rec = first.json().imports[0];
    expect(rec).toMatchObject({
      content: 'SUBJECT',
      status: 'PROCESSED',
      message: 'Subject ELA (ELA) processed',
      digest: expect.stringMatching(/^[0-9A-F]{32}$/),
    });
    const again = await post(loader, fixture('subjects/ELA_subject.xml'));
    expect(again.json().imports[0]).toMatchObject({ id: rec.id, duplicate: true, status: 'PROCESSED' });
  });

  it('accepts multipart uploads of several files; JSON organizations keep their raw bytes', async () => {
    const { payload, contentType } = multipart([
      { name: 'organization.json', bytes: fixture('organizations/organization.json') },
      { name: 'noname.json', bytes: fixture('organizations/organization.noname.json') },
    ]);
    const r = await post(loader, payload, '/api/imports', contentType);
    expect(r.statusCode).toBe(201);
    expect(r.json().imports.map((i: { status: string; filename: string }) => [i.filename, i.status])).toEqual([
      ['organization.json', 'PROCESSED'],
      ['noname.json', 'BAD_DATA'],
    ]);
    const id = r.json().imports[0].id;
    const raw = await app.inject({ method: 'GET', url: `/api/imports/${id}/payload`, headers: loader });
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-disposition']).toContain('organization.json');
    expect(raw.rawPayload.equals(fixture('organizations/organization.json'))).toBe(true);
    // Downloading a raw file is recorded in the audit log: who, which file, from where.
    const audit = await cers.db
      .selectFrom('auditLog')
      .select(['action', 'view', 'studentId', 'detail'])
      .where('view', '=', 'import-payload')
      .execute();
    expect(audit).toEqual([
      { action: 'download-import-payload', view: 'import-payload', studentId: null, detail: { importId: id, content: 'ORGANIZATION' } },
    ]);
  });

  it('lists the history with filters and counts, and shows one import with its JSON error message', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/imports?status=BAD_DATA&content=ORGANIZATION', headers: loader });
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.imports).toHaveLength(1);
    expect(body.counts).toMatchObject({ BAD_DATA: 1 });
    const one = await app.inject({ method: 'GET', url: `/api/imports/${body.imports[0].id}`, headers: loader });
    expect(JSON.parse(one.json().message)).toEqual({ messages: [{ elementName: 'entityName', error: 'value may not be blank' }] });
    const missing = await app.inject({ method: 'GET', url: '/api/imports/999999', headers: loader });
    expect(missing.statusCode).toBe(404);
  });

  it('rejects an unknown transform with 400', async () => {
    const r = await post(loader, '<TDSReport/>', '/api/imports?content=EXAM&transform=nope');
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain('unknown transform "nope"');
  });

  it('a school coordinator uploads group files (rows checked against GROUP_WRITE) and sees only their own imports', async () => {
    expect((await post(coordinator, fixture('groups/sample-group-003.lf.csv'), '/api/imports', 'text/csv')).statusCode).toBe(403);
    const r = await post(coordinator, fixture('groups/sample-group-003.lf.csv'), '/api/imports?content=GROUPS', 'text/csv');
    expect(r.statusCode).toBe(201);
    expect(r.json().imports[0]).toMatchObject({ status: 'PROCESSED', message: '2 groups accepted for DS9002.' });
    const mine = await app.inject({ method: 'GET', url: '/api/imports', headers: coordinator });
    expect(mine.json().imports.map((i: { content: string }) => i.content)).toEqual(['GROUPS']);
    const other = (await app.inject({ method: 'GET', url: '/api/imports?content=SUBJECT', headers: loader })).json().imports[0].id;
    expect((await app.inject({ method: 'GET', url: `/api/imports/${other}`, headers: coordinator })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/imports/${other}/payload`, headers: coordinator })).statusCode).toBe(404);
  });

  it('re-runs UNKNOWN_SCHOOL exams once the school exists (POST /api/imports/retry)', async () => {
    const trt = fixture('trt/invalid/TDSReport.iab.2018_AIR_empty_examinee.xml');
    const r = await post(loader, trt);
    expect(r.json().imports[0].status).toBe('UNKNOWN_SCHOOL');
    const retry = await app.inject({
      method: 'POST',
      url: '/api/imports/retry',
      headers: loader,
      payload: { statuses: ['UNKNOWN_SCHOOL'] },
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ retried: 1, statuses: { UNKNOWN_SCHOOL: 1 } });
    expect((await app.inject({ method: 'POST', url: '/api/imports/retry', headers: coordinator, payload: {} })).statusCode).toBe(403);
  });
});
