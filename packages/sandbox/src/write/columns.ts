/**
 * Columnar bulk insert for the large profiles: the same `insert … select … from unnest($1::t[], …)`
 * statement as @cers/db's bulkInsert, but the caller fills one array per column and each array is
 * sent as one PostgreSQL array literal built with a single join. For millions of rows this avoids a
 * row object per row and the driver's per-element array encoding, which dominate the cost.
 */
import type { CersDb } from '@cers/db';
import { sql } from 'kysely';

export type ColumnType = 'int' | 'smallint' | 'float8' | 'text' | 'bool' | 'timestamptz' | 'date' | 'text[]';
export type Value = string | number | boolean | null;
export type Column = { name: string; type: ColumnType; values: Value[] };

const UNIT = '\u001f';

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** PostgreSQL array literal of one column ('{1,2,NULL}', '{"a","b"}'). */
export function arrayLiteral(type: ColumnType, values: readonly Value[]): string {
  switch (type) {
    case 'int':
    case 'smallint':
    case 'float8':
      return `{${values.map((v) => (v === null ? 'NULL' : v)).join(',')}}`;
    case 'bool':
      return `{${values.map((v) => (v === null ? 'NULL' : v ? 't' : 'f')).join(',')}}`;
    case 'text':
    case 'timestamptz':
    case 'date':
    case 'text[]':
      return `{${values.map((v) => (v === null ? 'NULL' : quote(String(v)))).join(',')}}`;
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** Inserts the rows described by equally long column arrays (text[] cells are UNIT-joined strings). */
export async function insertColumns(db: CersDb['db'], table: string, columns: readonly Column[]): Promise<number> {
  const rows = columns[0]?.values.length ?? 0;
  if (rows === 0) return 0;
  const params = columns.map((c) => sql`${arrayLiteral(c.type, c.values)}::${sql.raw(c.type === 'text[]' ? 'text' : c.type)}[]`);
  const selects = columns.map((c, i) => {
    const ref = sql.ref(`c${i}`);
    if (c.type === 'text[]') return sql`coalesce(string_to_array(${ref}, ${UNIT}), '{}')`;
    return sql`${ref}`;
  });
  await sql`insert into ${sql.id(table)} (${sql.join(columns.map((c) => sql.id(c.name)))})
    select ${sql.join(selects)} from unnest(${sql.join(params)}) as t(${sql.join(columns.map((_, i) => sql.id(`c${i}`)))})`.execute(db);
  return rows;
}

export function joinList(list: readonly string[]): string {
  return list.join(UNIT);
}

/** A growable set of columns for one table. */
export class ColumnBatch<K extends string> {
  readonly columns: Record<K, Column>;
  constructor(
    readonly table: string,
    spec: Record<K, [name: string, type: ColumnType]>,
  ) {
    const columns = {} as Record<K, Column>;
    for (const key of Object.keys(spec) as K[]) {
      const [name, type] = spec[key];
      columns[key] = { name, type, values: [] };
    }
    this.columns = columns;
  }

  push(row: Record<K, Value>): void {
    for (const key in row) this.columns[key].values.push(row[key]);
  }

  get size(): number {
    const first = Object.values<Column>(this.columns)[0];
    return first ? first.values.length : 0;
  }

  /** Writes the buffered rows; the buffer is emptied at once, so rows pushed meanwhile are kept. */
  flush(db: CersDb['db']): Promise<number> {
    const taken = Object.values<Column>(this.columns).map((c) => ({ ...c }));
    for (const c of Object.values<Column>(this.columns)) c.values = [];
    return insertColumns(db, this.table, taken);
  }
}
