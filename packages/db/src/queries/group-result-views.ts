/**
 * The "Results by Student" drop-down views of a group: Target Report moments, Writing Trait Scores,
 * Lexile/Quantile measures, Results by Item, Key/Distractor counts and the item detail. All start
 * from latestExams (scope.ts predicates inside); shaping happens in @cers/domain.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database, Json } from '../schema.js';
import { latestExams, type PopulationRef, preparedFor, type ResultsAccess } from './results-population.js';

type Db = Kysely<Database>;

/** Subgroup dimensions of the Target Report (demographics as of the exam, domain.md §Students). */
export const TARGET_SUBGROUPS = [
  'overall',
  'gender',
  'ethnicity',
  'elas',
  'lep',
  'iep',
  'section504',
  'economicDisadvantage',
  'migrant',
  'militaryConnected',
] as const;
export type TargetSubgroup = (typeof TARGET_SUBGROUPS)[number];

const yesNo = (column: string) => sql`case ${sql.ref(`x.${column}`)} when true then 'Yes' when false then 'No' else 'Not Stated' end`;

/** The SQL value of a subgroup dimension for one exam row x (ethnicity is expanded by a lateral join). */
function subgroupValue(dimension: TargetSubgroup): RawBuilder<unknown> {
  switch (dimension) {
    case 'overall':
      return sql`'All Students'`;
    case 'gender':
      return sql`coalesce(x.gender, 'Not Stated')`;
    case 'ethnicity':
      return sql`eth.v`;
    case 'elas':
      return sql`coalesce(x.elas, 'Not Stated')`;
    case 'militaryConnected':
      return sql`coalesce(x.military_connected, 'Not Stated')`;
    case 'lep':
    case 'iep':
    case 'section504':
    case 'migrant':
      return yesNo(dimension);
    case 'economicDisadvantage':
      return yesNo('economic_disadvantage');
    default: {
      const never: never = dimension;
      return never;
    }
  }
}

function subgroupJoin(dimension: TargetSubgroup): RawBuilder<unknown> {
  return dimension === 'ethnicity'
    ? sql`cross join lateral unnest(case when cardinality(x.ethnicities) = 0 then array['Not Stated'] else x.ethnicities end) as eth(v)`
    : sql``;
}

export type TargetMomentsRow = {
  targetId: number;
  claimCode: string;
  targetCode: string;
  targetName: string;
  description: string | null;
  includedInReport: boolean;
  subgroup: string;
  nTest: number;
  meanTest: number | null;
  sdTest: number | null;
  nStandard: number;
  meanStandard: number | null;
  sdStandard: number | null;
};

/** Per target (and subgroup value): n, mean and sample SD of both residuals. */
export async function targetMoments(
  db: Db,
  ref: PopulationRef,
  access: ResultsAccess,
  assessmentId: number,
  dimension: TargetSubgroup,
): Promise<{ targets: TargetMomentsRow[]; subgroups: { subgroup: string; studentsTested: number }[] }> {
  const x = latestExams(ref, access, { ids: [assessmentId] });
  const value = subgroupValue(dimension);
  const join = subgroupJoin(dimension);
  const { rows: targets } = await sql<TargetMomentsRow>`${preparedFor(ref)}
    select t.id as target_id, t.claim_code, t.natural_id as target_code, t.name as target_name, t.description,
      coalesce(bool_and(at.included_in_report), true) as included_in_report, ${value} as subgroup,
      count(ts.student_relative_residual)::int as n_test, avg(ts.student_relative_residual)::float8 as mean_test,
      stddev_samp(ts.student_relative_residual)::float8 as sd_test,
      count(ts.standard_met_relative_residual)::int as n_standard, avg(ts.standard_met_relative_residual)::float8 as mean_standard,
      stddev_samp(ts.standard_met_relative_residual)::float8 as sd_standard
    from (${x}) x ${join}
    join exam_target_scores ts on ts.district_id = x.district_id and ts.exam_id = x.id
    join targets t on t.id = ts.target_id
    left join assessment_targets at on at.assessment_id = x.assessment_id and at.target_id = t.id
    group by 1, 2, 3, 4, 5, 7
    order by t.claim_code, t.natural_id, 7`.execute(db);
  const { rows: subgroups } = await sql<{ subgroup: string; studentsTested: number }>`${preparedFor(ref)}
    select ${value} as subgroup, count(*)::int as students_tested from (${x}) x ${join} group by 1 order by 1`.execute(db);
  return { targets, subgroups };
}

export type TraitStudentRow = {
  examId: number;
  studentId: number;
  ssid: string;
  firstName: string | null;
  lastName: string | null;
  purpose: string | null;
  org: number | null;
  evi: number | null;
  con: number | null;
  conditionCode: string | null;
  /** The full-write item of an interim exam, to open the item and the response. */
  werItemId: number | null;
};

