/**
 * Writes reference data (organizations, subjects, accommodations, targets, assessments with their
 * sub-score definitions, targets and items) and returns the id maps the exam writer needs.
 */
import { type BulkColumn, bulkInsert, type CersDb, reserveIds } from '@cers/db';
import { SUBJECT_LABELS, SUBJECTS } from '@cers/domain';
import { sql } from 'kysely';
import type { AssessmentSpec } from '../catalog/assessments.js';
import type { ItemSpec } from '../catalog/items.js';
import { ELA_TARGETS, MATH_TARGETS } from '../catalog/targets-data.js';
import { ACCOMMODATIONS } from '../population.js';
import type { Counts } from './counts.js';

type Db = CersDb['db'];

export type OrgInput = { naturalId: string; name: string };
export type OrgIds = { stateId: number; districtIds: number[]; schoolIds: number[]; schoolDistrictIds: number[] };

/** The state, districts and schools (schools reference their district by index). */
export async function writeOrganizations(
  db: Db,
  districts: readonly OrgInput[],
  schools: readonly (OrgInput & { districtIndex: number })[],
  counts: Counts,
): Promise<OrgIds> {
  const existing = await db.selectFrom('organizations').select('id').where('type', '=', 'state').executeTakeFirst();
  let stateId = existing?.id;
  if (stateId === undefined) {
    const row = await db
      .insertInto('organizations')
      .values({ type: 'state', naturalId: 'CA', name: 'California' })
      .returning('id')
      .executeTakeFirstOrThrow();
    stateId = row.id;
    counts.add('organizations', 1);
  }
  const districtIds = await reserveIds(db, 'organizations', districts.length);
  const schoolIds = await reserveIds(db, 'organizations', schools.length);
  type Row = { id: number; type: string; naturalId: string; name: string; parentId: number; districtId: number };
  const rows: Row[] = [
    ...districts.map((d, i) => ({
      id: districtIds[i] as number,
      type: 'district',
      naturalId: d.naturalId,
      name: d.name,
      parentId: stateId,
      districtId: districtIds[i] as number,
    })),
    ...schools.map((s, i) => {
      const districtId = districtIds[s.districtIndex] as number;
      return { id: schoolIds[i] as number, type: 'school', naturalId: s.naturalId, name: s.name, parentId: districtId, districtId };
    }),
  ];
  const columns: BulkColumn<Row>[] = [
    ['id', 'int', (r) => r.id],
    ['type', 'text', (r) => r.type],
    ['natural_id', 'text', (r) => r.naturalId],
    ['name', 'text', (r) => r.name],
    ['parent_id', 'int', (r) => r.parentId],
    ['district_id', 'int', (r) => r.districtId],
  ];
  // Districts first: schools reference them (district_id is a foreign key).
  await bulkInsert(db, 'organizations', columns, rows.slice(0, districts.length));
  await bulkInsert(db, 'organizations', columns, rows.slice(districts.length));
  counts.add('organizations', rows.length);
  return { stateId, districtIds, schoolIds, schoolDistrictIds: schools.map((s) => districtIds[s.districtIndex] as number) };
}

export async function writeSubjectsAndAccommodations(db: Db, counts: Counts): Promise<void> {
  const subjects = await db
    .insertInto('subjects')
    .values(SUBJECTS.map((code) => ({ code, name: SUBJECT_LABELS[code] })))
    .onConflict((oc) => oc.doNothing())
    .returning('code')
    .execute();
  counts.add('subjects', subjects.length);
  const accommodations = await db
    .insertInto('accommodations')
    .values(Object.entries(ACCOMMODATIONS).map(([code, label]) => ({ code, labels: JSON.stringify({ eng: label }) })))
    .onConflict((oc) => oc.doNothing())
    .returning('code')
    .execute();
  counts.add('accommodations', accommodations.length);
}

