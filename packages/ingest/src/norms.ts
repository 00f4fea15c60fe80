import type { Database } from '@cers/db';
import { type Kysely, sql } from 'kysely';
import { readCsv, rowObject } from './csv.js';
import type { ProcessContext } from './processors.js';
import { ErrorCollector, type Outcome } from './statuses.js';
import { isDate, javaDouble } from './trt/values.js';

type Db = Kysely<Database>;
type Rank = { rank: number; score: number };
type Table = {
  assessmentId: string;
  startDate: string;
  endDate: string;
  count: number;
  mean: number;
  sd: number | null;
  /** Blank in the file ⇒ the table's own score range (formats.md §9: the doc's configured defaults). */
  min: number | null;
  max: number | null;
  ranks: Rank[];
  line: number;
};

const num = (v: string | undefined) => {
  const t = (v ?? '').trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
};

/** Percentile tables (formats.md §9): identity row then rank rows per (assessment, start, end) key. */
export function readNorms(bytes: Uint8Array, errors: ErrorCollector): Table[] {
  const { header, rows } = readCsv(bytes);
  const required = [
    'assessment_id',
    'start_date',
    'end_date',
    'count',
    'mean',
    'standard_deviation',
    'min_score',
    'max_score',
    'percentile_rank',
    'score',
  ];
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    errors.add('header', header.join(','), `missing required column(s): ${missing.join(', ')}`);
    return [];
  }
  const tables: Table[] = [];
  const seen = new Set<string>();
  let current: Table | undefined;
  for (const row of rows) {
    const r = rowObject(header, row);
    const el = (f: string) => `line ${row.line} ${f}`;
    const key = `${r.assessment_id?.trim()}|${r.start_date?.trim()}|${r.end_date?.trim()}`;
    const rankText = (r.percentile_rank ?? '').trim();
    const scoreText = (r.score ?? '').trim();
    if (!current || key !== `${current.assessmentId}|${current.startDate}|${current.endDate}`) {
      if (seen.has(key)) {
        errors.add(
          el('assessment_id'),
          r.assessment_id,
          'a table (assessment_id, start_date, end_date) may not reappear later in the file',
        );
        continue;
      }
      seen.add(key);
      const t: Table = {
        assessmentId: (r.assessment_id ?? '').trim(),
        startDate: (r.start_date ?? '').trim(),
        endDate: (r.end_date ?? '').trim(),
        count: num(r.count) ?? Number.NaN,
        mean: num(r.mean) ?? Number.NaN,
        sd: num(r.standard_deviation),
        min: num(r.min_score),
        max: num(r.max_score),
        ranks: [],
        line: row.line,
      };
      if (t.assessmentId === '') errors.add(el('assessment_id'), undefined, 'value may not be blank');
      if (!isDate(t.startDate)) errors.add(el('start_date'), r.start_date, 'invalid date, use format YYYY-MM-DD');
      if (!isDate(t.endDate)) errors.add(el('end_date'), r.end_date, 'invalid date, use format YYYY-MM-DD');
      if (isDate(t.startDate) && isDate(t.endDate) && t.startDate > t.endDate)
        errors.add(el('end_date'), t.endDate, 'end_date is before start_date');
      if (!Number.isInteger(t.count) || t.count < 0) errors.add(el('count'), r.count, 'count must be a whole number');
      for (const [f, v] of [
        ['mean', t.mean],
        ['min_score', t.min],
        ['max_score', t.max],
        ['standard_deviation', t.sd],
      ] as const) {
        if (v !== null && Number.isNaN(v)) errors.add(el(f), r[f], 'value must be a number');
      }
      tables.push(t);
      current = t;
      if (rankText === '' && scoreText === '') continue;
    }
    if (!/^\d+$/.test(rankText)) {
      errors.add(el('percentile_rank'), rankText, `percentile rank must be an integer, not [${rankText}]`);
      continue;
    }
    const score = num(scoreText);
    if (score === null || Number.isNaN(score)) {
      errors.add(el('score'), scoreText, 'score must be a number');
      continue;
    }
    const rank = Number(rankText);
    const prev = current.ranks[current.ranks.length - 1];
    if (prev && rank <= prev.rank)
      errors.add(el('percentile_rank'), rankText, `rank ${rank} must be greater than previous rank ${prev.rank}`);
    if (prev && score < prev.score)
      errors.add(el('score'), scoreText, `score ${javaDouble(score)} must not be less than previous score ${javaDouble(prev.score)}`);
    current.ranks.push({ rank, score });
  }
  for (const t of tables)
    if (t.ranks.length < 3) errors.add(`line ${t.line} percentile_rank`, String(t.ranks.length), 'a table needs at least 3 ranks');
  return tables;
}

