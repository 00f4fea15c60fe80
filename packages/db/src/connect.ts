import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, sql } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { Mutex } from './mutex.js';
import { PGliteDialect } from './pglite-dialect.js';
import { genericPoolConfig, PreparingPostgresDialect } from './prepared.js';
import type { Database } from './schema.js';

export type DbKind = 'pglite' | 'postgres';

/** The one handle every package receives: Kysely for queries, raw SQL for pg-boss and migrations. */
export type CersDb = {
  readonly kind: DbKind;
  readonly db: Kysely<Database>;
  /** Parameterised raw SQL outside Kysely (pg-boss adapter, COPY-free bulk helpers). */
  executeSql<R = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<{ rows: R[] }>;
  /** Several statements at once, no parameters (migrations). */
  exec(text: string): Promise<void>;
  /** The PostgreSQL URL when kind is postgres. */
  readonly url: string | undefined;
  /** The PGlite data directory ('memory://' when in memory). */
  readonly dataDir: string | undefined;
  /** Present for PGlite: the raw instance (clone/dump in tests). */
  readonly pglite: PGlite | undefined;
  /** Present for PostgreSQL: one pooled connection of its own (COPY … FROM STDIN, see copy.ts); release it. */
  readonly connect?: () => Promise<pg.PoolClient>;
  close(): Promise<void>;
};

export type OpenOptions = { url: string; poolSize?: number } | { dataDir: string } | { memory: true } | { pglite: PGlite };

// DATE columns stay 'YYYY-MM-DD' strings (no timezone shifts); int8 counts become numbers.
const DATE_OID = 1082;
const INT8_OID = 20;
pg.types.setTypeParser(DATE_OID, (v: string) => v);
pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));

/** Type parsers every PGlite instance must use (also for test copies loaded from a dump). */
export const PGLITE_PARSERS = {
  [DATE_OID]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
};

export async function openDb(options: OpenOptions): Promise<CersDb> {
  if ('url' in options) return openPostgres(options.url, options.poolSize ?? 10);
  let instance: PGlite;
  let dataDir: string;
  if ('pglite' in options) {
    instance = options.pglite;
    dataDir = instance.dataDir ?? 'memory://';
  } else if ('memory' in options) {
    dataDir = 'memory://';
    instance = await PGlite.create({ parsers: PGLITE_PARSERS });
  } else {
    dataDir = options.dataDir;
    mkdirSync(dataDir, { recursive: true });
    instance = await PGlite.create({ dataDir, parsers: PGLITE_PARSERS });
  }
  return wrapPglite(instance, dataDir);
}

/** Wrap an existing PGlite (e.g. a clone of a migrated template in tests). */
export function wrapPglite(instance: PGlite, dataDir: string): CersDb {
  const mutex = new Mutex();
  const db = new Kysely<Database>({
    dialect: new PGliteDialect(instance, mutex),
    plugins: [new CamelCasePlugin()],
  });
  return {
    kind: 'pglite',
    db,
    url: undefined,
    dataDir,
    pglite: instance,
    executeSql: (text, values) =>
      mutex.run(async () => {
        if (values && values.length > 0) {
          const r = await instance.query(text, values as unknown[]);
          return { rows: r.rows as never[] };
        }
        // No parameters: the simple protocol, which also takes several statements (pg-boss DDL).
        const results = await instance.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as never[] };
      }),
    exec: (text) =>
      mutex.run(async () => {
        await instance.exec(text);
      }),
    close: async () => {
      await db.destroy();
      await mutex.run(() => instance.close());
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<CersDb> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // PREPARED statements (prepared.ts) run on a second pool whose sessions plan them once, generically.
  const generic = new pg.Pool(genericPoolConfig({ connectionString: url, max: poolSize }));
  for (const p of [pool, generic]) {
    p.on('error', () => {
      // idle client errors (server restart) are reported on the next query instead
    });
  }
  const db = new Kysely<Database>({
    dialect: new PreparingPostgresDialect({ pool, cursor: Cursor, generic }),
    plugins: [new CamelCasePlugin()],
  });
  // fail fast with a clear message when the server is unreachable
  await sql`select 1`.execute(db);
  return {
    kind: 'postgres',
    db,
    url,
    dataDir: undefined,
    pglite: undefined,
    connect: () => pool.connect(),
    executeSql: async (text, values) => {
      const r = await pool.query(text, values as unknown[] | undefined);
      return { rows: r.rows };
    },
    exec: async (text) => {
      await pool.query(text);
    },
    close: async () => {
      await db.destroy();
    },
  };
}