/** Every target of the sandbox subjects; returns `<subject>|<claim>|<id>` → targets.id. */
export async function writeTargets(db: Db, counts: Counts): Promise<Map<string, number>> {
  type Row = { subject: string; claim: string; id: string; name: string; description: string };
  const rows: Row[] = [];
  for (const list of Object.values(ELA_TARGETS)) for (const t of list) rows.push({ subject: 'ELA', ...t });
  for (const list of Object.values(MATH_TARGETS)) for (const t of list) rows.push({ subject: 'Math', ...t });
  const unique = [...new Map(rows.map((r) => [`${r.subject}|${r.claim}|${r.id}`, r])).values()];
  await bulkInsert(
    db,
    'targets',
    [
      ['subject', 'text', (r: Row) => r.subject],
      ['claim_code', 'text', (r: Row) => r.claim],
      ['natural_id', 'text', (r: Row) => r.id],
      ['name', 'text', (r: Row) => r.name],
      ['description', 'text', (r: Row) => r.description],
    ],
    unique,
    { onConflict: 'on conflict do nothing' },
  );
  counts.add('targets', unique.length);
  const stored = await db.selectFrom('targets').select(['id', 'subject', 'claimCode', 'naturalId']).execute();
  return new Map(stored.map((t) => [`${t.subject}|${t.claimCode}|${t.naturalId}`, t.id]));
}

export type AssessmentIds = { byNaturalId: Map<string, number>; itemIds: Map<string, number> };

const CHUNK = 500;

/** Assessments, their sub-score definitions, report targets and items. */
export async function writeAssessments(
  db: Db,
  specs: readonly AssessmentSpec[],
  targetIds: Map<string, number>,
  counts: Counts,
): Promise<AssessmentIds> {
  const ids = await reserveIds(db, 'assessments', specs.length);
  const byNaturalId = new Map<string, number>(specs.map((a, i) => [a.naturalId, ids[i] as number]));
  for (let start = 0; start < specs.length; start += CHUNK) {
    const slice = specs.slice(start, start + CHUNK);
    await db
      .insertInto('assessments')
      .values(
        slice.map((a, i) => ({
          id: ids[start + i] as number,
          naturalId: a.naturalId,
          family: a.family,
          subject: a.subject,
          type: a.type,
          grade: a.gradeCode,
          schoolYear: a.schoolYear,
          name: a.name,
          label: a.label,
          version: String(a.schoolYear),
          minScore: a.scale.min,
          maxScore: a.scale.max,
          cutScores: [...a.scale.cuts],
          standardCutLevel: a.standardCutLevel,
          levels: JSON.stringify(a.levels),
          hasClaims: a.rules.hasClaims,
          hasComposites: a.rules.hasComposites,
          hasDomains: a.rules.hasDomains,
          hasTargets: a.rules.hasTargets,
          hasTraits: a.rules.hasTraits,
          hasItems: a.rules.hasItems,
          measureKind: a.rules.measureKind,
        })),
      )
      .execute();
  }
  counts.add('assessments', specs.length);
  const scoreRows = specs.flatMap((a) =>
    a.scores.map((s) => ({
      assessmentId: byNaturalId.get(a.naturalId) as number,
      code: s.code,
      kind: s.kind,
      name: s.name,
      displayOrder: s.displayOrder,
      minScore: s.minScore,
      maxScore: s.maxScore,
      cutScores: [...s.cutScores],
      levels: JSON.stringify(s.levels),
    })),
  );
  for (let start = 0; start < scoreRows.length; start += CHUNK) {
    await db
      .insertInto('assessmentScores')
      .values(scoreRows.slice(start, start + CHUNK))
      .execute();
  }
  counts.add('assessment_scores', scoreRows.length);
  type AT = { assessmentId: number; targetId: number };
  const targetRows: AT[] = specs.flatMap((a) =>
    a.targetKeys.flatMap((k) => {
      const targetId = targetIds.get(k);
      return targetId === undefined ? [] : [{ assessmentId: byNaturalId.get(a.naturalId) as number, targetId }];
    }),
  );
  await bulkInsert(
    db,
    'assessment_targets',
    [
      ['assessment_id', 'int', (r: AT) => r.assessmentId],
      ['target_id', 'int', (r: AT) => r.targetId],
    ],
    targetRows,
  );
  counts.add('assessment_targets', targetRows.length);
  const itemIds = await writeItems(db, specs, byNaturalId, targetIds, counts);
  return { byNaturalId, itemIds };
}

