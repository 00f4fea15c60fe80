/**
 * COPY … FROM for bulk writes inside a transaction (the importer's batches): PostgreSQL gets the
 * data as COPY FROM STDIN on a connection of its own (pg-copy-streams), PGlite as COPY FROM
 * '/dev/blob'. COPY skips what `insert … select … from unnest(…)` costs at high row counts: the
 * driver's array-parameter encoding, the server's array parsing, and a row object per row.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CersDb } from './connect.js';
import type { Database } from './schema.js';

/** A database session whose transaction can also take COPY data. */
export type CopySession = {
  /** Kysely on this session's one connection: run the transaction with it, COPY inside it. */
  readonly db: Kysely<Database>;
  /**
   * COPY table (columns) FROM the data: text format (tab-separated lines, see copyEscape) or
   * PostgreSQL's binary format. Call it inside a transaction of `db` (on PGlite it uses the
   * connection that transaction holds).
   */
  copy(table: string, columns: readonly string[], data: string | Uint8Array, format?: 'text' | 'binary'): Promise<void>;
};

function statement(table: string, columns: readonly string[]): string {
  return `copy ${table} (${columns.join(', ')}) from`;
}

/** Kysely over a single pg connection (never released to the pool by Kysely itself). */
function kyselyOn(client: pg.PoolClient): Kysely<Database> {
  const held = {
    query: client.query.bind(client),
    release: () => {},
  };
  return new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: { connect: async () => held, end: async () => {} } as never,
    }),
    plugins: [new CamelCasePlugin()],
  });
}

/**
 * Runs fn with a COPY-capable session: on PostgreSQL a pooled connection held for the call; on
 * PGlite the one connection (its transaction takes the mutex as usual).
 */
export async function withCopySession<T>(cers: CersDb, fn: (s: CopySession) => Promise<T>): Promise<T> {
  if (cers.kind === 'pglite') {
    const pglite = cers.pglite;
    if (!pglite) throw new Error('PGlite handle missing');
    return fn({
      db: cers.db,
      copy: async (table, columns, data, format = 'text') => {
        await pglite.query(`${statement(table, columns)} '/dev/blob' with (format ${format})`, [], {
          blob: new Blob([typeof data === 'string' ? data : new Uint8Array(data)]),
        });
      },
    });
  }
  if (!cers.connect) throw new Error('this database handle cannot lend a connection');
  const client = await cers.connect();
  let broken: Error | undefined;
  try {
    return await fn({
      db: kyselyOn(client),
      copy: async (table, columns, data, format = 'text') => {
        if (data.length === 0) return;
        await pipeline(Readable.from([data]), client.query(copyFrom(`${statement(table, columns)} stdin with (format ${format})`)));
      },
    });
  } catch (error) {
    // A failed COPY can leave the protocol mid-stream: do not hand that connection to others.
    broken = error as Error;
    throw error;
  } finally {
    client.release(broken);
  }
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** Text for one COPY text-format field (backslash, tab, newline and carriage return escaped). */
export function copyEscape(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string) : text;
}

/** COPY text field for a value of any column type; null/undefined is \N. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  switch (typeof value) {
    case 'number':
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    case 'string':
      return copyEscape(value);
    default:
      if (value instanceof Date) return value.toISOString();
      return copyEscape(JSON.stringify(value));
  }
}

/**
 * A text[] field as bulkInsert writes it: an empty list (or one empty string) is '{}', elements
 * quoted. (bulkInsert joins elements with U+001F and splits them in SQL; identical results.)
 */
export function copyTextArray(list: readonly string[] | null | undefined): string {
  if (!list || list.length === 0 || (list.length === 1 && list[0] === '')) return '{}';
  let out = '{';
  for (let i = 0; i < list.length; i++) {
    const v = list[i] as string;
    out += `${i === 0 ? '' : ','}"${v.replace(/[\\"]/g, '\\$&')}"`;
  }
  return copyEscape(`${out}}`);
}

const BINARY_HEADER = Buffer.from('PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0', 'latin1');

/** Binary COPY data for (int4, bytea) rows — raw payloads without hex or escaping. */
export function binaryIntBytea(rows: readonly { id: number; bytes: Uint8Array }[]): Buffer {
  let size = BINARY_HEADER.length + 2;
  for (const r of rows) size += 2 + 4 + 4 + 4 + r.bytes.length;
  const out = Buffer.allocUnsafe(size);
  let at = BINARY_HEADER.copy(out, 0);
  for (const r of rows) {
    at = out.writeInt16BE(2, at);
    at = out.writeInt32BE(4, at);
    at = out.writeInt32BE(r.id, at);
    at = out.writeInt32BE(r.bytes.length, at);
    out.set(r.bytes, at);
    at += r.bytes.length;
  }
  out.writeInt16BE(-1, at);
  return out;
}
