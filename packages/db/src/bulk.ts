import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './schema.js';

/** PostgreSQL element types accepted by bulkInsert. 'text[]' and 'jsonb' travel as text. */
export type BulkType = 'int' | 'bigint' | 'float8' | 'text' | 'bool' | 'timestamptz' | 'date' | 'smallint' | 'text[]' | 'jsonb';
export type BulkColumn<R> = readonly [column: string, type: BulkType, value: (row: R) => unknown];

const UNIT = '\u001f';

function encode(type: BulkType, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (type === 'text[]') {
    const list = value as readonly string[];
    return list.length === 0 ? '' : list.join(UNIT);
  }
  if (type === 'jsonb') return JSON.stringify(value);
  if (type === 'timestamptz' && value instanceof Date) return value.toISOString();
  return value;
}

/**
 * insert into <table> (...) select ... from unnest($1::t1[], $2::t2[], ...): one statement and
 * one parameter per column whatever the row count (DEVELOPERS.md: bulk writes, never row by row).
 * Chunk very large inputs yourself (rowsPerStatement) to bound memory.
 */
export async function bulkInsert<R>(
  db: Kysely<Database>,
  table: string,
  columns: readonly BulkColumn<R>[],
  rows: readonly R[],
  options: { rowsPerStatement?: number; onConflict?: string } = {},
): Promise<void> {
  const chunk = options.rowsPerStatement ?? 20_000;
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const params: RawBuilder<unknown>[] = [];
    const selects: RawBuilder<unknown>[] = [];
    for (let i = 0; i < columns.length; i++) {
      const [, type, get] = columns[i] as BulkColumn<R>;
      const values = slice.map((r) => encode(type, get(r)));
      const elementType = type === 'text[]' || type === 'jsonb' ? 'text' : type;
      params.push(sql`${values}::${sql.raw(elementType)}[]`);
      const col = sql.ref(`c${i}`);
      if (type === 'text[]') {
        selects.push(sql`coalesce(string_to_array(${col}, ${UNIT}), '{}')`);
      } else if (type === 'jsonb') {
        selects.push(sql`${col}::jsonb`);
      } else {
        selects.push(sql`${col}`);
      }
    }
    const names = columns.map(([name]) => sql.id(name));
    const aliases = columns.map((_, i) => sql.id(`c${i}`));
    const conflict = options.onConflict ? sql` ${sql.raw(options.onConflict)}` : sql``;
    await sql`insert into ${sql.id(table)} (${sql.join(names)})
      select ${sql.join(selects)} from unnest(${sql.join(params)}) as t(${sql.join(aliases)})${conflict}`.execute(db);
  }
}

/** Reserves n ids from a serial column's sequence, in order. */
export async function reserveIds(db: Kysely<Database>, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const seq = `${table}_id_seq`;
  const r = await sql<{ id: number }>`select nextval(${seq}::regclass)::int as id from generate_series(1, ${n}::int)`.execute(db);
  return r.rows.map((row) => row.id);
}