type ItemRow = ItemSpec & { id: number; assessmentId: number; targetId: number | null };

const ITEM_COLUMNS: readonly BulkColumn<ItemRow>[] = [
  ['id', 'int', (r) => r.id],
  ['assessment_id', 'int', (r) => r.assessmentId],
  ['natural_id', 'text', (r) => r.naturalId],
  ['bank_key', 'text', (r) => r.bankKey],
  ['item_key', 'text', (r) => r.itemKey],
  ['position', 'int', (r) => r.position],
  ['format', 'text', (r) => r.format],
  ['claim_code', 'text', (r) => r.claimCode],
  ['target_id', 'int', (r) => r.targetId],
  ['standard', 'text', (r) => r.standard],
  ['dok', 'smallint', (r) => r.dok],
  ['max_points', 'smallint', (r) => r.maxPoints],
  ['difficulty', 'float8', (r) => r.difficulty],
  ['answer_key', 'text', (r) => r.answerKey],
  ['option_count', 'smallint', (r) => r.options?.length ?? null],
  ['options', 'jsonb', (r) => r.options],
  ['stem', 'text', (r) => r.stem],
  ['rubric', 'jsonb', (r) => r.rubric],
  ['exemplar', 'text', (r) => r.exemplar],
  ['writing_purpose', 'text', (r) => r.writingPurpose],
  ['math_practice', 'text', (r) => r.mathPractice],
  ['allow_calculator', 'bool', (r) => r.allowCalculator],
];

/** `<assessment natural id>|<item natural id>` → items.id */
async function writeItems(
  db: Db,
  specs: readonly AssessmentSpec[],
  byNaturalId: Map<string, number>,
  targetIds: Map<string, number>,
  counts: Counts,
) {
  const all = specs.flatMap((a) => a.items.map((item) => ({ a, item })));
  const ids = await reserveIds(db, 'items', all.length);
  const itemIds = new Map<string, number>();
  const rows: ItemRow[] = all.map(({ a, item }, i) => {
    itemIds.set(`${a.naturalId}|${item.naturalId}`, ids[i] as number);
    return {
      ...item,
      id: ids[i] as number,
      assessmentId: byNaturalId.get(a.naturalId) as number,
      targetId: item.targetKey ? (targetIds.get(item.targetKey) ?? null) : null,
    };
  });
  await bulkInsert(db, 'items', ITEM_COLUMNS, rows, { rowsPerStatement: 5000 });
  counts.add('items', rows.length);
  return itemIds;
}

/** Summative results released (individual and aggregate) for every year and subject of the districts. */
export async function writeEmbargoes(
  db: Db,
  districtIds: readonly number[],
  years: readonly number[],
  subjects: readonly string[],
  counts: Counts,
): Promise<void> {
  type R = { year: number; districtId: number; subject: string; reportType: string };
  const rows: R[] = [];
  for (const year of years)
    for (const districtId of districtIds)
      for (const subject of subjects)
        for (const reportType of ['individual', 'aggregate']) rows.push({ year, districtId, subject, reportType });
  await bulkInsert(
    db,
    'embargoes',
    [
      ['school_year', 'int', (r: R) => r.year],
      ['district_id', 'int', (r: R) => r.districtId],
      ['subject', 'text', (r: R) => r.subject],
      ['report_type', 'text', (r: R) => r.reportType],
      ['status', 'text', () => 'released'],
    ],
    rows,
    { onConflict: 'on conflict do nothing' },
  );
  counts.add('embargoes', rows.length);
}

/** Keeps serial sequences ahead of explicitly inserted ids (reserveIds already advanced them). */
export async function analyze(db: Db): Promise<void> {
  await sql`analyze`.execute(db);
}
