import type { CersDb } from '@cers/db';
import { testDbTargets } from '@cers/db/test';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRunner } from '../src/runner.js';
import { count, importBytes, importFixture, messages, newRunner } from './helpers.js';

const targets = await testDbTargets();

async function setup(create: () => Promise<CersDb>, subjects: string[]): Promise<{ cers: CersDb; runner: ImportRunner }> {
  const cers = await create();
  const runner = newRunner(cers);
  for (const s of subjects) expect((await importFixture(runner, `subjects/${s}`)).status).toBe('PROCESSED');
  return { cers, runner };
}

const asmt = (cers: CersDb, naturalId: string) =>
  cers.db
    .selectFrom('assessments')
    .select([
      'id',
      'family',
      'type',
      'grade',
      'subject',
      'schoolYear',
      'minScore',
      'maxScore',
      'cutScores',
      'label',
      'levels',
      'standardCutLevel',
    ])
    .where('naturalId', '=', naturalId)
    .executeTakeFirstOrThrow();

describe.each(targets)('SB packages on $name', ({ create }) => {
  let cers: CersDb;
  let runner: ImportRunner;
  beforeAll(async () => ({ cers, runner } = await setup(create, ['ELA_subject.xml', 'Math_subject.xml'])));
  afterAll(async () => cers.close());

  it('sb-summative-2019.demo.summative.csv → 14 summative assessments, 488 items, SB cut scores', async () => {
    const r = await importFixture(runner, 'packages/sb-summative-2019.demo.summative.csv');
    expect(r).toMatchObject({ status: 'PROCESSED', message: 'Assessments processed: 14, created: 14, updated: 0, rejected: 0' });
    const a = await asmt(cers, '(SBAC)SBAC-SUM-ELA-3-2019-2020-2019');
    expect(a).toMatchObject({
      family: 'SBAC',
      type: 'sum',
      grade: '03',
      schoolYear: 2019,
      minScore: 2114,
      maxScore: 2623,
      cutScores: [2367, 2432, 2490],
      standardCutLevel: 3,
    });
    expect(await count(cers.db, 'items')).toBe(488);
    // 2018-19 summatives report claims (domain.md §Claims): the subject's four scorable claims
    const codes = await cers.db.selectFrom('assessmentScores').select('code').where('assessmentId', '=', a.id).orderBy('code').execute();
    expect(codes.map((c) => c.code)).toEqual(['2-W', '4-CR', 'SOCK_LS', 'SOCK_R']);
    expect(await count(cers.db, 'assessment_targets', `assessment_id = ${a.id}`)).toBeGreaterThan(0);
  });

  it('IAB_ICA_Combined.items.csv → 9 assessments, 81 items; legacy blank ScaledHigh and 2.30E+03 notation', async () => {
    const r = await importFixture(runner, 'packages/IAB_ICA_Combined.items.csv');
    expect(r).toMatchObject({ status: 'PROCESSED', message: 'Assessments processed: 9, created: 9, updated: 0, rejected: 0' });
    const bw = await asmt(cers, '(SBAC)SBAC-IAB-FIXED-G11E-BriefWrites-ELA-11-Winter-2016-2017');
    expect(bw).toMatchObject({ type: 'iab', minScore: 2300, maxScore: 2800, cutScores: [2490, 2580, 2680] });
    const bwItems = await cers.db.selectFrom('items').select('position').where('assessmentId', '=', bw.id).orderBy('position').execute();
    expect(bwItems.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6]);
    const m = await asmt(cers, '(SBAC)SBAC-ICA-FIXED-G11M-Winter-2016-2017');
    const mItems = await cers.db.selectFrom('items').select('position').where('assessmentId', '=', m.id).orderBy('position').execute();
    expect(mItems.map((i) => i.position)).toEqual([3, 6, 7, 9]);
    expect(m.subject).toBe('Math');
    const wer = await cers.db
      .selectFrom('items')
      .select(['writingPurpose', 'format'])
      .where('naturalId', '=', '200-58197')
      .where('assessmentId', '=', bw.id)
      .executeTakeFirstOrThrow();
    expect(wer.writingPurpose).toBe('ARGU');
  });

  it('the identical file again → created 0, updated 0', async () => {
    const again = await importBytes(
      runner,
      Buffer.concat([(await import('./helpers.js')).fixture('packages/IAB_ICA_Combined.items.csv'), Buffer.from('\n')]),
      'PACKAGE',
    );
    expect(again.message).toBe('Assessments processed: 9, created: 0, updated: 0, rejected: 0');
  });

  it('IAB_ICA_Combined.items.updated.invalid.csv → PROCESSED with 3 rejected (subject/type/grade changes), nothing changed', async () => {
    const r = await importFixture(runner, 'packages/IAB_ICA_Combined.items.updated.invalid.csv');
    expect(r).toMatchObject({ status: 'PROCESSED', message: 'Assessments processed: 3, created: 0, updated: 0, rejected: 3' });
    expect((await asmt(cers, '(SBAC)SBAC-IAB-FIXED-G11E-BriefWrites-ELA-11-Winter-2016-2017')).subject).toBe('ELA');
  });

  it('IAB_ICA_Combined.items.updated-label.csv → updated 1, new label', async () => {
    const r = await importFixture(runner, 'packages/IAB_ICA_Combined.items.updated-label.csv');
    expect(r.message).toBe('Assessments processed: 1, created: 0, updated: 1, rejected: 0');
    expect((await asmt(cers, '(SBAC)SBAC-ICA-FIXED-G11E-Perf-HowWeLearn-Winter-2016-2017')).label).toBe('G11 Perf ICA');
  });

  it('IAB_ICA_Combined.bad-asmt.csv → BAD_DATA naming each bad field, nothing stored', async () => {
    const before = await count(cers.db, 'assessments');
    const r = await importFixture(runner, 'packages/IAB_ICA_Combined.bad-asmt.csv');
    expect(r.status).toBe('BAD_DATA');
    const m = messages(r.message);
    expect(m).toContainEqual({
      elementName: '[(SBAC)SBAC-IAB-FIXED-G11E-BriefWrites-ELA-8-Winter-2016-2017], AssessmentGrade',
      value: 'something',
      error: 'unknown grade code [something]',
    });
    const errs = m.map((x) => `${x.elementName.replace(/^\[[^\]]*\], /, '')}: ${x.error}`);
    expect(errs).toContain('AssessmentLabel: string is too long, max length is 250');
    expect(errs).toContain('AssessmentVersion: string is too long, max length is 30');
    expect(errs).toContain('AssessmentName: string is too long, max length is 250');
    expect(errs).toContain('AssessmentId: string is too long, max length is 250');
    expect(await count(cers.db, 'assessments')).toBe(before);
  });

  it('IAB_ICA_Combined.bad-item.csv → BAD_DATA with the 13 item errors', async () => {
    const r = await importFixture(runner, 'packages/IAB_ICA_Combined.bad-item.csv');
    expect(r.status).toBe('BAD_DATA');
    const m = messages(r.message);
    const has = (field: string, error: string | RegExp) =>
      m.some((x) => x.elementName.endsWith(field) && (typeof error === 'string' ? x.error === error : error.test(x.error)));
    expect(has('SecondaryClaimContentTarget', 'invalid value')).toBe(true);
    expect(has('MaxPoints', 'value may not be blank')).toBe(true);
    expect(has('DOK', 'unknown depth of knowledge [662]')).toBe(true);
    expect(has('CommonCoreStandards', /^unable to find all common core standards/)).toBe(true);
    expect(has('ClaimContentTarget', 'value may not be blank')).toBe(true);
    expect(has('FullKey', 'string is too long, max length is 40')).toBe(true);
    expect(has('NumberOfAnswerOptions', 'value may not be blank')).toBe(true);
    expect(has('AnswerKey', /MC and MS/)).toBe(true);
    expect(has('PtWritingType', 'string is too long, max length is 16')).toBe(true);
    expect(has('ClaimContentTarget', 'target not found')).toBe(true);
    expect(m).toHaveLength(13);
  });

  it.each(['TestPackage.header-full.csv', 'TestPackage.header-simple.csv'])('%s (header only) → 0 assessments', async (file) => {
    expect(await importFixture(runner, `packages/${file}`)).toMatchObject({
      status: 'PROCESSED',
      message: 'Assessments processed: 0, created: 0, updated: 0, rejected: 0',
    });
  });
});

