import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CersDb } from './connect.js';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

export type MigrationResult = { applied: string[]; alreadyApplied: number };

/** Applies every migrations/NNNN_*.sql not yet recorded, in order, each in its own transaction. */
export async function migrate(cers: CersDb): Promise<MigrationResult> {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
  await cers.exec('create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())');
  // Several processes may start at once against one PostgreSQL: take turns.
  if (cers.kind === 'postgres') await cers.executeSql('select pg_advisory_lock(727272)');
  try {
    const done = new Set((await cers.executeSql<{ version: string }>('select version from schema_migrations')).rows.map((r) => r.version));
    const applied: string[] = [];
    for (const file of files) {
      const version = file.replace(/\.sql$/, '');
      if (done.has(version)) continue;
      const body = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
      await cers.exec(`begin;\n${body}\n;insert into schema_migrations (version) values ('${version}');\ncommit;`);
      applied.push(version);
    }
    return { applied, alreadyApplied: done.size };
  } catch (error) {
    await cers.exec('rollback').catch(() => undefined);
    throw error;
  } finally {
    if (cers.kind === 'postgres') await cers.executeSql('select pg_advisory_unlock(727272)');
  }
}
