import type { Database } from '@cers/db';
import { STANDARD_CUT_LEVEL } from '@cers/domain';
import { type Kysely, sql } from 'kysely';
import type { SubjectDefinition } from '../subject-definition.js';
import type { PackageAssessment } from './model.js';
import { overallLevelDefs, rulesFor, scoreRows } from './scores.js';

type Db = Kysely<Database>;
export type StoreResult = { created: number; updated: number; rejected: number; rejections: string[] };

/**
 * §4.4: match by AssessmentId; new ⇒ create; same subject, grade and type ⇒ update what changed
 * (items are added or updated, never deleted); a different subject, grade or type ⇒ rejected.
 */
export async function storePackage(
  db: Db,
  list: readonly PackageAssessment[],
  defs: Map<string, SubjectDefinition | null>,
  importId: number,
): Promise<StoreResult> {
  const result: StoreResult = { created: 0, updated: 0, rejected: 0, rejections: [] };
  for (const a of list) {
    const def = defs.get(a.subject.toLowerCase()) ?? null;
    const existing = await db
      .selectFrom('assessments')
      .select(['id', 'subject', 'grade', 'type'])
      .where(sql`lower(natural_id)`, '=', a.naturalId.toLowerCase())
      .executeTakeFirst();
    if (
      existing &&
      (existing.subject.toLowerCase() !== a.subject.toLowerCase() || existing.grade !== a.grade || existing.type !== a.type)
    ) {
      result.rejected++;
      result.rejections.push(`${a.naturalId}: subject, grade or type differs from the stored assessment`);
      continue;
    }
    const scores = scoreRows(a, def);
    const rules = rulesFor(a);
    const typeDef = def?.assessmentTypes.find((t) => t.code === a.type);
    const has = (k: string) => scores.some((s) => s.kind === k);
    const values = {
      naturalId: a.naturalId,
      family: a.family,
      subject: a.subject,
      type: a.type,
      grade: a.grade,
      schoolYear: a.schoolYear,
      name: a.name,
      label: a.label,
      version: a.version,
      minScore: a.overall?.min ?? null,
      maxScore: a.overall?.max ?? null,
      cutScores: a.overall?.cuts ?? [],
      standardCutLevel: typeDef?.overall.standardCutoff ?? STANDARD_CUT_LEVEL[a.family],
      levels: JSON.stringify(overallLevelDefs(a, def)),
      hasClaims: a.family === 'SBAC' ? rules.hasClaims && has('claim') : has('claim'),
      hasComposites: has('composite') || has('alt'),
      hasDomains: has('domain'),
      hasTargets: rules.hasTargets || a.items.some((i) => i.targetNaturalId !== null),
      hasTraits: rules.hasTraits || (typeDef?.traitReport ?? false),
      hasItems: rules.hasItems || a.items.length > 0,
      measureKind: rules.measureKind,
    };
    let id: number;
    let changed = false;
    if (existing) {
      id = existing.id;
      const r = await sql<{ id: number }>`
        update assessments set name = ${values.name}, label = ${values.label}, version = ${values.version}, school_year = ${values.schoolYear},
          family = ${values.family}, min_score = ${values.minScore}, max_score = ${values.maxScore}, cut_scores = ${values.cutScores}::float8[],
          standard_cut_level = ${values.standardCutLevel}, levels = ${values.levels}::jsonb, has_claims = ${values.hasClaims},
          has_composites = ${values.hasComposites}, has_domains = ${values.hasDomains}, has_targets = ${values.hasTargets},
          has_traits = ${values.hasTraits}, has_items = ${values.hasItems}, measure_kind = ${values.measureKind}, updated_at = now()
        where id = ${id} and (name, label, version, school_year, family, min_score, max_score, cut_scores, standard_cut_level, levels,
          has_claims, has_composites, has_domains, has_targets, has_traits, has_items, measure_kind)
          is distinct from (${values.name}, ${values.label}, ${values.version}, ${values.schoolYear}::int, ${values.family}, ${values.minScore}::float8,
          ${values.maxScore}::float8, ${values.cutScores}::float8[], ${values.standardCutLevel}::smallint, ${values.levels}::jsonb, ${values.hasClaims},
          ${values.hasComposites}, ${values.hasDomains}, ${values.hasTargets}, ${values.hasTraits}, ${values.hasItems}, ${values.measureKind}::text)
        returning id`.execute(db);
      changed = r.rows.length > 0;
    } else {
      const row = await db
        .insertInto('assessments')
        .values({ ...values, importId })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    changed = (await writeScores(db, id, scores)) || changed;
    changed = (await writeItems(db, id, a, def !== null)) || changed;
    if (!existing) result.created++;
    else if (changed) result.updated++;
  }
  return result;
}

async function writeScores(db: Db, id: number, scores: ReturnType<typeof scoreRows>): Promise<boolean> {
  const removed =
    await sql`delete from assessment_scores where assessment_id = ${id} and not (code = any(${scores.map((s) => s.code)}::text[])) returning code`.execute(
      db,
    );
  if (scores.length === 0) return removed.rows.length > 0;
  const up = await sql`
    insert into assessment_scores as s (assessment_id, code, kind, name, display_order, min_score, max_score, cut_scores, levels)
    select ${id}, c, k, n, o, mn, mx, coalesce(string_to_array(cu, ',')::float8[], '{}'), l::jsonb
    from unnest(${scores.map((s) => s.code)}::text[], ${scores.map((s) => s.kind)}::text[], ${scores.map((s) => s.name)}::text[],
      ${scores.map((s) => s.displayOrder)}::int[], ${scores.map((s) => s.min)}::float8[], ${scores.map((s) => s.max)}::float8[],
      ${scores.map((s) => (s.cuts.length > 0 ? s.cuts.join(',') : null))}::text[], ${scores.map((s) => JSON.stringify(s.levels))}::text[]) as t(c, k, n, o, mn, mx, cu, l)
    on conflict (assessment_id, code) do update set kind = excluded.kind, name = excluded.name, display_order = excluded.display_order,
      min_score = excluded.min_score, max_score = excluded.max_score, cut_scores = excluded.cut_scores, levels = excluded.levels
    where (s.kind, s.name, s.display_order, s.min_score, s.max_score, s.cut_scores, s.levels)
      is distinct from (excluded.kind, excluded.name, excluded.display_order, excluded.min_score, excluded.max_score, excluded.cut_scores, excluded.levels)
    returning code`.execute(db);
  return removed.rows.length > 0 || up.rows.length > 0;
}

async function writeItems(db: Db, id: number, a: PackageAssessment, subjectHasDefinition: boolean): Promise<boolean> {
  if (a.items.length === 0) return false;
  const withTarget = a.items.filter((i) => i.claimCode !== null && i.targetNaturalId !== null);
  if (!subjectHasDefinition && withTarget.length > 0) {
    // A subject without an imported definition: targets named by the package are created.
    await sql`insert into targets (subject, claim_code, natural_id, name)
      select distinct ${a.subject}, c, t, t from unnest(${withTarget.map((i) => i.claimCode)}::text[], ${withTarget.map((i) => i.targetNaturalId)}::text[]) as x(c, t)
      on conflict (subject, claim_code, natural_id) do nothing`.execute(db);
  }
  const it = a.items;
  const col = <T>(f: (i: (typeof it)[number]) => T) => it.map(f);
  const r = await sql`
    insert into items as i (assessment_id, natural_id, bank_key, item_key, position, format, claim_code, target_id, standard, dok, max_points,
      difficulty, answer_key, option_count, writing_purpose, math_practice, allow_calculator, field_test)
    select ${id}, x.n, x.bk, x.ik, x.pos, x.fmt, x.cc, t.id, x.std, x.dok, x.mp, x.diff, x.ak, x.oc, x.wp, x.mpr, x.calc, x.ft
    from unnest(${col((i) => i.naturalId)}::text[], ${col((i) => i.bankKey)}::text[], ${col((i) => i.itemKey)}::text[], ${col((i) => i.position)}::int[],
      ${col((i) => i.format)}::text[], ${col((i) => i.claimCode)}::text[], ${col((i) => i.targetNaturalId)}::text[], ${col((i) => i.standard)}::text[],
      ${col((i) => i.dok)}::smallint[], ${col((i) => i.maxPoints)}::smallint[], ${col((i) => i.difficulty)}::float8[], ${col((i) => i.answerKey)}::text[],
      ${col((i) => i.optionCount)}::smallint[], ${col((i) => i.writingPurpose)}::text[], ${col((i) => i.mathPractice)}::text[],
      ${col((i) => i.allowCalculator)}::bool[], ${col((i) => i.fieldTest)}::bool[])
      as x(n, bk, ik, pos, fmt, cc, tn, std, dok, mp, diff, ak, oc, wp, mpr, calc, ft)
    left join targets t on t.subject = ${a.subject} and t.claim_code = x.cc and t.natural_id = x.tn
    on conflict (assessment_id, natural_id) do update set bank_key = excluded.bank_key, item_key = excluded.item_key, position = excluded.position,
      format = excluded.format, claim_code = excluded.claim_code, target_id = excluded.target_id, standard = excluded.standard, dok = excluded.dok,
      max_points = excluded.max_points, difficulty = excluded.difficulty, answer_key = excluded.answer_key, option_count = excluded.option_count,
      writing_purpose = excluded.writing_purpose, math_practice = excluded.math_practice, allow_calculator = excluded.allow_calculator,
      field_test = excluded.field_test
    where (i.bank_key, i.item_key, i.position, i.format, i.claim_code, i.target_id, i.standard, i.dok, i.max_points, i.difficulty, i.answer_key,
      i.option_count, i.writing_purpose, i.math_practice, i.allow_calculator, i.field_test)
      is distinct from (excluded.bank_key, excluded.item_key, excluded.position, excluded.format, excluded.claim_code, excluded.target_id,
      excluded.standard, excluded.dok, excluded.max_points, excluded.difficulty, excluded.answer_key, excluded.option_count,
      excluded.writing_purpose, excluded.math_practice, excluded.allow_calculator, excluded.field_test)
    returning i.id`.execute(db);
  await sql`insert into assessment_targets (assessment_id, target_id)
    select distinct ${id}::int, target_id from items where assessment_id = ${id} and target_id is not null
    on conflict do nothing`.execute(db);
  return r.rows.length > 0;
}
