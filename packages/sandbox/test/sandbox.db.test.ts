import { type CersDb, examInScope, findPrincipal } from '@cers/db';
import { postgresReachable } from '@cers/db/test';
import { achievementLevel, individualScope, threeLevelIndicator, threeLevelNumber } from '@cers/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_SCHOOLS, SANDBOX_PERSONAS, SANDBOX_SSIDS } from '../src/index.js';
import { sandboxDigest } from './digest.js';
import { openSandboxTestDb } from './index.js';

const ALL_SSIDS = Object.values(SANDBOX_SSIDS).flat();
const targets: ('pglite' | 'postgres')[] = (await postgresReachable()) ? ['pglite', 'postgres'] : ['pglite'];
const digests = new Map<string, string>();

describe.each(targets)('sandbox profile on %s', (target) => {
  let cers: CersDb;
  beforeAll(async () => {
    cers = await openSandboxTestDb(target);
  });
  afterAll(async () => {
    await cers?.close();
  });

  it('puts the six SSIDs at their schools with multi-year, multi-family histories', async () => {
    const rows = await cers.db
      .selectFrom('students as s')
      .innerJoin('organizations as o', 'o.id', 's.inferredSchoolId')
      .innerJoin('exams as e', 'e.studentId', 's.id')
      .innerJoin('assessments as a', 'a.id', 'e.assessmentId')
      .select(['s.ssid', 'o.naturalId as school'])
      .select(sql<number>`count(distinct e.school_year)::int`.as('years'))
      .select(sql<number>`count(distinct a.family)::int`.as('families'))
      .select(sql<number>`count(distinct a.type)::int`.as('types'))
      .where('s.ssid', 'in', ALL_SSIDS)
      .groupBy(['s.ssid', 'o.naturalId'])
      .execute();
    expect(rows).toHaveLength(6);
    for (const [band, ssids] of Object.entries(SANDBOX_SSIDS) as ['elementary' | 'middle' | 'high', readonly string[]][]) {
      for (const ssid of ssids) {
        const r = rows.find((x) => x.ssid === ssid);
        expect(r?.school, ssid).toBe(SAMPLE_SCHOOLS[band].naturalId);
        expect(r?.years, ssid).toBeGreaterThanOrEqual(2);
        expect(r?.families, ssid).toBeGreaterThanOrEqual(2);
        expect(r?.types, ssid).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('lets each sandbox teacher find its school’s two SSIDs and none of the others', async () => {
    for (const persona of SANDBOX_PERSONAS.filter((p) => p.key.startsWith('teacher-'))) {
      const user = await cers.db
        .selectFrom('users')
        .select(['id', 'isSandbox', 'passwordHash'])
        .where('login', '=', persona.login)
        .executeTakeFirstOrThrow();
      expect(user.isSandbox).toBe(true);
      expect(user.passwordHash).toBeNull();
      const principal = await findPrincipal(cers.db, user.id);
      if (!principal) throw new Error(persona.login);
      const scope = individualScope(principal);
      const visible = await cers.db
        .selectFrom('exams as e')
        .innerJoin('assessments as a', 'a.id', 'e.assessmentId')
        .innerJoin('students as s', 's.id', 'e.studentId')
        .select('s.ssid')
        .distinct()
        .where('s.ssid', 'in', ALL_SSIDS)
        .where(examInScope(scope, { exam: 'e', assessment: 'a' }))
        .execute();
      const band = persona.key.replace('teacher-', '') as keyof typeof SANDBOX_SSIDS;
      expect(visible.map((v) => v.ssid).sort(), persona.key).toEqual([...SANDBOX_SSIDS[band]].sort());
      // and the current-year groups they teach hold exactly those two of the six
      const inGroups = await cers.db
        .selectFrom('studentGroupTeachers as t')
        .innerJoin('studentGroups as g', 'g.id', 't.groupId')
        .innerJoin('studentGroupMembers as m', 'm.groupId', 'g.id')
        .innerJoin('students as s', 's.id', 'm.studentId')
        .select('s.ssid')
        .distinct()
        .where('t.userId', '=', user.id)
        .where('g.schoolYear', '=', 2026)
        .where('s.ssid', 'in', ALL_SSIDS)
        .execute();
      expect(inGroups.map((v) => v.ssid).sort()).toEqual([...SANDBOX_SSIDS[band]].sort());
    }
  });

  it('gives each sandbox teacher an assigned class of 30+ students with this year’s ELA summative (Target Report)', async () => {
    // seeds/001: Assigned Groups → ELA Summative → Show Results → Target Report needs ≥ 30 students.
    for (const persona of SANDBOX_PERSONAS.filter((p) => p.key.startsWith('teacher-'))) {
      const rows = await cers.db
        .selectFrom('users as u')
        .innerJoin('studentGroupTeachers as t', 't.userId', 'u.id')
        .innerJoin('studentGroups as g', 'g.id', 't.groupId')
        .innerJoin('studentGroupMembers as m', 'm.groupId', 'g.id')
        .innerJoin('exams as e', 'e.studentId', 'm.studentId')
        .innerJoin('assessments as a', 'a.id', 'e.assessmentId')
        .select(['g.id'])
        .select(sql<number>`count(distinct e.student_id)::int`.as('tested'))
        .where('u.login', '=', persona.login)
        .where('g.schoolYear', '=', 2026)
        .where('e.schoolYear', '=', 2026)
        .where('a.type', '=', 'sum')
        .where('a.subject', '=', 'ELA')
        .where('a.family', '=', 'SBAC')
        .where(sql<boolean>`(g.subjects is null or 'ELA' = any(g.subjects))`)
        .groupBy('g.id')
        .execute();
      expect(Math.max(0, ...rows.map((r) => r.tested)), persona.key).toBeGreaterThanOrEqual(30);
    }
  });

  it('grants the administrator personas their roles', async () => {
    const rows = await cers.db
      .selectFrom('users as u')
      .innerJoin('userRoles as r', 'r.userId', 'u.id')
      .innerJoin('organizations as o', 'o.id', 'r.organizationId')
      .select(['u.login', 'r.role', 'o.naturalId'])
      .where('u.isSandbox', '=', true)
      .execute();
    for (const p of SANDBOX_PERSONAS) {
      expect(rows).toContainEqual({ login: p.login, role: p.role, naturalId: p.organizationNaturalId });
    }
  });

  it('follows the year rules: claims ≤ 2019–20, none 2020–21..2022–23, composites from 2023–24, traits from 2020–21', async () => {
    const rows = await sql<{
      year: number;
      subject: string;
      claims: number;
      composites: number;
      traits: number;
      exams: number;
      lexiles: number;
    }>`
      select e.school_year as year, a.subject,
        count(*) filter (where exists (select 1 from exam_scores s where s.district_id = e.district_id and s.exam_id = e.id and s.kind = 'claim'))::int as claims,
        count(*) filter (where exists (select 1 from exam_scores s where s.district_id = e.district_id and s.exam_id = e.id and s.kind = 'composite'))::int as composites,
        count(*) filter (where exists (select 1 from exam_trait_scores t where t.district_id = e.district_id and t.exam_id = e.id))::int as traits,
        count(*) filter (where e.lexile is not null or e.quantile is not null)::int as lexiles,
        count(*)::int as exams
      from exams e join assessments a on a.id = e.assessment_id
      where a.family = 'SBAC' and a.type = 'sum'
      group by 1, 2 order by 1, 2`.execute(cers.db);
    const years = new Set(rows.rows.map((r) => r.year));
    expect(years.has(2020)).toBe(false); // suspended statewide
    expect([...years].sort()).toEqual([2019, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const r of rows.rows) {
      expect(r.claims > 0, `${r.year} ${r.subject} claims`).toBe(r.year <= 2020);
      expect(r.composites > 0, `${r.year} ${r.subject} composites`).toBe(r.year >= 2024);
      expect(r.traits > 0, `${r.year} ${r.subject} traits`).toBe(r.subject === 'ELA' && r.year >= 2021);
      expect(r.lexiles > 0, `${r.year} ${r.subject} measures`).toBe(r.year >= 2022);
    }
    const items = await sql<{ type: string; n: number }>`
      select a.type, count(*)::int as n from exam_items i
      join exams e on e.district_id = i.district_id and e.id = i.exam_id
      join assessments a on a.id = e.assessment_id group by 1`.execute(cers.db);
    expect(items.rows.map((r) => r.type).sort()).toEqual(['fiab', 'iab', 'ica']);
  });

  it('stores levels consistent with cut scores and the three-level rule', async () => {
    const exams = await sql<{ score: number; sem: number; level: number; cuts: number[]; nlevels: number; std: number }>`
      select e.scale_score as score, e.scale_score_sem as sem, e.achievement_level as level, a.cut_scores as cuts,
        jsonb_array_length(a.levels) as nlevels, a.standard_cut_level as std
      from exams e join assessments a on a.id = e.assessment_id`.execute(cers.db);
    expect(exams.rows.length).toBeGreaterThan(30_000);
    for (const r of exams.rows) {
      const cut = r.cuts[r.std - 2] as number;
      const expected =
        r.nlevels === r.cuts.length + 1 ? achievementLevel(r.score, r.cuts) : threeLevelNumber(threeLevelIndicator(r.score, r.sem, cut));
      expect(r.level).toBe(expected);
    }
    const subs = await sql<{ score: number; sem: number; level: number; cuts: number[]; acuts: number[]; std: number }>`
      select s.scale_score as score, s.sem, s.level, d.cut_scores as cuts, a.cut_scores as acuts, a.standard_cut_level as std
      from exam_scores s
      join exams e on e.district_id = s.district_id and e.id = s.exam_id
      join assessments a on a.id = e.assessment_id
      join assessment_scores d on d.assessment_id = a.id and d.code = s.code`.execute(cers.db);
    expect(subs.rows.length).toBeGreaterThan(10_000);
    for (const r of subs.rows) {
      const expected =
        r.cuts.length > 0
          ? achievementLevel(r.score, r.cuts)
          : threeLevelNumber(threeLevelIndicator(r.score, r.sem, r.acuts[r.std - 2] as number));
      expect(r.level).toBe(expected);
    }
  });

  it('releases every year and subject of Sample District and seeds instructional resources', async () => {
    const embargo = await cers.db.selectFrom('embargoes').select(['status']).execute();
    expect(embargo.length).toBe(8 * 5 * 2);
    expect(new Set(embargo.map((e) => e.status))).toEqual(new Set(['released']));
    const resources = await cers.db.selectFrom('instructionalResources').select(['kind', 'url']).execute();
    expect(
      resources.some((r) => r.kind === 'tools_for_teachers' && r.url.startsWith('https://toolsforteachers.smarterbalanced.org/')),
    ).toBe(true);
    expect(resources.some((r) => r.kind === 'district')).toBe(true);
  });

  it('gives interim items their content: keys and options, rubrics, exemplars and essays', async () => {
    const formats = await sql<{ format: string; keyed: number; optioned: number; rubric: number; n: number }>`
      select format, count(answer_key)::int as keyed, count(options)::int as optioned, count(rubric)::int as rubric, count(*)::int as n
      from items group by format`.execute(cers.db);
    const by = new Map(formats.rows.map((r) => [r.format, r]));
    for (const f of ['MC', 'MS', 'EBSR', 'EQ', 'TI', 'SA', 'WER']) expect(by.get(f)?.n, f).toBeGreaterThan(0);
    expect(by.get('MC')?.keyed).toBe(by.get('MC')?.n);
    expect(by.get('MC')?.optioned).toBe(by.get('MC')?.n);
    expect(by.get('WER')?.rubric).toBe(by.get('WER')?.n);
    const essay = await sql<{ n: number }>`
      select count(*)::int as n from exam_items ei join items i on i.id = ei.item_id
      where i.format = 'WER' and length(ei.response) > 100 and ei.trait_org_score is not null`.execute(cers.db);
    expect(essay.rows[0]?.n).toBeGreaterThan(100);
  });

  it('produces the same data on every generation (digest of ordered table exports)', async () => {
    const digest = await sandboxDigest(cers);
    digests.set(target, digest);
    // PGlite and PostgreSQL hold independently generated copies: they must match.
    const other = digests.get(target === 'pglite' ? 'postgres' : 'pglite');
    if (other) expect(digest).toBe(other);
    expect(digest).toMatch(/^[0-9a-f]{32}$/);
  });
});
