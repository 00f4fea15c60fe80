import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type CersDb, findPrincipal, openDb } from '@cers/db';
import { postgresReachable } from '@cers/db/test';
import { examInScope as examVisible } from '@cers/domain';
import {
  type ExamExportRow,
  examExportCsv,
  examExportJson,
  exportScopeOf,
  OPERATOR_EXPORT_SCOPE,
  parseExamExportCsv,
  streamExamExport,
} from '@cers/reports';
import { SAMPLE_DISTRICT, SAMPLE_SCHOOLS, SANDBOX_PERSONAS, SANDBOX_SSIDS } from '@cers/sandbox';
import { openSandboxTestDb, writeSandboxDataDir } from '@cers/sandbox/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', 'bin', 'cers.js');
const targets: ('pglite' | 'postgres')[] = (await postgresReachable()) ? ['pglite', 'postgres'] : ['pglite'];

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  return (await collect(chunks)).join('');
}

async function principalOf(cers: CersDb, login: string) {
  const user = await cers.db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow();
  const p = await findPrincipal(cers.db, user.id);
  if (!p) throw new Error(login);
  return p;
}

describe.each(targets)('exam export on %s', (target) => {
  let cers: CersDb;
  beforeAll(async () => {
    cers = await openSandboxTestDb(target);
  });
  afterAll(async () => {
    await cers?.close();
  });

  it('lists one student’s exams across years and families, ordered, with sub-scores', async () => {
    const rows = await collect(streamExamExport(cers, { filters: { ssid: '1000003718' }, scope: OPERATOR_EXPORT_SCOPE }));
    expect(new Set(rows.map((r) => r.student_ssid))).toEqual(new Set(['1000003718']));
    expect(new Set(rows.map((r) => r.school_year)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.map((r) => r.family))).toEqual(new Set(['SBAC', 'ELPAC', 'CAST']));
    const keys = rows.map((r) => `${r.school_year}|${r.assessment_id}|${r.opportunity_id}`);
    expect(keys).toEqual([...keys].sort());
    const elpac = rows.find((r) => r.family === 'ELPAC');
    expect(elpac?.scores.map((s) => s.code)).toEqual(['1', '2', '1-L', '1-S', '2-R', '2-W']);
    const sum2026 = rows.find((r) => r.assessment_type === 'sum' && r.subject === 'ELA' && r.school_year === 2026);
    expect(sum2026?.scores.map((s) => s.kind)).toEqual(['composite', 'composite']);
    expect(sum2026?.traits).toHaveLength(3);
    expect(sum2026?.lexile).not.toBeNull();
    expect(sum2026?.district_id).toBe(SAMPLE_DISTRICT.naturalId);
    expect(sum2026?.school_id).toBe(SAMPLE_SCHOOLS.elementary.naturalId);
  });

  it('filters by school, district, year and assessment', async () => {
    const scope = OPERATOR_EXPORT_SCOPE;
    const year = await collect(streamExamExport(cers, { filters: { schoolYear: 2019, school: SAMPLE_SCHOOLS.high.naturalId }, scope }));
    expect(year.length).toBeGreaterThan(100);
    expect(new Set(year.map((r) => `${r.school_year}|${r.school_id}`))).toEqual(new Set([`2019|${SAMPLE_SCHOOLS.high.naturalId}`]));
    const one = year[0] as ExamExportRow;
    const byAssessment = await collect(streamExamExport(cers, { filters: { assessment: one.assessment_id.toLowerCase() }, scope }));
    expect(new Set(byAssessment.map((r) => r.assessment_id))).toEqual(new Set([one.assessment_id]));
    const district = await collect(streamExamExport(cers, { filters: { district: SAMPLE_DISTRICT.naturalId, schoolYear: 2019 }, scope }));
    expect(district.length).toBeGreaterThan(year.length);
    const none = await collect(streamExamExport(cers, { filters: { district: '00000000000000' }, scope }));
    expect(none).toEqual([]);
  });

  it('writes CSV that reads back to the same rows, and JSON', async () => {
    const rows = await collect(streamExamExport(cers, { filters: { ssid: '6000037559' }, scope: OPERATOR_EXPORT_SCOPE }));
    const source = async function* () {
      yield* rows;
    };
    const csv = await text(examExportCsv(source()));
    expect(csv.split('\r\n')[0]).toMatch(/^student_ssid,assessment_id,assessment_type,/);
    expect(parseExamExportCsv(csv)).toEqual(rows);
    expect(JSON.parse(await text(examExportJson(source())))).toEqual(rows);
    expect(JSON.parse(await text(examExportJson((async function* () {})())))).toEqual([]);
  });

  it('applies a user’s scope: a teacher gets only what the pure rule allows', async () => {
    for (const persona of SANDBOX_PERSONAS.filter((p) => p.key.startsWith('teacher-'))) {
      const principal = await principalOf(cers, persona.login);
      const scope = exportScopeOf(principal);
      const rows = await collect(streamExamExport(cers, { filters: {}, scope }));
      expect(rows.length).toBeGreaterThan(100);
      const band = persona.key.replace('teacher-', '') as keyof typeof SANDBOX_SSIDS;
      const ssids = new Set(rows.map((r) => r.student_ssid));
      for (const [other, list] of Object.entries(SANDBOX_SSIDS))
        for (const ssid of list) expect(ssids.has(ssid), `${persona.key} ${ssid}`).toBe(other === band);
      // oracle: the pure twin decides each visible row from group membership and subjects
      const facts = await cers.db
        .selectFrom('studentGroupMembers as m')
        .innerJoin('students as s', 's.id', 'm.studentId')
        .select(['s.ssid', 'm.groupId'])
        .where(
          'm.groupId',
          'in',
          principal.assignedGroups.map((g) => g.groupId),
        )
        .execute();
      const groupsOf = new Map<string, number[]>();
      for (const f of facts) groupsOf.set(f.ssid, [...(groupsOf.get(f.ssid) ?? []), f.groupId]);
      for (const r of rows) {
        const visible = examVisible(scope.access, {
          districtId: -1,
          schoolId: -1,
          subject: r.subject,
          studentSchoolId: null,
          studentDistrictId: null,
          studentGroupIds: groupsOf.get(r.student_ssid) ?? [],
        });
        expect(visible, `${persona.key} ${r.student_ssid} ${r.assessment_id}`).toBe(true);
      }
    }
  });

  it('hides summatives that are not released from teachers but not from district reviewers', async () => {
    const district = await cers.db
      .selectFrom('organizations')
      .select('id')
      .where('naturalId', '=', SAMPLE_DISTRICT.naturalId)
      .executeTakeFirstOrThrow();
    await cers.db
      .updateTable('embargoes')
      .set({ status: 'reviewing' })
      .where('districtId', '=', district.id)
      .where('schoolYear', '=', 2026)
      .where('subject', '=', 'Math')
      .execute();
    try {
      const filters = { ssid: '1000015789', schoolYear: 2026 };
      const teacher = exportScopeOf(await principalOf(cers, 'teacher.high@sandbox.cers.example'));
      const admin = exportScopeOf(await principalOf(cers, 'admin.district@sandbox.cers.example'));
      const seenByTeacher = await collect(streamExamExport(cers, { filters, scope: teacher }));
      const seenByAdmin = await collect(streamExamExport(cers, { filters, scope: admin }));
      const mathSum = (rows: ExamExportRow[]) => rows.filter((r) => r.subject === 'Math' && r.assessment_type === 'sum').length;
      expect(mathSum(seenByTeacher)).toBe(0);
      expect(mathSum(seenByAdmin)).toBe(1);
      expect(seenByTeacher.some((r) => r.subject === 'Math' && r.assessment_type !== 'sum')).toBe(true); // interims never embargoed
    } finally {
      await cers.db.updateTable('embargoes').set({ status: 'released' }).where('districtId', '=', district.id).execute();
    }
  });

  it('runs as the cers command (json for one SSID, --as scoping)', async () => {
    let env: NodeJS.ProcessEnv;
    let dir: string | undefined;
    if (target === 'pglite') {
      dir = mkdtempSync(join(tmpdir(), 'cers-export-'));
      await writeSandboxDataDir(join(dir, 'pglite'));
      env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '' };
    } else {
      env = { ...process.env, DATABASE_URL: cers.url };
    }
    try {
      const json = await run('node', [CLI, 'export', 'exams', '--ssid', '1000003718', '--format', 'json'], {
        env,
        maxBuffer: 64 * 1024 * 1024,
      });
      const rows = JSON.parse(json.stdout) as ExamExportRow[];
      expect(rows.length).toBeGreaterThan(20);
      expect(new Set(rows.map((r) => r.school_year)).size).toBeGreaterThanOrEqual(4);
      expect(new Set(rows.map((r) => r.family)).size).toBeGreaterThanOrEqual(3);
      expect(json.stderr).toMatch(/\d+ exams exported/);
      const other = await run('node', [CLI, 'export', 'exams', '--ssid', '1000003718', '--as', 'teacher.high@sandbox.cers.example'], {
        env,
      });
      expect(other.stdout.trim().split('\r\n')).toHaveLength(1); // the header only
      const mine = await run('node', [CLI, 'export', 'exams', '--ssid', '1000003718', '--as', 'teacher.elementary@sandbox.cers.example'], {
        env,
      });
      expect(mine.stdout.trim().split('\r\n').length).toBeGreaterThan(1);
      // The read is audited per student (who, which student, which view).
      const auditDb = dir ? await openDb({ dataDir: join(dir, 'pglite') }) : cers;
      try {
        const audited = await auditDb.db
          .selectFrom('auditLog as a')
          .innerJoin('students as s', 's.id', 'a.studentId')
          .select(['s.ssid', 'a.userLogin', 'a.view'])
          .where('a.view', '=', 'cli:export-exams')
          .execute();
        expect(audited).toEqual([{ ssid: '1000003718', userLogin: 'teacher.elementary@sandbox.cers.example', view: 'cli:export-exams' }]);
      } finally {
        if (dir) await auditDb.close();
      }
      const unknown = await run('node', [CLI, 'export', 'exams', '--as', 'nobody@example.org'], { env }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(unknown).toMatchObject({ code: 1 });
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });
});
