/**
 * A fresh database holding the sandbox profile, fast enough to call in every test file:
 *
 *   const cers = await openSandboxTestDb('pglite');   // or 'postgres'
 *   try { ... } finally { await cers.close(); }
 *
 * The profile is generated once per content hash (migrations + generator and domain sources +
 * seed) and cached: PGlite as a data-directory tarball under node_modules/.cache/cers/, PostgreSQL
 * as a template database cers_sandbox_tpl_<hash> that each call copies (CREATE DATABASE … TEMPLATE).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CersDb, MIGRATIONS_DIR, migrate, openDb, wrapPglite } from '@cers/db';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { generate, SANDBOX_SEED } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..', '..', '..');
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'cers');

// The same type parsers as @cers/db's openDb: DATE stays 'YYYY-MM-DD', int8 becomes a number.
const PARSERS = { 1082: (v: string) => v, 20: (v: string) => Number(v) };

function addTree(h: ReturnType<typeof createHash>, dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) addTree(h, path);
    else if (/\.(ts|sql)$/.test(name) && !name.endsWith('.test.ts')) h.update(path.slice(ROOT.length)).update(readFileSync(path));
  }
}

/** Changes whenever the schema, the generator or the rules it uses change. */
export function sandboxHash(seed = SANDBOX_SEED): string {
  const h = createHash('sha1');
  addTree(h, MIGRATIONS_DIR);
  addTree(h, join(ROOT, 'packages', 'sandbox', 'src'));
  // The domain rules the generator uses (other domain files do not change its output).
  for (const f of ['registry', 'levels', 'scoring', 'measures', 'writing', 'grades', 'years', 'demographics']) {
    const path = join(ROOT, 'packages', 'domain', 'src', `${f}.ts`);
    if (existsSync(path)) h.update(f).update(readFileSync(path));
  }
  addTree(h, join(ROOT, 'packages', 'db', 'src', 'writers'));
  h.update(readFileSync(join(ROOT, 'packages', 'db', 'src', 'bulk.ts')));
  h.update(String(seed));
  return h.digest('hex').slice(0, 12);
}

let pgliteImage: Promise<Blob> | undefined;

const STALE_MS = 2 * 3_600_000;

/** Removes images of older sources (kept two hours: a concurrent run may still use one). */
function pruneImages(keep: string): void {
  for (const name of readdirSync(CACHE_DIR)) {
    const path = join(CACHE_DIR, name);
    if (path === keep || !name.startsWith('sandbox-')) continue;
    if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
  }
}

/** One builder at a time across test workers: the others wait for its file (stale after 15 minutes). */
async function withBuildLock<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync(CACHE_DIR, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function buildPgliteImage(): Promise<Blob> {
  const file = join(CACHE_DIR, `sandbox-${sandboxHash()}.tar.gz`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  return withBuildLock(`${file}.lock`, async () => {
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    return generateImage(file);
  });
}

async function generateImage(file: string): Promise<Blob> {
  const cers = await openDb({ memory: true });
  try {
    await migrate(cers);
    await generate(cers, { profile: 'sandbox', seed: SANDBOX_SEED });
    const dump = await (cers.pglite as PGlite).dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file); // atomic: concurrent workers never read half a file
    pruneImages(file);
    return new Blob([bytes]);
  } finally {
    await cers.close();
  }
}

async function openPglite(): Promise<CersDb> {
  pgliteImage ??= buildPgliteImage();
  const image = await pgliteImage;
  const instance = await PGlite.create({ loadDataDir: image, parsers: PARSERS });
  return wrapPglite(instance, 'memory://');
}

function postgresUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

let templateReady: Promise<string> | undefined;

async function ensureTemplate(): Promise<string> {
  templateReady ??= (async () => {
    const name = `cers_sandbox_tpl_${sandboxHash()}`;
    const admin = new pg.Client({ connectionString: postgresUrl() });
    await admin.connect();
    try {
      await admin.query('select pg_advisory_lock(424243)');
      const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount === 0) {
        // Templates of older sources, built more than two hours ago (a concurrent run may use a recent one).
        const old = await admin.query<{ datname: string; note: string | null }>(
          "select datname, shobj_description(oid, 'pg_database') as note from pg_database where datname like 'cers_sandbox_tpl_%'",
        );
        for (const row of old.rows) {
          const built = Number(/built (\d+)/.exec(row.note ?? '')?.[1] ?? 0);
          if (Date.now() - built > STALE_MS) await admin.query(`drop database if exists ${row.datname}`).catch(() => undefined);
        }
        const building = `${name}_building`;
        await admin.query(`drop database if exists ${building}`);
        await admin.query(`create database ${building}`);
        const cers = await openDb({ url: withDatabase(postgresUrl(), building), poolSize: 2 });
        try {
          await migrate(cers);
          await generate(cers, { profile: 'sandbox', seed: SANDBOX_SEED });
        } finally {
          await cers.close();
        }
        await admin.query(`alter database ${building} rename to ${name}`);
        await admin.query(`comment on database ${name} is 'cers sandbox template built ${Date.now()}'`);
      }
    } finally {
      await admin.query('select pg_advisory_unlock(424243)').catch(() => undefined);
      await admin.end();
    }
    return name;
  })();
  return templateReady;
}

async function openPostgres(): Promise<CersDb> {
  const template = await ensureTemplate();
  const name = `cers_sbx_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl() });
  await admin.connect();
  try {
    // CREATE DATABASE … TEMPLATE needs the template free of other sessions: retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        break;
      } catch (error) {
        if (attempt > 100) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.end();
  }
  const cers = await openDb({ url: withDatabase(postgresUrl(), name), poolSize: 4 });
  return {
    ...cers,
    close: async () => {
      await cers.close();
      const dropper = new pg.Client({ connectionString: postgresUrl() });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await dropper.end();
    },
  };
}

/** Writes a PGlite data directory holding the sandbox profile (for a `cers` process with DATA_DIR). */
export async function writeSandboxDataDir(dataDir: string): Promise<void> {
  pgliteImage ??= buildPgliteImage();
  const instance = await PGlite.create({ dataDir, loadDataDir: await pgliteImage });
  await instance.close();
}

/** A fresh, private database holding the sandbox profile (close it when done). */
export function openSandboxTestDb(target: 'pglite' | 'postgres'): Promise<CersDb> {
  return target === 'pglite' ? openPglite() : openPostgres();
}