/**
 * Writing Trait Scores per student: the exam's trait scores (exam_trait_scores), else those on its
 * full-write (WER) item (interims carry them on exam_items).
 */
export async function listTraitScores(db: Db, ref: PopulationRef, access: ResultsAccess, assessmentId: number): Promise<TraitStudentRow[]> {
  const { rows } = await sql<TraitStudentRow>`${preparedFor(ref)}
    select x.id as exam_id, x.student_id, st.ssid, st.first_name, st.last_name,
      coalesce(tr.purpose, w.writing_purpose) as purpose,
      coalesce(tr.org, w.trait_org_score) as org, coalesce(tr.evi, w.trait_evi_score) as evi, coalesce(tr.con, w.trait_con_score) as con,
      tr.condition_code, w.item_id as wer_item_id
    from (${latestExams(ref, access, { ids: [assessmentId] })}) x
    join students st on st.id = x.student_id
    left join lateral (
      select min(t.purpose) as purpose,
        max(t.score) filter (where t.category = 'ORG')::int as org,
        max(t.score) filter (where t.category = 'EVI')::int as evi,
        max(t.score) filter (where t.category = 'CON')::int as con,
        max(t.condition_code) as condition_code,
        count(*) as n
      from exam_trait_scores t where t.district_id = x.district_id and t.exam_id = x.id
    ) tr on tr.n > 0
    left join lateral (
      select ei.item_id, i.writing_purpose, ei.trait_org_score::int, ei.trait_evi_score::int, ei.trait_con_score::int
      from exam_items ei join items i on i.id = ei.item_id
      where ei.district_id = x.district_id and ei.exam_id = x.id and upper(i.format) = 'WER'
      order by ei.position nulls last limit 1
    ) w on true
    where tr.n is not null or w.item_id is not null
    order by lower(st.last_name), lower(st.first_name), st.ssid`.execute(db);
  return rows;
}

export type MeasureStudentRow = {
  examId: number;
  studentId: number;
  ssid: string;
  firstName: string | null;
  lastName: string | null;
  enrolledGrade: string | null;
  scaleScore: number | null;
  achievementLevel: number | null;
  measure: number | null;
};

/** Lexile (ELA) or Quantile (Math) measure per student. */
export async function listMeasures(
  db: Db,
  ref: PopulationRef,
  access: ResultsAccess,
  assessmentId: number,
  kind: 'lexile' | 'quantile',
): Promise<MeasureStudentRow[]> {
  const column = kind === 'lexile' ? sql`x.lexile` : sql`x.quantile`;
  const { rows } = await sql<MeasureStudentRow>`${preparedFor(ref)}
    select x.id as exam_id, x.student_id, st.ssid, st.first_name, st.last_name, x.enrolled_grade, x.scale_score, x.achievement_level,
      ${column} as measure
    from (${latestExams(ref, access, { ids: [assessmentId] })}) x
    join students st on st.id = x.student_id
    order by lower(st.last_name), lower(st.first_name), st.ssid`.execute(db);
  return rows;
}

export type ItemRow = {
  id: number;
  naturalId: string;
  position: number | null;
  format: string | null;
  claimCode: string | null;
  targetId: number | null;
  targetCode: string | null;
  targetName: string | null;
  standard: string | null;
  dok: number | null;
  maxPoints: number;
  difficulty: number | null;
  answerKey: string | null;
  optionCount: number | null;
  options: Json | null;
  writingPurpose: string | null;
};

/** Items of an assessment (reference data, no student data), in test order. */
export async function listAssessmentItems(db: Db, assessmentId: number): Promise<ItemRow[]> {
  return db
    .selectFrom('items as i')
    .leftJoin('targets as t', 't.id', 'i.targetId')
    .select([
      'i.id',
      'i.naturalId',
      'i.position',
      'i.format',
      'i.claimCode',
      'i.targetId',
      't.naturalId as targetCode',
      't.name as targetName',
      'i.standard',
      'i.dok',
      'i.maxPoints',
      'i.difficulty',
      'i.answerKey',
      'i.optionCount',
      'i.options',
      'i.writingPurpose',
    ])
    .where('i.assessmentId', '=', assessmentId)
    .where('i.fieldTest', '=', false)
    .orderBy(sql`i.position nulls last`)
    .orderBy('i.id')
    .execute();
}

export type ItemPointsRow = { itemId: number; points: number | null; isTotal: boolean; n: number; mean: number | null };

/** Per item: students per points earned (rounded) and, on the total row, the mean points. */
export async function itemPointMoments(db: Db, ref: PopulationRef, access: ResultsAccess, assessmentId: number): Promise<ItemPointsRow[]> {
  const { rows } = await sql<ItemPointsRow>`${preparedFor(ref)}
    select ei.item_id, round(ei.score)::int as points, grouping(round(ei.score)) = 1 as is_total, count(*)::int as n,
      avg(ei.score)::float8 as mean
    from (${latestExams(ref, access, { ids: [assessmentId] })}) x
    join exam_items ei on ei.district_id = x.district_id and ei.exam_id = x.id
    where ei.score is not null
    group by grouping sets ((ei.item_id, round(ei.score)), (ei.item_id))`.execute(db);
  return rows;
}

