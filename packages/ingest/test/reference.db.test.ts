import type { CersDb } from '@cers/db';
import { testDbTargets } from '@cers/db/test';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRunner } from '../src/runner.js';
import { count, importBytes, importFixture, messages, newRunner } from './helpers.js';

const targets = await testDbTargets();

describe.each(targets)('subjects/ fixtures on $name', ({ create }) => {
  let cers: CersDb;
  let runner: ImportRunner;
  beforeAll(async () => {
    cers = await create();
    runner = newRunner(cers);
  });
  afterAll(async () => cers.close());

  it.each([
    ['ELA_subject.xml', 'Subject ELA (ELA) processed'],
    ['Math_subject.xml', 'Subject Math (Math) processed'],
    ['ELPAC_subject.xml', 'Subject ELPAC (ELPAC) processed'],
    ['ELPAC_subject_with_report_grades.xml', 'Subject ELPAC (ELPAC) processed'],
    ['Science_subject.sample.xml', 'Subject Science (Science) processed'],
    ['mini_subject_config.xml', 'Subject Mini Subject (minisub) processed'],
    ['ELA_subject.CA.xml', 'Subject ELA (ELA) processed'],
    ['Math_subject.CA.xml', 'Subject Math (Math) processed'],
  ])('%s → PROCESSED', async (file, message) => {
    expect(await importFixture(runner, `subjects/${file}`)).toMatchObject({ status: 'PROCESSED', message });
  });

  it('stores the definition: SB ELA traits and scorable claims; CA Math claim 1 has 147 targets, SB 231', async () => {
    const ela = await cers.db.selectFrom('subjects').select('definition').where('code', '=', 'ELA').executeTakeFirstOrThrow();
    const def = ela.definition as {
      claims: { code: string; scorable: boolean }[];
      traits: unknown[];
      assessmentTypes: { code: string; overall: { levels: { name: string }[] } }[];
    };
    // the CA variant was loaded last: CA level names, no traits
    expect(def.traits).toHaveLength(0);
    expect(def.assessmentTypes.find((t) => t.code === 'sum')?.overall.levels.map((l) => l.name)).toEqual([
      'Did Not Meet Standard',
      'Nearly Met Standard',
      'Met Standard',
      'Exceeded Standard',
    ]);
    expect(def.claims.filter((c) => c.scorable).map((c) => c.code)).toEqual(['SOCK_R', '2-W', 'SOCK_LS', '4-CR']);
    // targets are upserted, never deleted: claim 1 keeps the SB file's 231
    expect(await count(cers.db, 'targets', "subject = 'Math' and claim_code = '1'")).toBe(231);
  });

  it('a subject file that is not XML, or fails validation, is BAD_FORMAT', async () => {
    expect((await importBytes(runner, Buffer.from('<Subject code="X"'), 'SUBJECT')).status).toBe('BAD_FORMAT');
    const r = await importBytes(runner, Buffer.from('<Subject code="ABCDEFGHIJKL" name="x"><AssessmentTypes/></Subject>'), 'SUBJECT');
    expect(r.status).toBe('BAD_FORMAT');
    expect(messages(r.message).map((m) => m.elementName)).toEqual(['Subject code', 'AssessmentTypes']);
  });
});

