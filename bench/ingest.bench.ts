/**
 * npm run bench -- ingest [--files=100000] [--db=both|pglite|postgres] [--workers=2] [--batch=500]
 *
 * Imports generated TRT files end to end (read from disk → ACCEPTED + payload → parse/validate in
 * worker threads → batched load with statuses) into PGlite and into PostgreSQL 15
 * (postgres://postgres@127.0.0.1:5432/cers_bench_ingest, recreated), and records exams per
 * second and peak RSS. Files are generated once under the OS temp dir (not timed).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CersDb, migrate, openDb } from '@cers/db';
import { ImportRunner, ParsePool, walkSources } from '@cers/ingest';
import { sql } from 'kysely';
import pg from 'pg';
import { generateTrt, loadGenRef } from '../packages/ingest/test/generate.js';
import { fixture } from '../packages/ingest/test/helpers.js';

const PG_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_BENCH = 'postgres://postgres@127.0.0.1:5432/cers_bench_ingest';

type Flags = { files: number; db: string; workers: number; batch: number };

function parseFlags(args: readonly string[]): Flags {
  const get = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return {
    files: Number(get('files') ?? 100_000),
    db: get('db') ?? 'both',
    workers: Number(get('workers') ?? Math.max(1, Math.min(2, cpus().length))),
    batch: Number(get('batch') ?? 500),
  };
}

/** PGlite in a data directory on disk (in memory, the whole database is held in RAM: 3.7 GB at 100,000 files). */
let pgliteDir: string | undefined;

async function openTarget(kind: 'pglite' | 'postgres'): Promise<CersDb> {
  if (kind === 'pglite') {
    pgliteDir = mkdtempSync(join(tmpdir(), 'cers-bench-ingest-pglite-'));
    return openDb({ dataDir: pgliteDir });
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query('drop database if exists cers_bench_ingest with (force)');
  await admin.query('create database cers_bench_ingest');
  await admin.end();
  return openDb({ url: PG_BENCH, poolSize: 4 });
}

/** Reference data: SB subjects, the SB summative and interim packages, accessibility codes, 200 schools. */
export async function loadReference(cers: CersDb): Promise<void> {
  const runner = new ImportRunner(cers);
  const schools = [
    'County-District Code^School Code^Auth CDS Code^County Name^District Name^School Name^Charter School^Charter Status^NPS School',
  ];
  for (let d = 0; d < 20; d++) {
    const cd = `99${String(10000 + d).slice(1)}0`;
    for (let s = 0; s < 10; s++) schools.push(`${cd}^${s}^${cd}${String(1000000 + s).slice(1)}^County^District ${d}^School ${d}-${s}^N^^N`);
  }
  const files = [
    { content: 'SUBJECT' as const, bytes: fixture('subjects/ELA_subject.xml') },
    { content: 'SUBJECT' as const, bytes: fixture('subjects/Math_subject.xml') },
    { content: 'CODES' as const, bytes: fixture('accommodations/accommodations.deploy.xml') },
    { content: 'PACKAGE' as const, bytes: fixture('packages/sb-summative-2019.demo.summative.csv') },
    { content: 'PACKAGE' as const, bytes: fixture('packages/IAB_ICA_Combined.items.csv') },
    { content: 'ORGANIZATION' as const, bytes: Buffer.from(schools.join('\n')) },
  ];
  for (const f of files) {
    const [r] = await runner.importFiles([f]);
    if (r?.status !== 'PROCESSED') throw new Error(`reference load failed: ${r?.status} ${r?.message}`);
  }
}

export async function ensureFiles(cers: CersDb, count: number): Promise<{ dir: string; bytes: number }> {
  const dir = join(tmpdir(), `cers-bench-ingest-${count}`);
  const done = join(dir, '.complete');
  if (existsSync(done)) return { dir, bytes: Number(readdirSync(dir).length) };
  mkdirSync(dir, { recursive: true });
  const ref = await loadGenRef(cers.db);
  let bytes = 0;
  const per = 1000;
  for (let n = 0; n < count; n++) {
    const sub = join(dir, String(Math.floor(n / per)).padStart(4, '0'));
    if (n % per === 0) mkdirSync(sub, { recursive: true });
    const b = generateTrt(ref, n, 7);
    bytes += b.length;
    writeFileSync(join(sub, `exam-${String(n).padStart(7, '0')}.xml`), b);
  }
  writeFileSync(done, String(bytes));
  return { dir, bytes };
}

/** CPU seconds of this database's server processes (backends + WAL writer, checkpointer, background writer), per pid. */
function serverCpu(): Map<string, number> {
  const out = new Map<string, number>();
  if (!existsSync('/proc')) return out;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.startsWith('postgres:') || !(cmd.includes('cers_bench_ingest') || /walwriter|checkpointer|background writer/.test(cmd)))
        continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(f[11]) + Number(f[12])) / 100);
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