export type StudentItemPointsRow = {
  examId: number;
  studentId: number;
  ssid: string;
  firstName: string | null;
  lastName: string | null;
  points: { itemId: number; score: number | null }[];
};

/** Each student's points per item (Results by Item, student rows). */
export async function listStudentItemPoints(
  db: Db,
  ref: PopulationRef,
  access: ResultsAccess,
  assessmentId: number,
): Promise<StudentItemPointsRow[]> {
  const { rows } = await sql<StudentItemPointsRow>`${preparedFor(ref)}
    select x.id as exam_id, x.student_id, st.ssid, st.first_name, st.last_name,
      (select coalesce(json_agg(json_build_object('itemId', ei.item_id, 'score', ei.score) order by ei.item_id), '[]'::json)
        from exam_items ei where ei.district_id = x.district_id and ei.exam_id = x.id) as points
    from (${latestExams(ref, access, { ids: [assessmentId] })}) x
    join students st on st.id = x.student_id
    order by lower(st.last_name), lower(st.first_name), st.ssid`.execute(db);
  return rows;
}

export type OptionCountRow = { itemId: number; option: string | null; isTotal: boolean; n: number };

/**
 * Key/Distractor counts for MC/MS items: per item the students who responded (total row, option
 * null) and per option the students whose response contains it (multiple select: each choice).
 */
export async function selectedResponseCounts(
  db: Db,
  ref: PopulationRef,
  access: ResultsAccess,
  assessmentId: number,
): Promise<OptionCountRow[]> {
  const { rows } = await sql<OptionCountRow>`${preparedFor(ref)}
    with r as (
      select ei.item_id, x.id as exam_id, upper(btrim(ei.response)) as response
      from (${latestExams(ref, access, { ids: [assessmentId] })}) x
      join exam_items ei on ei.district_id = x.district_id and ei.exam_id = x.id
      join items i on i.id = ei.item_id and upper(i.format) in ('MC', 'MS')
      where ei.response is not null and btrim(ei.response) <> ''
    )
    select item_id, null::text as option, true as is_total, count(*)::int as n from r group by item_id
    union all
    select r.item_id, o.option, false, count(distinct r.exam_id)::int
    from r cross join lateral regexp_split_to_table(r.response, '[,;| ]+') as o(option)
    where o.option <> ''
    group by r.item_id, o.option`.execute(db);
  return rows;
}

export type ItemDetailRow = ItemRow & {
  assessmentId: number;
  stem: string | null;
  rubric: Json | null;
  exemplar: string | null;
  mathPractice: string | null;
  allowCalculator: boolean | null;
  targetDescription: string | null;
};

/** One item with its content (Item Viewer, Rubric and Exemplar, Item Information). */
export async function findItem(db: Db, itemId: number): Promise<ItemDetailRow | undefined> {
  return db
    .selectFrom('items as i')
    .leftJoin('targets as t', 't.id', 'i.targetId')
    .select([
      'i.id',
      'i.assessmentId',
      'i.naturalId',
      'i.position',
      'i.format',
      'i.claimCode',
      'i.targetId',
      't.naturalId as targetCode',
      't.name as targetName',
      't.description as targetDescription',
      'i.standard',
      'i.dok',
      'i.maxPoints',
      'i.difficulty',
      'i.answerKey',
      'i.optionCount',
      'i.options',
      'i.writingPurpose',
      'i.stem',
      'i.rubric',
      'i.exemplar',
      'i.mathPractice',
      'i.allowCalculator',
    ])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
}

export type ItemResponseRow = {
  examId: number;
  studentId: number;
  ssid: string;
  firstName: string | null;
  lastName: string | null;
  score: number | null;
  scoreStatus: string | null;
  response: string | null;
  traitOrgScore: number | null;
  traitEviScore: number | null;
  traitConScore: number | null;
};

/** Student Points and Responses of one item for the population. */
export async function listItemResponses(
  db: Db,
  ref: PopulationRef,
  access: ResultsAccess,
  assessmentId: number,
  itemId: number,
): Promise<ItemResponseRow[]> {
  const { rows } = await sql<ItemResponseRow>`${preparedFor(ref)}
    select x.id as exam_id, x.student_id, st.ssid, st.first_name, st.last_name, ei.score, ei.score_status, ei.response,
      ei.trait_org_score::int, ei.trait_evi_score::int, ei.trait_con_score::int
    from (${latestExams(ref, access, { ids: [assessmentId] })}) x
    join students st on st.id = x.student_id
    join exam_items ei on ei.district_id = x.district_id and ei.exam_id = x.id and ei.item_id = ${itemId}
    order by lower(st.last_name), lower(st.first_name), st.ssid`.execute(db);
  return rows;
}
