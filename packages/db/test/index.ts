/**
 * Test databases: every *.db.test.ts runs on PGlite always and on PostgreSQL when
 * TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) answers. Each call to
 * create() returns a fresh, migrated, empty database: a copy of a per-process PGlite template, or
 * a PostgreSQL database created from a migrated template database.
 *
 *   const targets = await testDbTargets();
 *   describe.each(targets)('$name', ({ create }) => { ... });
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type CersDb, openDb, PGLITE_PARSERS, wrapPglite } from '../src/connect.js';
import { MIGRATIONS_DIR, migrate } from '../src/migrate.js';

export type TestDbTarget = { name: 'pglite' | 'postgres'; create: () => Promise<CersDb> };

let pgliteTemplate: Promise<File | Blob> | undefined;

async function pgliteCreate(): Promise<CersDb> {
  // A dump of a migrated database, loaded into a new instance per call. (PGlite's clone() would be
  // faster but drops the type parsers, so DATE columns would come back as Date objects.)
  pgliteTemplate ??= (async () => {
    const template = await openDb({ memory: true });
    await migrate(template);
    const dump = await (template.pglite as PGlite).dumpDataDir('none');
    await template.close();
    return dump;
  })();
  const instance = await PGlite.create({ loadDataDir: await pgliteTemplate, parsers: PGLITE_PARSERS });
  return wrapPglite(instance, 'memory://');
}

function migrationsHash(): string {
  const h = createHash('sha1');
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) h.update(f).update(readFileSync(join(MIGRATIONS_DIR, f)));
  return h.digest('hex').slice(0, 12);
}

export function testPostgresUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

let reachable: Promise<boolean> | undefined;
export function postgresReachable(): Promise<boolean> {
  if (process.env.CERS_TEST_PG === 'off') return Promise.resolve(false);
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: testPostgresUrl(), connectionTimeoutMillis: 1500 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

let templateReady: Promise<string> | undefined;
async function ensurePostgresTemplate(): Promise<string> {
  templateReady ??= (async () => {
    const name = `cers_tpl_${migrationsHash()}`;
    const admin = new pg.Client({ connectionString: testPostgresUrl() });
    await admin.connect();
    try {
      await admin.query('select pg_advisory_lock(424242)');
      const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount === 0) {
        await admin.query(`create database ${name}`);
        const db = await openDb({ url: withDatabase(testPostgresUrl(), name), poolSize: 1 });
        try {
          await migrate(db);
        } finally {
          await db.close();
        }
      }
      await admin.query('select pg_advisory_unlock(424242)');
    } finally {
      await admin.end();
    }
    return name;
  })();
  return templateReady;
}

async function postgresCreate(): Promise<CersDb> {
  const template = await ensurePostgresTemplate();
  const name = `cers_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  try {
    // CREATE DATABASE ... TEMPLATE needs the template free of sessions: retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        break;
      } catch (error) {
        if (attempt > 50) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.end();
  }
  const db = await openDb({ url: withDatabase(testPostgresUrl(), name), poolSize: 4 });
  return {
    ...db,
    close: async () => {
      await db.close();
      const dropper = new pg.Client({ connectionString: testPostgresUrl() });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await dropper.end();
    },
  };
}

export async function testDbTargets(): Promise<TestDbTarget[]> {
  const targets: TestDbTarget[] = [{ name: 'pglite', create: pgliteCreate }];
  if (await postgresReachable()) targets.push({ name: 'postgres', create: postgresCreate });
  return targets;
}
export * from './seed.js';
