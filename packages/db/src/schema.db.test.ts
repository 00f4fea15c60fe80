import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbTargets } from '../test/index.js';
import type { CersDb } from './connect.js';
import { migrate } from './migrate.js';

const targets = await testDbTargets();

/** snake_case → camelCase as CamelCasePlugin does (result rows are camelCased too). */
const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

describe.each(targets)('schema on $name', ({ create }) => {
  let cers: CersDb;
  beforeAll(async () => {
    cers = await create();
  });
  afterAll(async () => cers.close());

  it('migrations are recorded and re-running them applies nothing', async () => {
    const again = await migrate(cers);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThan(0);
  });

  it('src/schema.ts (Kysely types) matches the migrated catalog', async () => {
    const { rows } = await sql<{ tableName: string; columnName: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and table_name <> 'schema_migrations'
      order by table_name, column_name`.execute(cers.db);
    const source = await import('node:fs').then((fs) => fs.readFileSync(new URL('./schema.ts', import.meta.url), 'utf8'));
    const missing = rows.filter((r) => {
      const iface = camel(`_${r.tableName}`).replace(/^./, (c) => c.toUpperCase());
      const block = new RegExp(`export interface ${iface} \\{([^}]*)\\}`).exec(source)?.[1] ?? '';
      return !new RegExp(`\\b${camel(r.columnName)}\\??:`).test(block);
    });
    expect(missing.map((r) => `${r.tableName}.${r.columnName}`)).toEqual([]);
  });

  it('returns DATE columns as YYYY-MM-DD strings on every copy of the database', async () => {
    const r = await sql<{ d: unknown }>`select '2024-02-03'::date as d`.execute(cers.db);
    expect(r.rows[0]?.d).toBe('2024-02-03');
  });

  it('student-result tables lead their primary keys with district_id (Citus-ready)', async () => {
    const { rows } = await sql<{ tableName: string; firstColumn: string }>`
      select tc.table_name, kcu.column_name as first_column
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.ordinal_position = 1
      where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = 'public'
        and tc.table_name in ('exams', 'exam_scores', 'exam_target_scores', 'exam_trait_scores', 'exam_items', 'student_group_members', 'audit_log')`.execute(
      cers.db,
    );
    expect(rows).toHaveLength(7);
    for (const r of rows) expect(r.firstColumn).toBe('district_id');
  });
});