describe.each(targets)('other packages on $name', ({ create }) => {
  it('IAB.itemless.csv → 1 IAB, no items, min 2300, cuts 2490/2580/2680, max 2800', async () => {
    const { cers, runner } = await setup(create, ['ELA_subject.xml']);
    expect((await importFixture(runner, 'packages/IAB.itemless.csv')).message).toBe(
      'Assessments processed: 1, created: 1, updated: 0, rejected: 0',
    );
    expect(await asmt(cers, '(SBAC)SBAC-IAB-FIXED-G11E-BriefWrites-ELA-11-Winter-2016-2017')).toMatchObject({
      minScore: 2300,
      maxScore: 2800,
      cutScores: [2490, 2580, 2680],
    });
    expect(await count(cers.db, 'items')).toBe(0);
    await cers.close();
  });

  it('Cutpoints.test6.csv with a 6-level subject → cuts 2490/2580/2680/2800/2850 (CutPoint columns ignored); with 4 levels → BAD_DATA', async () => {
    const { cers, runner } = await setup(create, ['ELA_subject.xml']);
    const four = await importFixture(runner, 'packages/Cutpoints.test6.csv');
    expect(four.status).toBe('BAD_DATA');
    expect(four.message).toContain('overall scoring has 6 levels; subject ELA ica has 4');
    // "With the subject set to 6 levels": the ICA overall scoring of the stored ELA definition.
    const row = await cers.db.selectFrom('subjects').select('definition').where('code', '=', 'ELA').executeTakeFirstOrThrow();
    const def = row.definition as { assessmentTypes: { code: string; overall: { levels: unknown[] } }[] };
    const ica = def.assessmentTypes.find((t) => t.code === 'ica');
    if (ica)
      ica.overall.levels = [1, 2, 3, 4, 5, 6].map((level) => ({ level, name: `Level ${level}`, shortName: `L${level}`, color: 'green' }));
    await cers.db
      .updateTable('subjects')
      .set({ definition: JSON.stringify(def) })
      .where('code', '=', 'ELA')
      .execute();
    const [retry] = await runner.retry({ statuses: ['BAD_DATA'], ids: [four.id] });
    expect(retry?.status).toBe('PROCESSED');
    expect(await asmt(cers, '(SBAC)SBAC-ICA-FIXED-G11E-BriefWrites-ELA-11-Winter-2016-2017')).toMatchObject({
      minScore: 2300,
      maxScore: 2900,
      cutScores: [2490, 2580, 2680, 2800, 2850],
    });
    await cers.close();
  });

  it('ELPAC_asmt.csv → 12 summative ELPAC, 2019, itemless, overall + 2 composite scorings of 4 levels', async () => {
    const { cers, runner } = await setup(create, ['ELPAC_subject.xml']);
    expect((await importFixture(runner, 'packages/ELPAC_asmt.csv')).message).toBe(
      'Assessments processed: 12, created: 12, updated: 0, rejected: 0',
    );
    const rows = await cers.db.selectFrom('assessments').select(['naturalId', 'family', 'type', 'schoolYear']).execute();
    expect(
      rows.every((r) => r.naturalId.startsWith('ELPAC-SA-GRADE') && r.family === 'ELPAC' && r.type === 'sum' && r.schoolYear === 2019),
    ).toBe(true);
    expect(await count(cers.db, 'items')).toBe(0);
    const g4 = await asmt(cers, 'ELPAC-SA-GRADE-04-Spring-2017-2018');
    const scores = await cers.db
      .selectFrom('assessmentScores')
      .select(['code', 'kind', 'minScore', 'maxScore', 'cutScores', 'levels'])
      .where('assessmentId', '=', g4.id)
      .orderBy('code')
      .execute();
    const composites = scores.filter((s) => s.kind === 'composite');
    expect(composites.map((c) => [c.code, c.minScore, c.cutScores, c.maxScore])).toEqual([
      ['1', 1150, [1439, 1472, 1522], 1800],
      ['2', 1150, [1478, 1525, 1575], 1800],
    ]);
    expect((composites[0]?.levels as unknown[]).length).toBe(4);
    expect(scores.filter((s) => s.kind === 'domain').map((s) => s.code)).toEqual(['1-L', '1-S', '2-R', '2-W']);
    await cers.close();
  });

  it('2018.summative.ELPAC.csv → 13 assessments (KG–12)', async () => {
    const { cers, runner } = await setup(create, ['ELPAC_subject.xml']);
    expect((await importFixture(runner, 'packages/2018.summative.ELPAC.csv')).message).toBe(
      'Assessments processed: 13, created: 13, updated: 0, rejected: 0',
    );
    expect((await asmt(cers, 'ELPAC-SA-GRADE-KG-Spring-2017-2018')).grade).toBe('KG');
    await cers.close();
  });

  it('2019.demo.Science.csv with the sample Science subject → 2 assessments × (overall + 5 alt scorings)', async () => {
    const { cers, runner } = await setup(create, ['Science_subject.sample.xml']);
    expect((await importFixture(runner, 'packages/2019.demo.Science.csv')).message).toBe(
      'Assessments processed: 2, created: 2, updated: 0, rejected: 0',
    );
    const alts = await sql<{ n: number }>`select count(*)::int as n from assessment_scores where min_score is not null`.execute(cers.db);
    expect(alts.rows[0]?.n).toBe(10);
    await cers.close();
  });

  it('2019.demo.Latin.csv (subject without a definition) → 5 assessments, empty Alt columns ⇒ no alt scorings', async () => {
    const cers = await create();
    const runner = newRunner(cers);
    await cers.db.insertInto('subjects').values({ code: 'LATIN', name: 'Latin' }).execute();
    expect((await importFixture(runner, 'packages/2019.demo.Latin.csv')).message).toBe(
      'Assessments processed: 5, created: 5, updated: 0, rejected: 0',
    );
    expect(await count(cers.db, 'assessment_scores')).toBe(0);
    expect(await asmt(cers, 'SB-LATIN-GRADE-05-Spring-2018-2019')).toMatchObject({
      family: 'OTHER',
      minScore: 1150,
      cutScores: [1415, 1437, 1477],
      maxScore: 1700,
    });
    await cers.close();
  });
});
