/**
 * npm run bench -- generate [--scale=1] [--pglite-scale=1] [--skip-pglite] [--skip-postgres]
 *
 * Times the state profile (≥ 3,000,000 students' ELA and Math summatives) into a dedicated
 * PostgreSQL database (cers_bench_generate on BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres; dropped afterwards) and into PGlite in a temporary
 * directory. Each run is a child process (bench/generate.worker.ts) so peak RSS is its own. When
 * PGlite fails at a scale, smaller scales are tried and every failure is recorded with its reason.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const here = dirname(fileURLToPath(import.meta.url));
const DATABASE = 'cers_bench_generate';

type WorkerResult = Record<string, unknown> & { seconds?: number };

function flag(flags: string[], name: string): string | undefined {
  return flags.find((f) => f.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function runWorker(args: string[]): Promise<{ ok: true; result: WorkerResult } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', join(here, 'generate.worker.ts'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      const text = d.toString();
      err += text;
      process.stderr.write(text);
    });
    child.on('close', (code, signal) => {
      const line = out.trim().split('\n').at(-1);
      if (code === 0 && line) {
        resolve({ ok: true, result: JSON.parse(line) as WorkerResult });
        return;
      }
      const tail = err.trim().split('\n').slice(-3).join(' | ');
      resolve({ ok: false, reason: `exit ${code ?? signal}: ${tail.slice(0, 400)}` });
    });
  });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function postgres(scale: number): Promise<unknown> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${DATABASE} with (force)`);
    await admin.query(`create database ${DATABASE}`);
    const version = (await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v;
    const sampler = sampleBackendCpu(admin);
    const run = await runWorker(['--target=postgres', `--scale=${scale}`, `--url=${withDatabase(adminUrl, DATABASE)}`]);
    const serverCpuSeconds = await sampler.stop();
    const clientCpu = run.ok ? Number(run.result.cpuSeconds ?? 0) : 0;
    return {
      server: `PostgreSQL ${version}`,
      database: DATABASE,
      ...(run.ok ? run.result : { failed: run.reason, scale }),
      // CPU actually used by the generator and by the PostgreSQL backends serving it: on a shared,
      // busy machine the wall time also holds the time spent waiting for a core.
      serverCpuSeconds,
      totalCpuSeconds: Math.round((serverCpuSeconds + clientCpu) * 10) / 10,
    };
  } finally {
    await admin.query(`drop database if exists ${DATABASE} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

/** Sums user+system CPU of the backends connected to the bench database (sampled every 2 s from /proc). */
function sampleBackendCpu(admin: pg.Client): { stop: () => Promise<number> } {
  const last = new Map<number, number>();
  let running = true;
  const tick = async () => {
    const r = await admin
      .query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [DATABASE])
      .catch(() => ({ rows: [] }));
    for (const { pid } of r.rows) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14 and 15)
        if (Number.isFinite(ticks)) last.set(pid, Math.max(last.get(pid) ?? 0, ticks));
      } catch {
        // the backend exited between the query and the read
      }
    }
  };
  const loop = (async () => {
    while (running) {
      await tick();
      await new Promise((r) => setTimeout(r, 2000));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      const ticks = [...last.values()].reduce((a, b) => a + b, 0);
      return Math.round((ticks / 100) * 10) / 10; // CLK_TCK = 100 on Linux
    },
  };
}

async function pglite(startScale: number): Promise<unknown> {
  const attempts: unknown[] = [];
  for (let scale = startScale; scale >= 0.01; scale = Math.round((scale / 3) * 1000) / 1000) {
    const dir = mkdtempSync(join(tmpdir(), 'cers-bench-pglite-'));
    try {
      const run = await runWorker(['--target=pglite', `--scale=${scale}`, `--dir=${dir}`]);
      if (run.ok)
        return {
          storage: 'PGlite data directory on local disk (temp dir)',
          largestScaleCompleted: scale,
          ...run.result,
          failedAttempts: attempts,
        };
      attempts.push({ scale, failed: run.reason });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { failedAttempts: attempts };
}

export async function run(flags: string[] = []): Promise<Record<string, unknown>> {
  const scale = Number(flag(flags, 'scale') ?? '1');
  const pgliteScale = Number(flag(flags, 'pglite-scale') ?? String(scale));
  const results: Record<string, unknown> = {
    profile: 'state',
    scale,
    description:
      'state profile: ~1,000 districts, ~10,000 schools, ≥ 3,000,000 students, 2025–26 SB ELA + Math summatives with composites, traits and Lexile/Quantile',
  };
  // The machine is shared: the 1-minute load average before and after each run says how busy it was.
  const load = () => loadavg()[0]?.toFixed(1);
  // A skipped target keeps its figures from the previous run, marked with that run's date and commit.
  const previousFile = join(here, 'results', 'generate.json');
  const previous = existsSync(previousFile)
    ? (JSON.parse(readFileSync(previousFile, 'utf8')) as { date?: string; commit?: string; results?: Record<string, unknown> })
    : undefined;
  const carried = (key: string) => {
    const value = previous?.results?.[key];
    if (!value) return undefined;
    const origin = (value as { carriedFrom?: unknown }).carriedFrom ?? { date: previous?.date, commit: previous?.commit };
    return { ...(value as object), carriedFrom: origin };
  };
  if (flags.includes('--skip-postgres')) results.postgres = carried('postgres');
  else {
    const before = load();
    results.postgres = { ...((await postgres(scale)) as object), loadAverage: { before, after: load() } };
  }
  if (flags.includes('--skip-pglite')) results.pglite = carried('pglite');
  else {
    const before = load();
    results.pglite = { ...((await pglite(pgliteScale)) as object), loadAverage: { before, after: load() } };
  }
  return results;
}