function serverCpuSince(before: Map<string, number>): number {
  let sum = 0;
  for (const [pid, t] of serverCpu()) sum += t - (before.get(pid) ?? 0);
  return Math.round(sum * 10) / 10;
}

async function measure(kind: 'pglite' | 'postgres', flags: Flags): Promise<Record<string, unknown>> {
  const cers = await openTarget(kind);
  try {
    await migrate(cers);
    await loadReference(cers);
    const { dir } = await ensureFiles(cers, flags.files);
    const pool = flags.workers > 0 ? new ParsePool(flags.workers) : undefined;
    const statuses: Record<string, number> = {};
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const runner = new ImportRunner(cers, {
      pool,
      batchSize: flags.batch,
      onResult: (r) => {
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      },
    });
    const load = [loadavg()[0] as number];
    const cpu0 = process.cpuUsage();
    const server0 = serverCpu();
    const started = process.hrtime.bigint();
    await runner.importSources(walkSources([dir]));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    const serverSeconds = kind === 'postgres' ? serverCpuSince(server0) : null;
    load.push(loadavg()[0] as number);
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    await pool?.close();
    type Counts = { exams: number; items: number; scores: number; targets: number; payloadMiB: number; payloadStoredMiB: number };
    const counts = await sql<Counts>`
      select (select count(*)::int from exams) as exams, (select count(*)::int from exam_items) as items,
             (select count(*)::int from exam_scores) as scores, (select count(*)::int from exam_target_scores) as targets,
             (select round(sum(octet_length(payload)) / 1048576.0)::int from import_payloads) as "payloadMiB",
             (select round(sum(pg_column_size(payload)) / 1048576.0)::int from import_payloads) as "payloadStoredMiB"`.execute(cers.db);
    const c = counts.rows[0] as Counts;
    const nodeSeconds = Math.round(((cpu.user + cpu.system) / 1e6) * 10) / 10;
    const result = {
      database: kind === 'pglite' ? 'PGlite (data directory on disk)' : 'PostgreSQL 15 (local)',
      files: flags.files,
      seconds: Math.round(seconds * 10) / 10,
      examsPerSecond: Math.round(c.exams / seconds),
      peakRssMiB: Math.round(peak / 1048576),
      // CPU seconds: the importer (all threads; PGlite runs inside it) and the PostgreSQL server
      // processes of this database. On the shared 2-core machine, CPU per file is the steadier figure.
      cpuSeconds: { importer: nodeSeconds, server: serverSeconds },
      cpuMsPerFile: Math.round(((nodeSeconds + (serverSeconds ?? 0)) / flags.files) * 1000 * 100) / 100,
      loadAverage: { start: Math.round((load[0] as number) * 100) / 100, end: Math.round((load[1] as number) * 100) / 100 },
      statuses,
      rows: c,
      workers: flags.workers,
      batchSize: flags.batch,
    };
    console.log(JSON.stringify(result));
    return result;
  } finally {
    await cers.close();
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    pgliteDir = undefined;
  }
}

export async function run(args: string[] = []): Promise<Record<string, unknown>> {
  const flags = parseFlags(args);
  const kinds: ('pglite' | 'postgres')[] = flags.db === 'both' ? ['postgres', 'pglite'] : [flags.db as 'pglite' | 'postgres'];
  const results: Record<string, unknown>[] = [];
  for (const k of kinds) results.push(await measure(k, flags));
  return {
    description:
      'cers import of generated TRT files (SB summative, ICA and IAB of the RDW sample packages; items, claims, targets, accommodations) from disk to final status',
    target: '≥ 2,000 exams/s into PostgreSQL, peak RSS < 1 GB',
    results,
  };
}
