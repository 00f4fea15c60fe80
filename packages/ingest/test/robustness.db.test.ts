import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CersDb, migrate, openDb } from '@cers/db';
import { testDbTargets } from '@cers/db/test';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRunner } from '../src/runner.js';
import { walkSources } from '../src/sources.js';
import { readTrt } from '../src/trt/process.js';
import { writeTrt } from '../src/trt/write.js';
import { generateExam, generateTrt, loadGenRef } from './generate.js';
import { count, fixture, importFixture, newRunner } from './helpers.js';

const targets = await testDbTargets();

/** Subjects, the interim package (items), accessibility codes and 20 schools. */
async function reference(runner: ImportRunner): Promise<void> {
  for (const f of [
    'subjects/ELA_subject.xml',
    'subjects/Math_subject.xml',
    'accommodations/accommodations.deploy.xml',
    'packages/IAB_ICA_Combined.items.csv',
  ]) {
    expect((await importFixture(runner, f)).status).toBe('PROCESSED');
  }
  const lines = [
    'County-District Code^School Code^Auth CDS Code^County Name^District Name^School Name^Charter School^Charter Status^NPS School',
  ];
  for (let s = 0; s < 20; s++) lines.push(`9900010^${s}^990001000000${String(s).padStart(2, '0')}^County^District ^School ${s}^N^^N`);
  const [r] = await runner.importFiles([{ content: 'ORGANIZATION', bytes: Buffer.from(lines.join('\n')) }]);
  expect(r?.status).toBe('PROCESSED');
}

describe.each(targets)('robustness on $name', ({ name, create }) => {
  let cers: CersDb;
  let runner: ImportRunner;
  let dir: string;
  beforeAll(async () => {
    cers = await create();
    runner = newRunner(cers);
    await reference(runner);
    dir = mkdtempSync(join(tmpdir(), 'cers-robust-'));
  });
  afterAll(async () => {
    await cers.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a 60 MB file is stored whole (payload and MD5), recorded INVALID with a clear message, and never read into memory', async () => {
    const path = join(dir, 'huge.xml');
    const head = fixture('trt/valid/TDSReport.iab.sample.xml').toString('utf8').replace('</TDSReport>', '');
    const filler = Buffer.alloc(1024 * 1024, '<!-- padding padding padding padding padding padding padding padding -->\n');
    const parts = [Buffer.from(head)];
    for (let i = 0; i < 60; i++) parts.push(filler);
    parts.push(Buffer.from('</TDSReport>\n'));
    const bytes = Buffer.concat(parts);
    writeFileSync(path, bytes);
    const md5 = createHash('md5').update(bytes).digest('hex').toUpperCase();
    const before = process.memoryUsage().rss;
    const [r] = await runner.importSources(walkSources([path]));
    const grew = process.memoryUsage().rss - before;
    expect(r?.status).toBe('INVALID');
    expect(r?.message).toMatch(
      /^File too large: 629\d+ bytes \(60\.\d MB\) exceeds the 50\.0 MB limit for one EXAM file; it was stored but not processed/,
    );
    const row = await cers.db
      .selectFrom('imports')
      .select(['digest', 'payloadSize', 'status'])
      .where('id', '=', r?.id as number)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ digest: md5, payloadSize: bytes.length, status: 'INVALID' });
    const stored = await sql<{
      n: number;
      m: string;
    }>`select octet_length(payload)::int as n, upper(md5(payload)) as m from import_payloads where import_id = ${r?.id}`.execute(cers.db);
    expect(stored.rows[0]).toEqual({ n: bytes.length, m: md5 });
    // PGlite keeps the database inside this process, so only PostgreSQL shows the importer's own memory.
    if (name === 'postgres') expect(grew).toBeLessThan(150 * 1024 * 1024);
    const again = await runner.importSources(walkSources([path]));
    expect(again[0]).toMatchObject({ id: r?.id, duplicate: true });
  });

  it('a truncated file and a wrongly encoded file end BAD_FORMAT with a position', async () => {
    const ok = fixture('trt/valid/TDSReport.iab.sample.xml');
    const latin = Buffer.from(ok.toString('utf8').replace('Name', 'N\u00e9me'), 'latin1');
    const results = await runner.importFiles([
      { content: 'EXAM', bytes: ok.subarray(0, 5000), filename: 'truncated.xml' },
      { content: 'EXAM', bytes: latin, filename: 'latin1.xml' },
    ]);
    expect(results.map((r) => r.status)).toEqual(['BAD_FORMAT', 'BAD_FORMAT']);
    expect(results[0]?.message).toMatch(/not well-formed XML/);
    expect(results[1]?.message).toMatch(/wrong encoding: the file is not valid UTF-8: invalid byte 0xE9 at byte offset \d+ \(line \d+\)/);
  });

  it('duplicates: the same bytes are one import; a different file for the same exam meets the update rules', async () => {
    const ref = await loadGenRef(cers.db);
    const exam = generateExam(ref, 1, 99);
    const bytes = Buffer.from(writeTrt(exam));
    const [a] = await runner.importFiles([{ content: 'EXAM', bytes }]);
    const [b] = await runner.importFiles([{ content: 'EXAM', bytes }]);
    expect(a?.status).toBe('PROCESSED');
    expect(b).toMatchObject({ id: a?.id, duplicate: true, status: 'PROCESSED' });
    expect(await count(cers.db, 'imports', `digest = '${createHash('md5').update(bytes).digest('hex').toUpperCase()}'`)).toBe(1);
    const reformatted = Buffer.from(writeTrt(exam).replace('<TDSReport>', '<TDSReport>\n  <!-- re-sent -->'));
    const [c] = await runner.importFiles([{ content: 'EXAM', bytes: reformatted }]);
    expect(c).toMatchObject({ status: 'NO_UPDATE', message: 'Duplicate -- no changes triggered an exam update' });
  });

  it('the same exam imported concurrently from two connections ends with one exam: the version with the latest status date', async () => {
    const second = cers.kind === 'postgres' ? await openDb({ url: cers.url as string }) : cers;
    const runner2 = newRunner(second);
    const ref = await loadGenRef(cers.db);
    const base = generateExam(ref, 2, 5);
    const versions = Array.from({ length: 12 }, (_, v) => {
      const e = structuredClone(base);
      const date = `2019-05-${String(10 + v).padStart(2, '0')}T10:00:00.000Z`;
      e.opportunity.statusDate = date;
      e.opportunity.dateCompleted = date;
      e.scores[0] = { measureOf: 'Overall', measureLabel: 'ScaleScore', value: 2400 + v, standardError: 20 };
      e.items = (e.items ?? []).slice(0, 3 + (v % 4));
      return Buffer.from(writeTrt(e));
    });
    const shuffled = [...versions.keys()].sort((x, y) => ((x * 7) % 12) - ((y * 7) % 12));
    const half = shuffled.length / 2;
    const results = await Promise.all([
      ...shuffled.slice(0, half).map((v) => runner.importFiles([{ content: 'EXAM', bytes: versions[v] as Buffer }])),
      ...shuffled.slice(half).map((v) => runner2.importFiles([{ content: 'EXAM', bytes: versions[v] as Buffer }])),
    ]);
    expect(results.flat().every((r) => r.status === 'PROCESSED' || r.status === 'NO_UPDATE')).toBe(true);
    const exams = await cers.db
      .selectFrom('exams')
      .select(['id', 'scaleScore'])
      .where('opportunityId', '=', String(base.opportunity.oppId))
      .execute();
    expect(exams).toHaveLength(1);
    expect(exams[0]?.scaleScore).toBe(2411);
    expect(await count(cers.db, 'exam_items', `exam_id = ${exams[0]?.id}`)).toBe(3 + (11 % 4));
    if (second !== cers) await second.close();
  });
});

