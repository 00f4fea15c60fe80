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
import { mkdtempSync, rmSync } from 'node:fs';
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
    const version = (await admin.query<{ v: string }>('show server_version')).rows[0]?.v;
    const run = await runWorker(['--target=postgres', `--scale=${scale}`, `--url=${withDatabase(adminUrl, DATABASE)}`]);
    return { server: `PostgreSQL ${version}`, database: DATABASE, ...(run.ok ? run.result : { failed: run.reason, scale }) };
  } finally {
    await admin.query(`drop database if exists ${DATABASE} with (force)`).catch(() => undefined);
    await admin.end();
  }
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
  if (!flags.includes('--skip-postgres')) {
    const before = load();
    results.postgres = { ...((await postgres(scale)) as object), loadAverage: { before, after: load() } };
  }
  if (!flags.includes('--skip-pglite')) {
    const before = load();
    results.pglite = { ...((await pglite(pgliteScale)) as object), loadAverage: { before, after: load() } };
  }
  return results;
}
