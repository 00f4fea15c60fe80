/**
 * Bulk-load mode for the large profiles: secondary indexes and foreign keys of the loaded tables are
 * dropped before the load and rebuilt after it (one sort per index instead of millions of index
 * insertions, one join per foreign key instead of a trigger per row). The definitions are read from
 * the catalog first, so the rebuilt schema is exactly the migrated one. Primary keys stay.
 */
import type { CersDb } from '@cers/db';

type Saved = { indexes: { name: string; def: string }[]; foreignKeys: { table: string; name: string; def: string }[] };

async function save(cers: CersDb, tables: readonly string[]): Promise<Saved> {
  const list = tables.map((t) => `'${t}'`).join(',');
  const fks = await cers.executeSql<{ tbl: string; name: string; def: string }>(
    `select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def
       from pg_constraint c where c.contype = 'f'
        and (c.conrelid::regclass::text in (${list}) or c.confrelid::regclass::text in (${list})) order by 1, 2`,
  );
  const idx = await cers.executeSql<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = 'public' and i.tablename in (${list})
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.contype in ('p', 'u'))
      order by 1`,
  );
  return { indexes: idx.rows, foreignKeys: fks.rows.map((r) => ({ table: r.tbl, name: r.name, def: r.def })) };
}

export async function withBulkLoadIndexes<T>(cers: CersDb, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const saved = await save(cers, tables);
  for (const fk of saved.foreignKeys) await cers.exec(`alter table ${fk.table} drop constraint ${fk.name}`);
  for (const index of saved.indexes) await cers.exec(`drop index ${index.name}`);
  const restore = async () => {
    const indexes = saved.indexes.map((i) => `set maintenance_work_mem = '256MB'; ${i.def}`);
    const foreignKeys = saved.foreignKeys.map((f) => `alter table ${f.table} add constraint ${f.name} ${f.def}`);
    // Two at a time on PostgreSQL (one per core); PGlite has a single connection anyway.
    await runTwoAtATime(cers, indexes);
    await runTwoAtATime(cers, foreignKeys);
    await cers.exec(`analyze ${tables.join(', ')}`);
  };
  let result: T;
  try {
    result = await load();
  } catch (error) {
    await restore().catch(() => undefined); // the load's error is the one to report
    throw error;
  }
  await restore();
  return result;
}

async function runTwoAtATime(cers: CersDb, statements: readonly string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < statements.length) {
      const statement = statements[next++] as string;
      await cers.exec(statement);
    }
  };
  await Promise.all([worker(), worker()]);
}