/** min < max, mean and every score within [min, max] (after defaults). */
function checkRange(t: Table, min: number, max: number, errors: ErrorCollector): void {
  const el = (f: string) => `line ${t.line} ${f}`;
  if (min >= max) {
    errors.add(el('min_score'), String(min), `min score ${javaDouble(min)} must be less than max score ${javaDouble(max)}`);
    return;
  }
  if (t.mean < min || t.mean > max)
    errors.add(el('mean'), String(t.mean), `mean ${javaDouble(t.mean)} must be between ${javaDouble(min)} and ${javaDouble(max)}`);
  for (const r of t.ranks) {
    if (r.score < min || r.score > max)
      errors.add(el('score'), String(r.score), `score ${javaDouble(r.score)} must be between ${javaDouble(min)} and ${javaDouble(max)}`);
  }
}

/**
 * NORMS: same key ⇒ replace; a new key overlapping an existing table of the assessment ⇒ error;
 * any error ⇒ BAD_DATA with nothing stored. `Percentiles created: C updated: U`.
 */
export async function importNorms(db: Db, bytes: Buffer, ctx: ProcessContext): Promise<Outcome> {
  const errors = new ErrorCollector();
  const tables = readNorms(bytes, errors);
  if (!errors.ok) return { status: 'BAD_DATA', message: errors.toJson() };
  const ids = [...new Set(tables.map((t) => t.assessmentId.toLowerCase()))];
  const asmts = ids.length
    ? await db.selectFrom('assessments').select(['id', 'naturalId']).where(sql`lower(natural_id)`, 'in', ids).execute()
    : [];
  const byId = new Map(asmts.map((a) => [a.naturalId.toLowerCase(), a]));
  const asmtId = new Map(asmts.map((a) => [a.naturalId.toLowerCase(), a.id]));
  for (const t of tables) {
    const a = byId.get(t.assessmentId.toLowerCase());
    if (!a) {
      errors.add(`line ${t.line} assessment_id`, t.assessmentId, `Missing assessment with natural id of ${t.assessmentId}`);
      continue;
    }
    // Blank bounds (RDW: "configured defaults"): the table's own range, so the scores always fit.
    t.min ??= Math.min(t.mean, t.ranks[0]?.score ?? t.mean);
    t.max ??= Math.max(t.mean, t.ranks[t.ranks.length - 1]?.score ?? t.mean);
    checkRange(t, t.min, t.max, errors);
  }
  if (!errors.ok) return { status: 'BAD_DATA', message: errors.toJson() };
  let created = 0;
  let updated = 0;
  for (const t of tables) {
    const id = asmtId.get(t.assessmentId.toLowerCase()) as number;
    const same = await db
      .selectFrom('percentileTables')
      .select('id')
      .where('assessmentId', '=', id)
      .where('startDate', '=', t.startDate)
      .where('endDate', '=', t.endDate)
      .executeTakeFirst();
    if (!same) {
      const overlap = await sql<{ n: number }>`select count(*)::int as n from percentile_tables
        where assessment_id = ${id} and start_date <= ${t.endDate}::date and end_date >= ${t.startDate}::date`.execute(db);
      const n = overlap.rows[0]?.n ?? 0;
      if (n > 0)
        errors.add(
          `line ${t.line} start_date`,
          `${t.startDate} - ${t.endDate}`,
          `start_date and end_date overlap ${n} existing percentile(s) for the same assessment`,
        );
    }
    if (!errors.ok) continue;
    let tableId: number;
    if (same) {
      tableId = same.id;
      await db
        .updateTable('percentileTables')
        .set({
          count: t.count,
          mean: t.mean,
          standardDeviation: t.sd,
          minScore: t.min as number,
          maxScore: t.max as number,
          importId: ctx.importId,
        })
        .where('id', '=', tableId)
        .execute();
      await db.deleteFrom('percentileRanks').where('percentileTableId', '=', tableId).execute();
      updated++;
    } else {
      tableId = (
        await db
          .insertInto('percentileTables')
          .values({
            assessmentId: id,
            startDate: t.startDate,
            endDate: t.endDate,
            count: t.count,
            mean: t.mean,
            standardDeviation: t.sd,
            minScore: t.min as number,
            maxScore: t.max as number,
            importId: ctx.importId,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      created++;
    }
    // min_inclusive = own score (first rank: table min); max_exclusive = next rank's score (last: table max).
    const ranks = t.ranks;
    await sql`insert into percentile_ranks (percentile_table_id, rank, score, min_inclusive, max_exclusive)
      select ${tableId}, r, s, mi, mx from unnest(${ranks.map((r) => r.rank)}::int[], ${ranks.map((r) => r.score)}::float8[],
        ${ranks.map((r, i) => (i === 0 ? t.min : r.score))}::float8[], ${ranks.map((_, i) => ranks[i + 1]?.score ?? t.max)}::float8[]) as x(r, s, mi, mx)`.execute(
      db,
    );
  }
  if (!errors.ok) return { status: 'BAD_DATA', message: errors.toJson() };
  return { status: 'PROCESSED', message: `Percentiles created: ${created} updated: ${updated}` };
}