describe.each(targets)('a 10,000-file import killed and restarted on $name', ({ name, create }) => {
  it('every file ends with exactly one final status and no exam is partial', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cers-crash-'));
    let target: string;
    let cers: CersDb;
    let dataDir: string | undefined;
    if (name === 'postgres') {
      cers = await create();
      target = cers.url as string;
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'cers-crash-db-'));
      cers = await openDb({ dataDir });
      await migrate(cers);
      target = dataDir;
    }
    try {
      await reference(newRunner(cers));
      const ref = await loadGenRef(cers.db);
      const total = 10_000;
      for (let n = 0; n < total; n++) {
        const sub = join(folder, String(Math.floor(n / 1000)));
        if (n % 1000 === 0) mkdirSync(sub);
        writeFileSync(join(sub, `e${String(n).padStart(5, '0')}.xml`), generateTrt(ref, n, 3));
      }
      if (dataDir) await cers.close(); // the child process owns the PGlite directory while it runs
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'crash-child.ts'), target, folder], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const killedAt = await new Promise<number>((resolve, reject) => {
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (text: string) => {
          const m = /done (\d+)/.exec(text);
          if (m && Number(m[1]) >= 2000) {
            child.kill('SIGKILL');
            resolve(Number(m[1]));
          }
        });
        child.on('exit', (code, signal) => (signal === 'SIGKILL' ? undefined : reject(new Error(`child ended by itself (${code})`))));
      });
      await new Promise((r) => child.once('exit', r));
      expect(killedAt).toBeLessThan(total);
      if (dataDir) cers = await openDb({ dataDir });
      const leftAccepted = await count(cers.db, 'imports', "status = 'ACCEPTED' and content = 'EXAM'");
      // Restart: the same command again (resume what was ACCEPTED, then the folder; done files are duplicates).
      const runner = newRunner(cers, { batchSize: 200 });
      const resumed = await runner.resume();
      expect(resumed.length).toBe(leftAccepted);
      const results = await runner.importSources(walkSources([folder]));
      expect(results).toHaveLength(total);
      expect(await count(cers.db, 'imports', "content = 'EXAM'")).toBe(total);
      expect(await count(cers.db, 'imports', "content = 'EXAM' and status <> 'PROCESSED'")).toBe(0);
      expect(await count(cers.db, 'exams')).toBe(total);
      // No partial exam: every exam has exactly the items of its file.
      const sample = [0, 1999, 2000, 5003, 9999];
      for (const n of sample) {
        const trt = readTrt(generateTrt(ref, n, 3));
        const exam = await cers.db
          .selectFrom('exams')
          .select('id')
          .where('opportunityId', '=', trt.opportunity.oppId as string)
          .executeTakeFirstOrThrow();
        expect(await count(cers.db, 'exam_items', `exam_id = ${exam.id}`)).toBe(trt.items.length);
      }
      const expectedItems = await sql<{ n: number }>`select coalesce(sum((extras->>'itemCount')::int), 0)::int as n from exams`.execute(
        cers.db,
      );
      expect(await count(cers.db, 'exam_items')).toBe(expectedItems.rows[0]?.n);
    } finally {
      await cers.close();
      rmSync(folder, { recursive: true, force: true });
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  }, 900_000);
});
