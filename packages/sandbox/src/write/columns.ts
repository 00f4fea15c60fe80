/**
 * Columnar bulk load for the state profile (docs/adr/0009-seeded-generator-and-bulk-load.md): the
 * caller fills one array per column; each batch goes to the database as one COPY … FROM STDIN in
 * PostgreSQL's text format (PGlite: COPY … FROM '/dev/blob'). At millions of rows, a row object per
 * row and the driver's parameter encoding cost more than the database work; COPY also skips the
 * parsing of huge array parameters that `insert … select … from unnest(…)` needs.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CersDb } from '@cers/db';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type ColumnType = 'int' | 'smallint' | 'float8' | 'text' | 'bool' | 'timestamptz' | 'date' | 'text[]';
export type Value = string | number | boolean | null;
export type Column = { name: string; type: ColumnType; values: Value[] };

const UNIT = '\u001f';
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeCopy(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string);
}

/** One cell in COPY text format (\\N for null; text[] cells arrive UNIT-joined). */
export function copyCell(type: ColumnType, value: Value): string {
  if (value === null) return '\\N';
  switch (type) {
    case 'bool':
      return value ? 't' : 'f';
    case 'int':
    case 'smallint':
    case 'float8':
      return String(value);
    case 'text[]':
      return escapeCopy(
        `{${String(value)
          .split(UNIT)
          .map((x) => `"${x.replace(/[\\"]/g, '\\$&')}"`)
          .join(',')}}`,
      );
    case 'text':
    case 'timestamptz':
    case 'date':
      return escapeCopy(String(value));
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** The rows of equally long column arrays as COPY text (one line per row). */
export function copyText(columns: readonly Column[]): string {
  const rows = columns[0]?.values.length ?? 0;
  const lines: string[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c] as Column;
      line += (c === 0 ? '' : '\t') + copyCell(col.type, col.values[i] ?? null);
    }
    lines[i] = line;
  }
  return rows === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Writes column batches with COPY; PostgreSQL gets a connection per concurrent table. */
export class CopyLoader {
  readonly #idle: pg.Client[] = [];
  readonly #all: pg.Client[] = [];
  constructor(private readonly cers: CersDb) {}

  async #client(): Promise<pg.Client> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    const client = new pg.Client({ connectionString: this.cers.url });
    await client.connect();
    this.#all.push(client);
    return client;
  }

  async load(table: string, columns: readonly Column[]): Promise<number> {
    const rows = columns[0]?.values.length ?? 0;
    if (rows === 0) return 0;
    const statement = `COPY ${table} (${columns.map((c) => c.name).join(', ')}) FROM`;
    const text = copyText(columns);
    if (this.cers.kind === 'pglite') {
      if (!this.cers.pglite) throw new Error('PGlite handle missing');
      await this.cers.pglite.query(`${statement} '/dev/blob'`, [], { blob: new Blob([text]) });
      return rows;
    }
    const client = await this.#client();
    try {
      await pipeline(Readable.from([text]), client.query(copyFrom(`${statement} STDIN`)));
    } finally {
      this.#idle.push(client);
    }
    return rows;
  }

  async close(): Promise<void> {
    await Promise.all(this.#all.map((c) => c.end().catch(() => undefined)));
  }
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
  flush(loader: CopyLoader): Promise<number> {
    const taken = Object.values<Column>(this.columns).map((c) => ({ ...c }));
    for (const c of Object.values<Column>(this.columns)) c.values = [];
    return loader.load(this.table, taken);
  }
}
