import type { CersDb } from '@cers/db';
import { testDbTargets } from '@cers/db/test';
import { achievementLevel, threeLevelIndicator, threeLevelNumber } from '@cers/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../src/index.js';

const targets = await testDbTargets();

async function catalogOf(cers: CersDb): Promise<string[]> {
  const r = await sql<{ d: string }>`
    select tablename || ':' || indexname as d from pg_indexes where schemaname = 'public'
    union all
    select conrelid::regclass::text || ':' || conname from pg_constraint where contype in ('f', 'p', 'u')
    order by 1`.execute(cers.db);
  return r.rows.map((x) => x.d);
}

describe.each(targets)('state profile (small scale) on $name', ({ create }) => {
  let cers: CersDb;
  let before: string[];
  let summary: Awaited<ReturnType<typeof generate>>;
  beforeAll(async () => {
    cers = await create();
    before = await catalogOf(cers);
    summary = await generate(cers, { profile: 'state', seed: 7, scale: 0.002 });
  });
  afterAll(async () => {
    await cers?.close();
  });

  it('writes districts, schools, students and two summatives per student', async () => {
    expect(summary.rows.organizations).toBeGreaterThan(20);
    const counts = await sql<{ students: number; exams: number; schools: number; districts: number }>`
      select (select count(*)::int from students) as students, (select count(*)::int from exams) as exams,
             (select count(*)::int from organizations where type = 'school') as schools,
             (select count(*)::int from organizations where type = 'district') as districts`.execute(cers.db);
    const c = counts.rows[0];
    expect(c?.districts).toBe(2);
    expect(c?.schools).toBe(20);
    expect(c?.students).toBe(summary.rows.students);
    expect(c?.exams).toBe(summary.rows.exams);
    expect((c?.exams ?? 0) / (c?.students ?? 1)).toBeGreaterThan(1.9);
  });

  it('restores every index and constraint it dropped for the load', async () => {
    expect(await catalogOf(cers)).toEqual(before);
  });

  it('follows the 2025–26 rules: composites, traits for ELA, Lexile/Quantile, consistent levels', async () => {
    const rows = await sql<{ subject: string; composites: number; traits: number; measures: number; n: number }>`
      select a.subject,
        count(*) filter (where exists (select 1 from exam_scores s where s.district_id = e.district_id and s.exam_id = e.id and s.kind = 'composite'))::int as composites,
        count(*) filter (where exists (select 1 from exam_trait_scores t where t.district_id = e.district_id and t.exam_id = e.id))::int as traits,
        count(*) filter (where e.lexile is not null or e.quantile is not null)::int as measures,
        count(*)::int as n
      from exams e join assessments a on a.id = e.assessment_id group by 1 order by 1`.execute(cers.db);
    for (const r of rows.rows) {
      expect(r.composites).toBe(r.n);
      expect(r.measures).toBe(r.n);
      expect(r.traits).toBe(r.subject === 'ELA' ? r.n : 0);
    }
    const levels = await sql<{
      score: number;
      sem: number;
      level: number;
      cuts: number[];
      sub: number | null;
      subSem: number | null;
      subLevel: number | null;
    }>`
      select e.scale_score as score, e.scale_score_sem as sem, e.achievement_level as level, a.cut_scores as cuts,
             s.scale_score as sub, s.sem as "subSem", s.level as "subLevel"
      from exams e join assessments a on a.id = e.assessment_id
      left join exam_scores s on s.district_id = e.district_id and s.exam_id = e.id`.execute(cers.db);
    for (const r of levels.rows) {
      expect(r.level).toBe(achievementLevel(r.score, r.cuts));
      if (r.sub !== null) expect(r.subLevel).toBe(threeLevelNumber(threeLevelIndicator(r.sub, r.subSem ?? 0, r.cuts[1] as number)));
    }
  });
});
