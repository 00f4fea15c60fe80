import type { CersDb } from '@cers/db';
import { testDbTargets } from '@cers/db/test';
import { type JobQueue, printableReportJob, runReportMaintenance, startJobs } from '@cers/jobs';
import { createPdfPool, type PdfPool, runReport } from '@cers/reports';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn } from '../../../test/helpers.js';
import { type ReportWorld, seedReportWorld, waitFor } from '../../../test/report-world.js';

const targets = await testDbTargets();

/** Entries of a ZIP whose files are stored uncompressed (what the report job writes), from its central directory. */
function unzipStored(zip: Buffer): { name: string; data: Buffer }[] {
  const entries: { name: string; data: Buffer }[] = [];
  for (let i = zip.indexOf('PK\x01\x02', 0, 'latin1'); i >= 0; i = zip.indexOf('PK\x01\x02', i + 4, 'latin1')) {
    const size = zip.readUInt32LE(i + 20);
    const nameLength = zip.readUInt16LE(i + 28);
    const local = zip.readUInt32LE(i + 42);
    const name = zip.subarray(i + 46, i + 46 + nameLength).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.push({ name, data: zip.subarray(start, start + size) });
  }
  return entries;
}
const silent = { info: () => undefined, error: () => undefined };

describe.each(targets)('printable reports API and job on $name', ({ create }) => {
  let cers: CersDb;
  let app: FastifyInstance;
  let world: ReportWorld;
  let pool: PdfPool;
  let queue: JobQueue;
  const as = async (userId: number) => signIn(cers, userId);

  beforeAll(async () => {
    cers = await create();
    world = await seedReportWorld(cers);
    app = await buildTestApp(cers);
    pool = createPdfPool({ size: 1, idleMs: 2000 });
    queue = await startJobs(cers, [printableReportJob({ cers, logger: silent, reportTtlHours: 24, pool }) as never], {
      work: true,
      pollingIntervalSeconds: 0.5,
    });
    app.ctx.jobs = queue;
  });
  afterAll(async () => {
    await queue?.stop();
    await pool?.close();
    await app?.close();
    await cers?.close();
  });

  const create_ = async (userId: number, body: Record<string, unknown>) => {
    const headers = await as(userId);
    return app.inject({ method: 'POST', url: '/api/reports', headers, payload: body });
  };
  const groupIsr = (extra: Record<string, unknown> = {}) => ({
    name: 'Room 12 ISRs',
    target: { type: 'group', groupId: world.groupId },
    schoolYear: 2025,
    assessmentType: 'sum',
    subject: 'ELA',
    sortOrder: 'name',
    ...extra,
  });
  const finished = async (userId: number, id: number) => {
    const headers = await as(userId);
    return waitFor(
      async () => {
        const r = (await app.inject({ method: 'GET', url: `/api/reports/${id}`, headers })).json();
        return ['completed', 'failed', 'no_results'].includes(r.status) ? r : undefined;
      },
      90_000,
      `report ${id}`,
    );
  };
  const download = async (userId: number, id: number) =>
    app.inject({ method: 'GET', url: `/api/reports/${id}/download`, headers: await as(userId) });

  it('creates a bulk ISR for a group; it completes and downloads as one PDF with only the group’s students, sorted by name', async () => {
    const res = await create_(world.users.teacher, groupIsr());
    expect(res.statusCode).toBe(202);
    const created = res.json();
    expect(created).toMatchObject({ name: 'Room 12 ISRs', status: 'pending', kind: 'isr', targetType: 'group', schoolYear: 2025 });
    const done = await finished(world.users.teacher, created.id);
    expect(done).toMatchObject({
      status: 'completed',
      progress: 3,
      total: 3,
      contentType: 'application/pdf',
      filename: 'Room 12 ISRs.pdf',
    });
    const file = await download(world.users.teacher, created.id);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('attachment');
    const { pdfText } = await import('../../../../../packages/reports/test/pdf-text.js');
    const text = pdfText(file.rawPayload);
    expect(text).toContain('Abbott, Zoe');
    expect(text).toContain('Nguyen, Daniel');
    expect(text).toContain('Ortega, Maria');
    expect(text).not.toContain('Quinn');
    expect(text.indexOf('Abbott, Zoe')).toBeLessThan(text.indexOf('Nguyen, Daniel'));
    expect(text.indexOf('Nguyen, Daniel')).toBeLessThan(text.indexOf('Ortega, Maria'));
    // Embargoed Math never prints; prior ELA year does.
    expect(text).not.toContain('Mathematics');
    expect(text).toMatch(/2023–24 Grade 4 2468 ± 24 Standard Nearly Met/);
    const audit = await cers.db
      .selectFrom('auditLog')
      .select(['studentId', 'view', 'action', 'ip'])
      .where('userId', '=', world.users.teacher)
      .where('action', '=', 'print-isr')
      .execute();
    expect(audit.map((a) => a.studentId).sort()).toEqual([world.students.s1, world.students.s2, world.students.s3].sort());
    expect(audit.every((a) => a.view === 'isr')).toBe(true);
    // the job writes these rows; "from where" is the request that asked for the report
    expect(audit.every((a) => a.ip === '127.0.0.1')).toBe(true);
  });

  it('audits a download with the report’s students and address, and refuses it once the owner may no longer see one of them', async () => {
    const created = (await create_(world.users.teacher, groupIsr({ name: 'Access check' }))).json();
    await finished(world.users.teacher, created.id);
    const ok = await app.inject({
      method: 'GET',
      url: `/api/reports/${created.id}/download`,
      headers: await as(world.users.teacher),
      remoteAddress: '198.51.100.7',
    });
    expect(ok.statusCode).toBe(200);
    const rows = await cers.db
      .selectFrom('auditLog')
      .select(['studentId', 'ip'])
      .where('userId', '=', world.users.teacher)
      .where('action', '=', 'download-report')
      .where(sql<boolean>`detail->>'reportId' = ${String(created.id)}`)
      .execute();
    expect(rows.map((r) => r.studentId).sort()).toEqual([world.students.s1, world.students.s2, world.students.s3].sort());
    expect(rows.every((r) => r.ip === '198.51.100.7')).toBe(true);

    // s1 leaves the teacher's group after the report was made: the file holds s1, so it stays closed.
    const membership = { groupId: world.groupId, studentId: world.students.s1, districtId: world.districtId };
    await cers.db
      .deleteFrom('studentGroupMembers')
      .where('groupId', '=', world.groupId)
      .where('studentId', '=', world.students.s1)
      .execute();
    try {
      const refused = await download(world.users.teacher, created.id);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toContain('your access changed after it was created');
      expect(refused.body).not.toContain('Ortega');
    } finally {
      await cers.db.insertInto('studentGroupMembers').values(membership).execute();
    }
    expect((await download(world.users.teacher, created.id)).statusCode).toBe(200);
  });

  it('lists only the caller’s reports; another user gets 404 on read, download and delete', async () => {
    const res = await create_(world.users.teacher, groupIsr({ name: 'Mine' }));
    const id = res.json().id as number;
    const mine = (await app.inject({ method: 'GET', url: '/api/reports', headers: await as(world.users.teacher) })).json();
    expect(mine.reports.map((r: { id: number }) => r.id)).toContain(id);
    const theirs = (await app.inject({ method: 'GET', url: '/api/reports', headers: await as(world.users.otherTeacher) })).json();
    expect(theirs.reports).toEqual([]);
    const other = await as(world.users.otherTeacher);
    expect((await app.inject({ method: 'GET', url: `/api/reports/${id}`, headers: other })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/reports/${id}/download`, headers: other })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/reports/${id}`, headers: other })).statusCode).toBe(404);
    await finished(world.users.teacher, id);
  });

  it('refuses targets the requester cannot see with the same 404 as a missing one, and bad input with 400', async () => {
    const notMine = await create_(world.users.otherTeacher, groupIsr());
    expect(notMine.statusCode).toBe(404);
    const missing = await create_(world.users.teacher, groupIsr({ target: { type: 'group', groupId: 999_999 } }));
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe(notMine.json().message);
    const outsideStudent = await create_(world.users.teacher, groupIsr({ target: { type: 'student', studentId: world.students.s4 } }));
    expect(outsideStudent.statusCode).toBe(404);
    const otherSchool = await create_(
      world.users.admin,
      groupIsr({ target: { type: 'schoolGrade', schoolId: world.otherSchoolId, grade: '05' } }),
    );
    expect(otherSchool.statusCode).toBe(404);
    const badName = await create_(world.users.teacher, groupIsr({ name: 'a/b' }));
    expect(badName.statusCode).toBe(400);
    expect(badName.json().message).toMatch(/report name/i);
    const badType = await create_(world.users.teacher, groupIsr({ assessmentType: 'weekly' }));
    expect(badType.statusCode).toBe(400);
    const anonymous = await app.inject({ method: 'POST', url: '/api/reports', payload: groupIsr() });
    expect(anonymous.statusCode).toBe(401);
  });

  it('re-evaluates access when it runs: a student removed from the group before or during the run is left out', async () => {
    const { db } = cers;
    const { pdfText } = await import('../../../../../packages/reports/test/pdf-text.js');
    const member = (studentId: number) => ({ groupId: world.groupId, studentId, districtId: world.districtId });
    const replay = async (name: string) => {
      const res = await create_(world.users.teacher, groupIsr({ name, sortOrder: 'ssid' }));
      const id = res.json().id as number;
      // The queue may already have run it: reset and run it again by hand, with the hook.
      await finished(world.users.teacher, id);
      await db.updateTable('reports').set({ status: 'pending' }).where('id', '=', id).execute();
      await db.deleteFrom('reportFiles').where('reportId', '=', id).execute();
      return id;
    };
    try {
      // Before the run (after the request): s1 leaves the group.
      const before = await replay('Changed before');
      await db.deleteFrom('studentGroupMembers').where('studentId', '=', world.students.s1).execute();
      await runReport({ db, pool, logger: silent, reportTtlHours: 24 }, { reportId: before, retryCount: 0, retryLimit: 2 });
      const first = pdfText((await download(world.users.teacher, before)).rawPayload);
      expect(first).not.toContain('Ortega, Maria');
      expect(first).toContain('Nguyen, Daniel');
      expect(first).toContain('Abbott, Zoe');
      await db.insertInto('studentGroupMembers').values(member(world.students.s1)).execute();

      // During the run: one student per chunk, in SSID order (s1, s2, s3). With one render worker
      // the job loads at most two chunks ahead, so s3's chunk is read after the first chunk is
      // rendered — when s3 has already left the group.
      const during = await replay('Changed during');
      let chunks = 0;
      await runReport(
        {
          db,
          pool,
          logger: silent,
          reportTtlHours: 24,
          chunkSize: 1,
          onChunk: async () => {
            chunks++;
            if (chunks === 1) await db.deleteFrom('studentGroupMembers').where('studentId', '=', world.students.s3).execute();
          },
        },
        { reportId: during, retryCount: 0, retryLimit: 2 },
      );
      const done = (await app.inject({ method: 'GET', url: `/api/reports/${during}`, headers: await as(world.users.teacher) })).json();
      expect(done.status).toBe('completed');
      const second = pdfText((await download(world.users.teacher, during)).rawPayload);
      expect(second).toContain('Ortega, Maria');
      expect(second).toContain('Nguyen, Daniel');
      expect(second).not.toContain('Abbott, Zoe');
      expect(second).not.toContain('Quinn');
    } finally {
      await db.deleteFrom('studentGroupMembers').where('groupId', '=', world.groupId).execute();
      await db.insertInto('studentGroupMembers').values([world.students.s1, world.students.s2, world.students.s3].map(member)).execute();
    }
  });

  it('a school administrator prints a school and grade in Spanish with accommodations; a teacher cannot', async () => {
    const body = {
      name: 'Grade 5 en español',
      target: { type: 'schoolGrade', schoolId: world.schoolId, grade: '05' },
      schoolYear: 2025,
      assessmentType: 'sum',
      subject: null,
      sortOrder: 'score',
      language: 'es',
      accommodations: true,
    };
    expect((await create_(world.users.teacher, body)).statusCode).toBe(404);
    const res = await create_(world.users.admin, body);
    expect(res.statusCode).toBe(202);
    const done = await finished(world.users.admin, res.json().id);
    expect(done.status).toBe('completed');
    const { pdfText } = await import('../../../../../packages/reports/test/pdf-text.js');
    const text = pdfText((await download(world.users.admin, done.id)).rawPayload);
    expect(text).toContain('Informe individual del estudiante');
    expect(text).toContain('Quinn, Outsider');
    expect(text).toContain('Texto a voz');
    // by score: Zoe (2620) first, Daniel (2455) last
    expect(text.indexOf('Abbott, Zoe')).toBeLessThan(text.indexOf('Ortega, Maria'));
    expect(text.indexOf('Ortega, Maria')).toBeLessThan(text.indexOf('Nguyen, Daniel'));
  });

  it('delivers a ZIP of PDFs when the report is longer than the page limit (one student per PDF here)', async () => {
    const res = await create_(world.users.teacher, groupIsr({ name: 'Zipped' }));
    const id = res.json().id as number;
    await finished(world.users.teacher, id);
    await cers.db.updateTable('reports').set({ status: 'pending' }).where('id', '=', id).execute();
    await cers.db.deleteFrom('reportFiles').where('reportId', '=', id).execute();
    await runReport(
      { db: cers.db, pool, logger: silent, reportTtlHours: 24, chunkSize: 1, maxPdfPages: 1 },
      { reportId: id, retryCount: 0, retryLimit: 2 },
    );
    const done = (await app.inject({ method: 'GET', url: `/api/reports/${id}`, headers: await as(world.users.teacher) })).json();
    expect(done).toMatchObject({ status: 'completed', contentType: 'application/zip', filename: 'Zipped.zip' });
    const zip = (await download(world.users.teacher, id)).rawPayload;
    const entries = unzipStored(zip);
    expect(entries.map((e) => e.name)).toEqual(['Zipped part 01.pdf', 'Zipped part 02.pdf', 'Zipped part 03.pdf']);
    const { pdfText } = await import('../../../../../packages/reports/test/pdf-text.js');
    expect(entries.map((e) => pdfText(e.data).match(/(Abbott, Zoe|Nguyen, Daniel|Ortega, Maria)/)?.[1])).toEqual([
      'Abbott, Zoe',
      'Nguyen, Daniel',
      'Ortega, Maria',
    ]);
  });

  it('reports No Results when nothing matches', async () => {
    const res = await create_(world.users.teacher, groupIsr({ name: 'Nothing', schoolYear: 2019 }));
    const done = await finished(world.users.teacher, res.json().id);
    expect(done.status).toBe('no_results');
    expect(done.message).toMatch(/No results/);
    expect((await download(world.users.teacher, done.id)).statusCode).toBe(409);
  });

  it('downloads the group’s results as CSV (cers-features.md §4.1 columns)', async () => {
    const res = await create_(world.users.teacher, groupIsr({ kind: 'group-csv', name: 'Room 12 data' }));
    expect(res.statusCode).toBe(202);
    const done = await finished(world.users.teacher, res.json().id);
    expect(done).toMatchObject({ status: 'completed', contentType: 'text/csv; charset=utf-8', filename: 'Room 12 data.csv' });
    const csv = (await download(world.users.teacher, done.id)).body;
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toBe(
      'StudentIdentifier,FirstName,LastOrSurname,SubmitDateTime,TestSessionId,SchoolName,SchoolYear,AssessmentType,AssessmentName,Subject,GradeLevelWhenAssessed,Status,ScaleScoreAchievementLevel,ScaleScore,Error Band Min,Error Band Max,ELA: Reading and Listening Level,ELA: Reading and Listening Scale Score,ELA: Reading and Listening Standard Error,ELA: Writing and Research Level,ELA: Writing and Research Scale Score,ELA: Writing and Research Standard Error,AssignedAccommodationList',
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(
      /^1000003720,Zoe,Abbott,2025-04-15T16:00:00.000Z,,Sample Elementary School,2024–25,Summative,Grade 5 ELA Summative,ELA,05,Valid,Standard Exceeded,2620,2597,2643,Above Standard,,,Near Standard,,,TDS_TTS$/,
    );
    expect(csv).not.toContain('Quinn');
  });

  it('offers only the years, types and subjects the target has visible results for', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/reports/options?targetType=group&id=${world.groupId}`,
      headers: await as(world.users.teacher),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      schoolYears: [2025, 2024],
      options: [
        { schoolYear: 2025, assessmentType: 'sum', subject: 'ELA' },
        { schoolYear: 2024, assessmentType: 'sum', subject: 'ELA' },
      ],
    });
    const other = await app.inject({
      method: 'GET',
      url: `/api/reports/options?targetType=group&id=${world.groupId}`,
      headers: await as(world.users.otherTeacher),
    });
    expect(other.statusCode).toBe(404);
  });

  it('expires reports after the TTL: the file is deleted and the status is expired', async () => {
    const res = await create_(world.users.teacher, groupIsr({ name: 'Short lived' }));
    const done = await finished(world.users.teacher, res.json().id);
    expect(done.status).toBe('completed');
    const result = await runReportMaintenance(cers, { now: new Date(Date.now() + 25 * 3_600_000) });
    expect(result.expired).toBeGreaterThan(0);
    const after = (await app.inject({ method: 'GET', url: `/api/reports/${done.id}`, headers: await as(world.users.teacher) })).json();
    expect(after.status).toBe('expired');
    const files = await cers.db.selectFrom('reportFiles').select('reportId').where('reportId', '=', done.id).execute();
    expect(files).toEqual([]);
    const dl = await download(world.users.teacher, done.id);
    expect(dl.statusCode).toBe(409);
    expect(dl.json().message).toMatch(/expired/);
  });

  it('deletes a report', async () => {
    const res = await create_(world.users.teacher, groupIsr({ name: 'To delete' }));
    const id = res.json().id as number;
    await finished(world.users.teacher, id);
    const del = await app.inject({ method: 'DELETE', url: `/api/reports/${id}`, headers: await as(world.users.teacher) });
    expect(del.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/reports/${id}`, headers: await as(world.users.teacher) })).statusCode).toBe(404);
  });
});
