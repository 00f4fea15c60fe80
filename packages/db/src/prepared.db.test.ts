import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser, testDbTargets } from '../test/index.js';
import { type CersDb, openDb } from './connect.js';
import { MAX_PREPARED_PER_CONNECTION, PREPARED, statementName } from './prepared.js';

const targets = await testDbTargets();

describe.each(targets)('PREPARED statements on $name', ({ name, create }) => {
  let cers: CersDb;
  beforeAll(async () => {
    cers = await create();
  });
  afterAll(async () => cers.close());

  const mode = async (db: CersDb['db'], prepared: boolean) =>
    (await sql<{ mode: string }>`${prepared ? PREPARED : sql``}select current_setting('plan_cache_mode') as mode`.execute(db)).rows[0]
      ?.mode;

  it('return the same rows and counts as ordinary statements', async () => {
    const userId = await seedUser(cers.db);
    const read = (prepared: boolean) =>
      sql<{
        id: number;
        login: string;
      }>`${prepared ? PREPARED : sql``}select id, login from users where id = any(${[userId, -1]}::int[])`.execute(cers.db);
    expect((await read(true)).rows).toEqual((await read(false)).rows);
    const written = await sql`${PREPARED}update users set display_name = ${'Renamed'} where id = ${userId}`.execute(cers.db);
    expect(written.numAffectedRows).toBe(1n);
    // camelCase result keys still apply (CamelCasePlugin)
    const [row] = (await sql<{ displayName: string }>`${PREPARED}select display_name from users where id = ${userId}`.execute(cers.db))
      .rows;
    expect(row?.displayName).toBe('Renamed');
  });

  it('report SQL errors like ordinary statements, and the connection stays usable', async () => {
    await expect(sql`${PREPARED}select * from no_such_table where id = ${1}`.execute(cers.db)).rejects.toThrow(/no_such_table/);
    await expect(sql`${PREPARED}select ${1}::int / 0`.execute(cers.db)).rejects.toThrow(/division by zero/);
    expect((await sql<{ one: number }>`${PREPARED}select ${1}::int as one`.execute(cers.db)).rows).toEqual([{ one: 1 }]);
  });

  it.runIf(name === 'postgres')('run with generic plans, once prepared per connection; everything else as before', async () => {
    const own = await openDb({ url: cers.url as string, poolSize: 1 });
    try {
      expect(await mode(own.db, true)).toBe('force_generic_plan');
      expect(await mode(own.db, false)).toBe('auto');
      // inside a transaction every statement runs on the transaction's connection, as written
      await own.db.transaction().execute(async (trx) => {
        expect(await mode(trx, true)).toBe('auto');
      });
      const text = `${'/* cers:prepared */'}select current_setting('plan_cache_mode') as mode`;
      const named = await sql<{
        n: number;
      }>`${PREPARED}select count(*)::int as n from pg_prepared_statements where name = ${statementName(text)}`.execute(own.db);
      expect(named.rows[0]?.n).toBe(1);
    } finally {
      await own.close();
    }
  });

  it.runIf(name === 'postgres')('prepare at most MAX_PREPARED_PER_CONNECTION statements per connection', async () => {
    const own = await openDb({ url: cers.url as string, poolSize: 1 });
    try {
      for (let i = 0; i < MAX_PREPARED_PER_CONNECTION + 20; i++) {
        await sql`${PREPARED}select ${sql.lit(i)} + ${1}::int as v`.execute(own.db);
      }
      const { rows } = await sql<{ n: number }>`${PREPARED}select count(*)::int as n from pg_prepared_statements`.execute(own.db);
      expect(rows[0]?.n).toBe(MAX_PREPARED_PER_CONNECTION);
      // statements beyond the bound still run (unnamed)
      expect((await sql<{ v: number }>`${PREPARED}select 9999 + ${1}::int as v`.execute(own.db)).rows).toEqual([{ v: 10000 }]);
    } finally {
      await own.close();
    }
  });
});
