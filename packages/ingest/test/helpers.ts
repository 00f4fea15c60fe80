/**
 * Test setup for the importer: the reference data the RDW fixtures assume (schools APTEST1 etc.,
 * ELA/Math subjects, assessments whose items are the fixture's own items — RDW's tests load these
 * with SQL), and a one-call file import.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CersDb, Database } from '@cers/db';
import { seedDistrict, seedSchool, seedSubjects } from '@cers/db/test';
import type { AssessmentType, Family, SubScoreKind } from '@cers/domain';
import { type Kysely, sql } from 'kysely';
import { detectContent } from '../src/content.js';
import { type FileResult, ImportRunner, type RunnerOptions } from '../src/runner.js';
import type { ImportContent } from '../src/statuses.js';
import { readTrt } from '../src/trt/process.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const fixture = (path: string): Buffer => readFileSync(join(FIXTURES, path));

/** Imports one fixture file (content detected unless given) and returns its result. */
export async function importFixture(
  runner: ImportRunner,
  path: string,
  content?: ImportContent,
  extra: { transforms?: string[] } = {},
): Promise<FileResult> {
  const bytes = fixture(path);
  const [r] = await runner.importFiles([
    {
      content: content ?? detectContent(bytes, path).content,
      bytes,
      filename: path.split('/').pop() ?? path,
      ...(extra.transforms ? { transforms: extra.transforms } : {}),
    },
  ]);
  if (!r) throw new Error('no result');
  return r;
}

export async function importBytes(
  runner: ImportRunner,
  bytes: Buffer | Uint8Array,
  content: ImportContent,
  filename = 'file',
): Promise<FileResult> {
  const [r] = await runner.importFiles([{ content, bytes, filename }]);
  if (!r) throw new Error('no result');
  return r;
}

export function newRunner(cers: CersDb, o: RunnerOptions = {}): ImportRunner {
  return new ImportRunner(cers, { batchSize: 50, ...o });
}

/** Schools the TRT fixtures name (README "Reference data that the exam fixtures assume"). */
export async function seedFixtureSchools(db: Kysely<Database>): Promise<Record<string, { id: number; districtId: number }>> {
  const out: Record<string, { id: number; districtId: number }> = {};
  const d1 = await seedDistrict(db, { naturalId: 'UCLALS', name: 'UCLA Lab Schools' });
  const d2 = await seedDistrict(db, { naturalId: '90001000000000', name: 'External Vendor District' });
  const d3 = await seedDistrict(db, { naturalId: '37683380000000', name: 'Extract District' });
  for (const id of ['APTEST1', 'APTEST14', 'APTEST15'])
    out[id] = { id: await seedSchool(db, { districtId: d1, naturalId: id, name: `School ${id}` }), districtId: d1 };
  for (const id of ['900010000001', '00900010000001'])
    out[id] = { id: await seedSchool(db, { districtId: d2, naturalId: id, name: `School ${id}` }), districtId: d2 };
  for (const id of ['SchoolNaturalId1', 'SchoolNaturalId2', 'SchoolNaturalId3']) {
    out[id] = { id: await seedSchool(db, { districtId: d3, naturalId: id, name: `School ${id}` }), districtId: d3 };
  }
  return out;
}

export type SeedAssessment = {
  naturalId?: string;
  family?: Family;
  subject: string;
  grade: string;
  type: AssessmentType;
  schoolYear?: number;
  minScore?: number | null;
  maxScore?: number | null;
  cutScores?: number[];
  standardCutLevel?: number;
  scores?: { code: string; kind: SubScoreKind; min?: number; max?: number; cuts?: number[] }[];
  /** "<claim>|<target>" codes the assessment reports (created as targets of the subject). */
  targets?: string[];
};

/** An assessment whose items are exactly the items of a TRT fixture (as RDW's SQL setup does). */
export async function seedAssessmentFromTrt(db: Kysely<Database>, trtPath: string, o: SeedAssessment): Promise<number> {
  await seedSubjects(db);
  const trt = readTrt(fixture(trtPath));
  const naturalId = o.naturalId ?? (trt.test.name as string);
  const row = await db
    .insertInto('assessments')
    .values({
      naturalId,
      family: o.family ?? 'SBAC',
      subject: o.subject,
      type: o.type,
      grade: o.grade,
      schoolYear: o.schoolYear ?? 2017,
      name: naturalId,
      label: naturalId,
      minScore: o.minScore === undefined ? 1000 : o.minScore,
      maxScore: o.maxScore === undefined ? 3500 : o.maxScore,
      cutScores: o.cutScores ?? [],
      standardCutLevel: o.standardCutLevel ?? 3,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const items = [...new Set(trt.items.map((i) => `${i.attrs.bankKey}-${i.attrs.key}`))];
  if (items.length > 0) {
    await sql`insert into items (assessment_id, natural_id, bank_key, item_key)
      select ${row.id}, n, split_part(n, '-', 1), split_part(n, '-', 2) from unnest(${items}::text[]) n`.execute(db);
  }
  for (const s of o.scores ?? []) {
    await db
      .insertInto('assessmentScores')
      .values({
        assessmentId: row.id,
        code: s.code,
        kind: s.kind,
        name: s.code,
        minScore: s.min ?? null,
        maxScore: s.max ?? null,
        cutScores: s.cuts ?? [],
      })
      .execute();
  }
  for (const t of o.targets ?? []) {
    const at = t.indexOf('|');
    const target = await db
      .insertInto('targets')
      .values({ subject: o.subject, claimCode: t.slice(0, at), naturalId: t.slice(at + 1), name: t })
      .onConflict((oc) => oc.columns(['subject', 'claimCode', 'naturalId']).doUpdateSet({ name: t }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('assessmentTargets')
      .values({ assessmentId: row.id, targetId: target.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return row.id;
}

export const SB_ELA_CLAIMS = ['SOCK_R', '2-W', 'SOCK_LS', '4-CR'].map((code) => ({ code, kind: 'claim' as const }));
export const SB_MATH_CLAIMS = ['1', 'SOCK_2', '3'].map((code) => ({ code, kind: 'claim' as const }));

export async function count(db: Kysely<Database>, table: string, where = 'true'): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.raw(where)}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

export const messages = (message: string | null) =>
  (JSON.parse(message ?? '{"messages":[]}') as { messages: { elementName: string; value?: string; error: string }[] }).messages;