describe.each(targets)('organizations/ fixtures on $name', ({ create }) => {
  let cers: CersDb;
  let runner: ImportRunner;
  beforeAll(async () => {
    cers = await create();
    runner = newRunner(cers);
  });
  afterAll(async () => cers.close());

  it('organization.json → PROCESSED "5 schools processed"; the school under the STATE is skipped; groups kept', async () => {
    expect(await importFixture(runner, 'organizations/organization.json')).toMatchObject({
      status: 'PROCESSED',
      message: '5 schools processed',
    });
    expect(await count(cers.db, 'organizations', "type = 'school'")).toBe(5);
    expect(await count(cers.db, 'organizations', "natural_id = '54721570000000'")).toBe(0);
    const sub = await sql<{ parent: string; district: string }>`select p.natural_id as parent, d.natural_id as district from organizations s
      join organizations p on p.id = s.parent_id join organizations d on d.id = s.district_id where s.natural_id = 'DS80001'`.execute(
      cers.db,
    );
    expect(sub.rows).toEqual([{ parent: 'GROUP1', district: 'DISTRICT2' }]);
  });

  it('organization.noparent.json → BAD_DATA, exact message', async () => {
    const r = await importFixture(runner, 'organizations/organization.noparent.json');
    expect(r).toMatchObject({
      status: 'BAD_DATA',
      message: '{"messages":[{"elementName":"DS1111 parent","error":"unknown DISTRICT [DoesNotExist]"}]}',
    });
  });

  it('organization.noname.json → BAD_DATA, exact message', async () => {
    const r = await importFixture(runner, 'organizations/organization.noname.json');
    expect(r).toMatchObject({
      status: 'BAD_DATA',
      message: '{"messages":[{"elementName":"entityName","error":"value may not be blank"}]}',
    });
  });

  it('organization.idtoolong.json → BAD_DATA (max 40)', async () => {
    const r = await importFixture(runner, 'organizations/organization.idtoolong.json');
    expect(r.status).toBe('BAD_DATA');
    expect(messages(r.message)[0]?.error).toBe('string is too long, max length is 40');
  });

  it('organization.xml → BAD_FORMAT "invalid organization payload format"', async () => {
    expect(await importFixture(runner, 'organizations/organization.xml', 'ORGANIZATION')).toMatchObject({
      status: 'BAD_FORMAT',
      message: 'invalid organization payload format',
    });
  });

  it('pern.json → "10 schools processed" with the district group chain', async () => {
    expect(await importFixture(runner, 'organizations/pern.json')).toMatchObject({ status: 'PROCESSED', message: '10 schools processed' });
    const igen = await sql<{
      g: string;
    }>`select g.natural_id as g from organizations d join organizations g on g.id = d.parent_id where d.natural_id = '88800120000000'`.execute(
      cers.db,
    );
    expect(igen.rows).toEqual([{ g: '8880001' }]);
  });

  it('CA_schools.csv → "23 schools processed"; district id = County-District Code + 0000000', async () => {
    expect(await importFixture(runner, 'organizations/CA_schools.csv')).toMatchObject({
      status: 'PROCESSED',
      message: '23 schools processed',
    });
    const s = await sql<{
      district: string;
    }>`select d.natural_id as district from organizations s join organizations d on d.id = s.district_id where s.natural_id = '20652430100016'`.execute(
      cers.db,
    );
    expect(s.rows).toEqual([{ district: '01000160000000' }]);
  });

  it('CA_schools.bom.csv → 10 schools', async () => {
    expect(await importFixture(runner, 'organizations/CA_schools.bom.csv')).toMatchObject({
      status: 'PROCESSED',
      message: '10 schools processed',
    });
  });

  it('CA_schools.baddata.csv → BAD_DATA, the three over-long values', async () => {
    const r = await importFixture(runner, 'organizations/CA_schools.baddata.csv');
    expect(r.status).toBe('BAD_DATA');
    expect(messages(r.message).map((m) => `${m.elementName}: ${m.error}`)).toEqual([
      'County-District Code: string is too long, max length is 33',
      'Auth CDS Code: string is too long, max length is 40',
      'School Name: string is too long, max length is 100',
    ]);
  });
});

describe.each(targets)('accommodations/ fixtures on $name', ({ create }) => {
  let cers: CersDb;
  let runner: ImportRunner;
  beforeAll(async () => {
    cers = await create();
    runner = newRunner(cers);
  });
  afterAll(async () => cers.close());

  it.each([
    'AccessibilityConfig.xml',
    'accommodations.deploy.xml',
  ])('%s → PROCESSED with its selection codes and English labels', async (file) => {
    const r = await importFixture(runner, `accommodations/${file}`);
    expect(r.status).toBe('PROCESSED');
    const asl = await cers.db.selectFrom('accommodations').select(['labels']).where('code', '=', 'TDS_ASL0').executeTakeFirstOrThrow();
    expect((asl.labels as Record<string, string>).eng).toBeTruthy();
  });
});
