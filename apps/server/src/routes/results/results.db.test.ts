import type { CersDb } from '@cers/db';
import { testDbTargets } from '@cers/db/test';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn } from '../../../test/helpers.js';
import {
  ELA_SEM,
  elaScore,
  GROUP_SIZE,
  LEVEL_COUNTS,
  lexileOf,
  mcAnswer,
  type ResultsWorld,
  residualA,
  residualB,
  seedResultsWorld,
} from '../../../test/results-world.js';

const targets = await testDbTargets();

// biome-ignore lint/suspicious/noExplicitAny: test assertions walk untyped JSON responses
type Json = Record<string, any>;

/** Mean and standard error computed here, independently of the SQL path. */
function meanAndSe(values: number[]) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  return { mean, se: sd / Math.sqrt(n) };
}

describe.each(targets)('group results API on $name', ({ create }) => {
  let cers: CersDb;
  let app: FastifyInstance;
  let w: ResultsWorld;
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    cers = await create();
    w = await seedResultsWorld(cers);
    app = await buildTestApp(cers);
    for (const [name, id] of Object.entries(w.users)) headers[name] = await signIn(cers, id);
  });
  afterAll(async () => {
    await app?.close();
    await cers?.close();
  });

  async function get(user: keyof ResultsWorld['users'], url: string) {
    const res = await app.inject({ method: 'GET', url, headers: headers[user] });
    return { status: res.statusCode, body: res.json() as Json };
  }
  const g = () => `groupId=${w.group}`;

  describe('assessments and years', () => {
    it('lists the school years and the 2024–25 assessments of the teacher’s group, defaulting to the ELA summative', async () => {
      const { status, body } = await get('teacher', `/api/results/assessments?${g()}`);
      expect(status).toBe(200);
      expect(body.population).toMatchObject({ kind: 'group', name: 'Room 5', access: 'individual', subjects: ['ELA', 'Math'] });
      // 2025–26 ELA is under embargo (reviewing): not for a teacher. CAST is outside the group's subjects.
      expect(body.years).toEqual([2025, 2022, 2019]);
      expect(body.year).toBe(2025);
      const labels = body.assessments.map((a: Json) => a.label);
      expect(labels).toEqual(['Grade 5 ELA Summative 2025', 'Grade 5 ELA IAB Read Literary Texts', 'Grade 5 Math Summative 2025']);
      const ela = body.assessments[0];
      expect(ela.studentsTested).toBe(GROUP_SIZE);
      expect(body.defaultAssessmentIds).toEqual([w.assessments.ela25]);
    });

    it('offers only the views and score types that apply to each assessment and year', async () => {
      const y25 = (await get('teacher', `/api/results/assessments?${g()}&year=2025`)).body;
      const byId = (list: Json[], id: number) => list.find((a) => a.id === id) as Json;
      expect(byId(y25.assessments, w.assessments.ela25)).toMatchObject({
        scoreTypes: ['overall', 'composite'],
        views: ['student', 'writing-traits', 'targets', 'lexile'],
      });
      expect(byId(y25.assessments, w.assessments.math25)).toMatchObject({
        scoreTypes: ['overall', 'composite'],
        views: ['student', 'targets', 'quantile'],
      });
      expect(byId(y25.assessments, w.assessments.iab25)).toMatchObject({
        scoreTypes: ['overall'],
        views: ['student', 'items', 'distractors'],
      });
      const y19 = (await get('teacher', `/api/results/assessments?${g()}&year=2019`)).body;
      expect(byId(y19.assessments, w.assessments.ela19)).toMatchObject({ scoreTypes: ['overall', 'claim'], views: ['student', 'targets'] });
      // …and says why the others are missing: the user documents' words for writing traits.
      expect(byId(y19.assessments, w.assessments.ela19).unavailableViews).toEqual([
        { view: 'writing-traits', reason: 'Writing Extended Response scores are not available prior to 2020–21.' },
        { view: 'lexile', reason: 'The Lexile Report is available from 2021–22 on.' },
      ]);
      const y22 = (await get('teacher', `/api/results/assessments?${g()}&year=2022`)).body;
      expect(byId(y22.assessments, w.assessments.ela22)).toMatchObject({
        scoreTypes: ['overall'],
        views: ['student', 'writing-traits', 'targets', 'lexile'],
      });
    });

    it('shows only the group’s subjects, even to a user who may see the students’ other results', async () => {
      const { body } = await get('siteAdmin', `/api/results/assessments?groupId=${w.elaOnly}&year=2025`);
      expect(body.assessments.map((a: Json) => a.subject)).toEqual(['ELA', 'ELA']);
      expect(body.assessments[0].studentsTested).toBe(12);
    });

    it('shows the embargoed 2025–26 results to the district reviewer only', async () => {
      const lea = await get('leaAdmin', `/api/results/assessments?${g()}`);
      expect(lea.body.years).toEqual([2026, 2025, 2022, 2019]);
    });
  });

  describe('Student Score Distribution', () => {
    it('counts students per level with percentages summing to 100, mean ± standard error and percent at or above Standard Met', async () => {
      const { status, body } = await get('teacher', `/api/results/summary?${g()}&assessmentId=${w.assessments.ela25}`);
      expect(status).toBe(200);
      expect(body.suppressed).toBe(false);
      expect(body.distribution.tested).toBe(36);
      expect(body.distribution.levels.map((l: Json) => l.count)).toEqual(LEVEL_COUNTS);
      expect(body.distribution.levels.map((l: Json) => l.percent)).toEqual([17, 28, 33, 22]);
      expect(body.distribution.levels.map((l: Json) => l.name)).toEqual([
        'Standard Not Met',
        'Standard Nearly Met',
        'Standard Met',
        'Standard Exceeded',
      ]);
      expect(body.distribution.percentAtOrAboveStandard).toBe(56);
      expect(body.standardCutName).toBe('Standard Met');
      const expected = meanAndSe(Array.from({ length: GROUP_SIZE }, (_, i) => elaScore(i)));
      expect(body.mean.n).toBe(36);
      expect(body.mean.mean).toBeCloseTo(expected.mean, 9);
      expect(body.mean.standardError).toBeCloseTo(expected.se, 9);
    });

    it('gives one three-category distribution per composite claim', async () => {
      const { body } = await get('teacher', `/api/results/summary?${g()}&assessmentId=${w.assessments.ela25}`);
      expect(body.subScores.map((s: Json) => [s.code, s.name])).toEqual([
        ['READ_LISTEN', 'Reading and Listening'],
        ['WRITE_RESEARCH', 'Writing and Research'],
      ]);
      expect(body.subScores[0].distribution.levels.map((l: Json) => [l.name, l.count, l.percent])).toEqual([
        ['Below Standard', 12, 34], // equal remainders: the earlier category gets the extra point
        ['Near Standard', 12, 33],
        ['Above Standard', 12, 33],
      ]);
      expect(body.subScores[1].distribution.levels.map((l: Json) => l.count)).toEqual([12, 0, 24]);
    });

    it('counts only the latest attempt of each student', async () => {
      const { body } = await get('teacher', `/api/results/summary?${g()}&assessmentId=${w.assessments.iab25}`);
      expect(body.distribution.tested).toBe(36);
      expect(body.distribution.levels.map((l: Json) => l.count)).toEqual([12, 12, 12]);
      // A block reports a category, not proficiency.
      expect(body.distribution.percentAtOrAboveStandard).toBeNull();
      expect(body.standardCutName).toBeNull();
    });
  });

  describe('Results by Student views', () => {
    it('lists students Last, First with level, score ± error band, composites, and audits the read', async () => {
      const { status, body } = await get(
        'teacher',
        `/api/results?${g()}&assessmentId=${w.assessments.ela25}&view=student&scoreType=composite`,
      );
      expect(status).toBe(200);
      expect(body.rows).toHaveLength(36);
      const first = body.rows[0];
      expect(first).toMatchObject({
        name: 'Pupil00, Stu00',
        scaleScore: elaScore(0),
        standardError: ELA_SEM,
        status: 'Valid',
        testedElsewhere: false,
      });
      const levelName = (levels: Json[], level: number) => levels.find((l) => l.level === level)?.name;
      expect(levelName(body.levels, first.level)).toBe('Standard Not Met');
      expect(first.errorBandMin).toBe(elaScore(0) - ELA_SEM);
      expect(body.subScores.map((s: Json) => s.code)).toEqual(['READ_LISTEN', 'WRITE_RESEARCH']);
      expect(first.scores.map((s: Json, i: number) => [s.code, levelName(body.subScores[i].levels, s.level)])).toEqual([
        ['READ_LISTEN', 'Below Standard'],
        ['WRITE_RESEARCH', 'Below Standard'],
      ]);
      expect(body.rows[35]).toMatchObject({ testedElsewhere: true, schoolName: 'Other Elementary' });
      const audit = await cers.db
        .selectFrom('auditLog')
        .select(['studentId', 'view'])
        .where('userId', '=', w.users.teacher)
        .where('view', '=', 'group-results:composite')
        .execute();
      expect(audit).toHaveLength(36);
    });

    it('refuses a score type or view the assessment does not have', async () => {
      const claim = await get('teacher', `/api/results?${g()}&assessmentId=${w.assessments.ela25}&view=student&scoreType=claim`);
      expect(claim.status).toBe(400);
      const items = await get('teacher', `/api/results?${g()}&assessmentId=${w.assessments.ela25}&view=items`);
      expect(items.status).toBe(400);
      expect(items.body.message).toMatch(/Results by Item is not available/);
    });

    it('classifies targets Better/Above and Worse/Below, with the caution banner under 50 students', async () => {
      const { body } = await get('teacher', `/api/results?${g()}&assessmentId=${w.assessments.ela25}&view=targets`);
      expect(body.rule).toBe('caution');
      expect(body.studentsTested).toBe(36);
      const byCode = Object.fromEntries(body.rows.map((r: Json) => [r.targetCode, r]));
      expect(byCode['RL-1'].relativeToTest.label).toBe('Better');
      expect(byCode['RL-1'].relativeToStandard.label).toBe('Above');
      expect(byCode['W-2'].relativeToTest.label).toBe('Worse');
      expect(byCode['W-2'].relativeToStandard.label).toBe('Below');
      const a = meanAndSe(Array.from({ length: GROUP_SIZE }, (_, i) => residualA(i)));
      expect(byCode['RL-1'].relativeToTest.mean).toBeCloseTo(a.mean, 9);
      expect(byCode['RL-1'].relativeToTest.standardError).toBeCloseTo(a.se, 9);
      const b = meanAndSe(Array.from({ length: GROUP_SIZE }, (_, i) => residualB(i)));
      expect(byCode['W-2'].relativeToStandard.mean).toBeCloseTo(b.mean, 9);
      expect(byCode['RL-1'].claimName).toBe('Reading');
    });

    it('breaks targets down by a subgroup (gender at exam time)', async () => {
      const { body } = await get('teacher', `/api/results?${g()}&assessmentId=${w.assessments.ela25}&view=targets&subgroup=gender`);
      expect(body.subgroups).toEqual([
        { value: 'Female', label: 'Female', studentsTested: 18 },
        { value: 'Male', label: 'Male', studentsTested: 18 },
      ]);
      // Even students (female) carry residual 0.8 on target A: every value equal → sd 0 → Better.
      const femaleA = body.rows.find((r: Json) => r.targetCode === 'RL-1' && r.subgroup === 'Female');
      expect(femaleA.relativeToTest.label).toBe('Better');
      expect(femaleA.relativeToTest.standardError).toBeCloseTo(0, 9);
      expect(femaleA.relativeToTest.mean).toBeCloseTo(0.8, 9);
    });

    it('hides the Math target report for a group under 30 students', async () => {
      const { body } = await get('teacher', `/api/results?${g()}&assessmentId=${w.assessments.math25}&view=targets`);
      expect(body).toMatchObject({ rule: 'hidden', studentsTested: 8, rows: [], mathConceptsOnly: true });
      expect(body.message).toMatch(/30 or more/);
    });

    it('summarizes writing trait scores per purpose with transformed points', async () => {
      const { body } = await get('teacher', `/api/results?${g()}&assessmentId=${w.assessments.ela25}&view=writing-traits`);
      expect(body.rows).toHaveLength(30);
      expect(body.purposes.map((p: Json) => [p.purpose, p.label, p.students])).toEqual([
        ['ARGU', 'Argumentative', 20],
        ['NARR', 'Narrative', 10],
      ]);
      const org = body.summaries.find((s: Json) => s.category === 'ORG');
      const orgScores = Array.from({ length: 30 }, (_, i) => i % 5);
      expect(org.mean).toBeCloseTo(orgScores.reduce((a, b) => a + b, 0) / 30, 9);
      expect(org.values.map((v: Json) => v.count)).toEqual([6, 6, 6, 6, 6]);
      expect(body.rows[1]).toMatchObject({ organization: 1, evidence: 2, conventions: 1, transformedPoints: 2.5 });
    });

    it('shows each Lexile measure against the grade band and the group spread', async () => {
      const { body } = await get('teacher', `/api/results?${g()}&assessmentId=${w.assessments.ela25}&view=lexile`);
      expect(body.band).toEqual({ low: 740, high: 1010 });
      expect(body.bandLabel).toMatch(/our addition/);
      expect(body.rows[0]).toMatchObject({ formatted: '600L', range: '500L–650L', position: 'below' });
      const measures = Array.from({ length: GROUP_SIZE }, (_, i) => lexileOf(i));
      expect(body.spread).toMatchObject({
        n: 36,
        min: '600L',
        max: '1125L',
        below: measures.filter((m) => m < 740).length,
        above: measures.filter((m) => m > 1010).length,
      });
    });

    it('gives Results by Item: per-item average, points distribution and every student’s points', async () => {
      const { body } = await get('teacher', `/api/results?${g()}&assessmentId=${w.assessments.iab25}&view=items`);
      expect(body.items.map((i: Json) => [i.number, i.format, i.maxPoints, i.difficulty])).toEqual([
        [1, 'MC', 1, 'Easy'],
        [2, 'MS', 1, 'Moderate'],
        [3, 'SA', 2, 'Difficult'],
      ]);
      const sa = body.items[2];
      expect(sa.points.map((p: Json) => p.count)).toEqual([12, 12, 12]);
      expect(sa.average).toBeCloseTo(1, 9);
      expect(sa.averagePercent).toBe(50);
      const mc = body.items[0];
      expect(mc.scored).toBe(34);
      expect(mc.fullCreditPercent).toBe(59);
      expect(body.rows[2].points[String(w.items.sa)]).toBe(2);
    });

    it('gives the Key/Distractor analysis of MC and MS items with the key flagged', async () => {
      const { body } = await get('teacher', `/api/results?${g()}&assessmentId=${w.assessments.iab25}&view=distractors`);
      expect(body.items.map((i: Json) => i.format)).toEqual(['MC', 'MS']);
      const mc = body.items[0];
      const responders = Array.from({ length: GROUP_SIZE }, (_, i) => mcAnswer(i)).filter((a) => a !== null).length;
      expect(mc.responders).toBe(responders);
      expect(mc.options).toEqual([
        { option: 'A', count: 6, percent: Math.round((6 * 100) / responders), isKey: false },
        { option: 'B', count: 20, percent: Math.round((20 * 100) / responders), isKey: true },
        { option: 'C', count: 4, percent: 12, isKey: false },
        { option: 'D', count: 4, percent: 12, isKey: false },
      ]);
      const ms = body.items[1];
      expect(ms.options.filter((o: Json) => o.isKey).map((o: Json) => o.option)).toEqual(['A', 'C']);
      expect(ms.options.map((o: Json) => o.count)).toEqual([24, 12, 24, 0, 0]);
    });

    it('opens an item: points and responses, viewer content, rubric and item information', async () => {
      const { status, body } = await get('teacher', `/api/results/items/${w.items.mc}?${g()}`);
      expect(status).toBe(200);
      expect(body.item).toMatchObject({
        stem: 'Who is flattered in the story?',
        answerKey: 'B',
        dok: 2,
        dokLabel: 'Basic Skills and Concepts',
        standard: 'RL.5.1',
      });
      expect(body.item.options).toHaveLength(4);
      expect(body.responses).toHaveLength(36);
      expect(body.responses[0]).toMatchObject({ points: 1, maxPoints: 1, correctness: 1, response: 'B' });
      const sa = await get('teacher', `/api/results/items/${w.items.sa}?${g()}&studentId=${w.students[2]}`);
      expect(sa.body.item.rubric[0]).toEqual({ points: 2, text: 'Full explanation with evidence' });
      expect(sa.body.responses).toHaveLength(1);
    });
  });

  describe('comparing years and resources', () => {
    it('compares the group’s summative ELA results across school years', async () => {
      const { body } = await get('teacher', `/api/results/compare-years?${g()}&subject=ELA&type=sum`);
      expect(body.years.map((y: Json) => [y.schoolYearLabel, y.grade, y.distribution.tested])).toEqual([
        ['2018–19', '03', 36],
        ['2021–22', '04', 36],
        ['2024–25', '05', 36],
      ]);
    });

    it('resolves District Resources most specific first and falls back to the Tools for Teachers site', async () => {
      const post = async (body: Json) =>
        app.inject({ method: 'POST', url: '/api/admin/instructional-resources', headers: headers.siteAdmin, payload: body });
      const common = {
        kind: 'district',
        assessmentName: null,
        subject: null,
        assessmentType: null,
        claimCode: null,
        targetId: null,
        performanceLevel: null,
      };
      expect(
        (await post({ ...common, organizationId: w.school, title: 'School reading lessons', url: 'https://school.example.org/read' }))
          .statusCode,
      ).toBe(201);
      const lea = await app.inject({
        method: 'POST',
        url: '/api/admin/instructional-resources',
        headers: headers.leaAdmin,
        payload: {
          ...common,
          organizationId: w.district,
          title: 'District IAB playlist',
          url: 'https://district.example.org/iab',
          assessmentName: 'Grade 5 ELA IAB Read Literary Texts',
        },
      });
      expect(lea.statusCode).toBe(201);
      const { body } = await get('teacher', `/api/results/resources?${g()}&assessmentId=${w.assessments.iab25}`);
      expect(body.district.map((r: Json) => r.title)).toEqual(['School reading lessons', 'District IAB playlist']);
      expect(body.toolsForTeachers[0].url).toMatch(/^https:\/\/toolsforteachers/);
    });

    it('validates and scopes the instructional resource editor', async () => {
      const bad = await app.inject({
        method: 'POST',
        url: '/api/admin/instructional-resources',
        headers: headers.siteAdmin,
        payload: { organizationId: w.school, kind: 'district', title: 'x', url: 'javascript:alert(1)' },
      });
      expect(bad.statusCode).toBe(400);
      const foreign = await app.inject({
        method: 'POST',
        url: '/api/admin/instructional-resources',
        headers: headers.otherSiteAdmin,
        payload: { organizationId: w.school, kind: 'district', title: 'x', url: 'https://x.example.org' },
      });
      expect(foreign.statusCode).toBe(404);
      const teacherList = await get('teacher', '/api/admin/instructional-resources');
      expect(teacherList.status).toBe(403);
      const list = await get('otherSiteAdmin', '/api/admin/instructional-resources');
      expect(list.body.resources).toEqual([]);
      const mine = await get('siteAdmin', '/api/admin/instructional-resources');
      const id = mine.body.resources[0].id;
      const del = await app.inject({ method: 'DELETE', url: `/api/admin/instructional-resources/${id}`, headers: headers.otherSiteAdmin });
      expect(del.statusCode).toBe(404);
    });
  });

  describe('privacy', () => {
    it('answers 404 for a group the user neither teaches nor administers, like a missing one', async () => {
      for (const user of ['otherTeacher', 'otherSiteAdmin', 'aggregateViewer'] as const) {
        const res = await get(user, `/api/results/assessments?${g()}`);
        expect(res.status).toBe(404);
      }
      const missing = await get('teacher', '/api/results/assessments?groupId=999999');
      expect(missing.status).toBe(404);
      expect((await get('otherTeacher', `/api/results/assessments?${g()}`)).body.message).toBe(missing.body.message);
    });

    it('opens a My Group for its owner only', async () => {
      const own = await get('teacher', `/api/results/summary?userGroupId=${w.userGroup}&assessmentId=${w.assessments.ela25}`);
      expect(own.status).toBe(200);
      expect(own.body.distribution.tested).toBe(5);
      expect(
        (await get('otherTeacher', `/api/results/summary?userGroupId=${w.userGroup}&assessmentId=${w.assessments.ela25}`)).status,
      ).toBe(404);
      expect((await get('siteAdmin', `/api/results/assessments?userGroupId=${w.userGroup}`)).status).toBe(404);
    });

    it('lets the site coordinator open the group and the school grade; teachers get 404 on the school', async () => {
      expect((await get('siteAdmin', `/api/results/summary?${g()}&assessmentId=${w.assessments.ela25}`)).body.distribution.tested).toBe(36);
      const school = await get('siteAdmin', `/api/results/summary?schoolId=${w.school}&grade=05&assessmentId=${w.assessments.ela25}`);
      expect(school.body.distribution.tested).toBe(35);
      const list = await get('siteAdmin', `/api/results/assessments?schoolId=${w.school}&grade=5&year=2025`);
      expect(list.body.assessments.map((a: Json) => a.subject)).toContain('Science');
      expect(list.body.assessments.find((a: Json) => a.id === w.assessments.ela25).views).not.toContain('targets');
      expect(list.body.assessments.find((a: Json) => a.id === w.assessments.ela25).unavailableViews).toContainEqual({
        view: 'targets',
        reason: 'The Target Report is shown for student groups, not for a whole school or grade.',
      });
      expect((await get('teacher', `/api/results/assessments?schoolId=${w.school}&grade=05`)).status).toBe(404);
      expect((await get('otherSiteAdmin', `/api/results/assessments?schoolId=${w.school}&grade=05`)).status).toBe(404);
    });

    it('gives aggregate-only users counts and means, suppresses 10 students or fewer, and never names', async () => {
      const q = `schoolId=${w.school}&grade=05`;
      const ela = await get('aggregateViewer', `/api/results/summary?${q}&assessmentId=${w.assessments.ela25}`);
      expect(ela.status).toBe(200);
      expect(ela.body.suppressed).toBe(false);
      expect(ela.body.distribution.tested).toBe(35);
      const math = await get('aggregateViewer', `/api/results/summary?${q}&assessmentId=${w.assessments.math25}`);
      expect(math.body).toMatchObject({ suppressed: true, distribution: null, mean: null });
      expect(math.body.assessment.studentsTested).toBeNull();
      const list = await get('aggregateViewer', `/api/results/assessments?${q}&year=2025`);
      expect(list.body.population.access).toBe('aggregate');
      const rows = await get('aggregateViewer', `/api/results?${q}&assessmentId=${w.assessments.ela25}&view=student`);
      expect(rows.status).toBe(404);
      const item = await get('aggregateViewer', `/api/results/items/${w.items.mc}?${q}`);
      expect(item.status).toBe(404);
    });

    it('opens a whole school (no grade): every grade’s assessments, the same numbers per assessment; teachers get 404', async () => {
      const whole = await get('siteAdmin', `/api/results/assessments?schoolId=${w.school}&year=2025`);
      expect(whole.status).toBe(200);
      expect(whole.body.population).toMatchObject({ kind: 'school', grade: null });
      const grade5 = await get('siteAdmin', `/api/results/assessments?schoolId=${w.school}&grade=05&year=2025`);
      const ids = (r: typeof whole) => r.body.assessments.map((a: Json) => a.id).sort();
      expect(ids(whole)).toEqual(expect.arrayContaining(ids(grade5)));
      const summary = await get('siteAdmin', `/api/results/summary?schoolId=${w.school}&assessmentId=${w.assessments.ela25}`);
      expect(summary.body.distribution.tested).toBe(35);
      expect((await get('teacher', `/api/results/assessments?schoolId=${w.school}`)).status).toBe(404);
    });

    it('rejects bad parameters with clear 400s', async () => {
      expect((await get('teacher', `/api/results/assessments`)).status).toBe(400);
      expect((await get('teacher', `/api/results/assessments?${g()}&schoolId=1`)).status).toBe(400);
      expect((await get('siteAdmin', `/api/results/assessments?schoolId=${w.school}&grade=Z9`)).body.message).toMatch(/grade/);
      expect((await get('teacher', `/api/results?${g()}&assessmentId=abc`)).status).toBe(400);
      expect((await get('teacher', `/api/results/summary?${g()}&assessmentId=${w.assessments.cast25}`)).status).toBe(404);
    });

    it('requires a session', async () => {
      const res = await app.inject({ method: 'GET', url: `/api/results/assessments?${g()}` });
      expect(res.statusCode).toBe(401);
    });
  });
});
