/**
 * The state profile: ~1,000 districts, ~10,000 schools and ≥ 3,000,000 students with their 2025–26
 * Smarter Balanced summative results (ELA and Math), with composite claims, writing traits and
 * Lexile/Quantile per the year rules. Targets and items are not generated at this scale (summatives
 * carry no items; target residuals would add ~70 million rows). Students are written in streamed
 * batches: memory stays bounded whatever the scale.
 */
import type { CersDb } from '@cers/db';
import { type EthnicityCode, gradeCode } from '@cers/domain';
import { sbSummative } from '../catalog/assessments.js';
import { writingPurposes } from '../catalog/items-ela.js';
import { schoolDay } from '../exams.js';
import { FEMALE_FIRST, LAST_BY_GROUP, MALE_FIRST, PLACES, SCHOOL_PATRONS } from '../names.js';
import { type Rng, rngFor } from '../random.js';
import { lexileFor, overallScore, quantileFor, subScores, traitScores } from '../scores.js';
import { ColumnBatch, CopyLoader, joinList } from '../write/columns.js';
import { Counts, type GenerateSummary } from '../write/counts.js';
import { writeAssessments, writeEmbargoes, writeOrganizations, writeSubjectsAndAccommodations, writeTargets } from '../write/reference.js';
import type { OnProgress } from './full.js';
import { withBulkLoadIndexes } from './indexes.js';

const YEAR = 2026;
const DISTRICTS = 1_000;
const SCHOOLS = 10_000;
const STUDENTS = 3_050_000;
const STUDENTS_PER_BATCH = 10_000;
const TESTED: Record<'elementary' | 'middle' | 'high', readonly number[]> = { elementary: [3, 4, 5], middle: [6, 7, 8], high: [11] };
const BASE_PER_GRADE = { elementary: 75, middle: 215, high: 400 };
const QUALIFIERS = [
  '',
  'North ',
  'South ',
  'East ',
  'West ',
  'Upper ',
  'Lower ',
  'New ',
  'Lake ',
  'Mount ',
  'Port ',
  'Fort ',
  'San ',
  'Santa ',
  'Los ',
  'Old ',
  'Little ',
  'Big ',
  'Twin ',
  'Grand ',
];

type Band = keyof typeof TESTED;
type StateSchool = { index: number; districtIndex: number; naturalId: string; name: string; band: Band; perGrade: number };

function plan(seed: number, scale: number) {
  const rng = rngFor(seed, 'state-plan');
  const districts = Math.max(1, Math.round(DISTRICTS * scale));
  const schoolsTotal = Math.max(districts, Math.round(SCHOOLS * scale));
  const weights = Array.from({ length: districts }, () => Math.exp(rng.normal(0, 0.9)));
  const sum = weights.reduce((s, w) => s + w, 0);
  const perDistrict = weights.map((w) => Math.max(1, Math.floor((w / sum) * schoolsTotal)));
  for (let i = 0, left = schoolsTotal - perDistrict.reduce((s, n) => s + n, 0); left > 0; i = (i + 1) % districts, left--)
    perDistrict[i] = (perDistrict[i] as number) + 1;
  const districtRows = perDistrict.map((_, i) => {
    const county = String(1 + (i % 58)).padStart(2, '0');
    const place = `${QUALIFIERS[Math.floor(i / PLACES.length) % QUALIFIERS.length]}${PLACES[i % PLACES.length]}`;
    return { index: i, naturalId: `${county}${String(10000 + i * 7).padStart(5, '0')}0000000`, name: `${place} Unified School District` };
  });
  const schools: StateSchool[] = [];
  perDistrict.forEach((n, d) => {
    const district = districtRows[d] as (typeof districtRows)[number];
    for (let k = 0; k < n; k++) {
      const band: Band = k % 5 < 3 ? 'elementary' : k % 5 === 3 ? 'middle' : 'high';
      const kind = band === 'elementary' ? 'Elementary' : band === 'middle' ? 'Middle' : 'High';
      const name =
        k === 0
          ? `${district.name.replace(' Unified School District', '')} ${kind} School`
          : `${SCHOOL_PATRONS[(d + k) % SCHOOL_PATRONS.length]} ${kind} School ${k}`;
      schools.push({
        index: schools.length,
        districtIndex: d,
        naturalId: `${district.naturalId.slice(0, 7)}${String(6000000 + k).padStart(7, '0')}`,
        name,
        band,
        perGrade: Math.exp(rng.normal(0, 0.45)),
      });
    }
  });
  const raw = schools.reduce((s, x) => s + x.perGrade * BASE_PER_GRADE[x.band] * TESTED[x.band].length, 0);
  const factor = (STUDENTS * scale) / raw;
  for (const s of schools) s.perGrade = Math.max(1, Math.round(s.perGrade * BASE_PER_GRADE[s.band] * factor));
  return { districts: districtRows, schools };
}

const ETHNICITY: readonly (readonly [EthnicityCode, number])[] = [
  ['HispanicOrLatinoEthnicity', 56],
  ['White', 21],
  ['Asian', 10],
  ['BlackOrAfricanAmerican', 5],
  ['Filipino', 2.5],
  ['DemographicRaceTwoOrMoreRaces', 4],
  ['AmericanIndianOrAlaskaNative', 0.5],
  ['NativeHawaiianOrOtherPacificIslander', 0.5],
];

function student(rng: Rng, grade: number) {
  const gender = rng.weighted([
    ['Female', 49],
    ['Male', 50],
    ['Nonbinary', 1],
  ] as const);
  const ethnicity = rng.weighted(ETHNICITY);
  const hispanic = ethnicity === 'HispanicOrLatinoEthnicity';
  const asian = ethnicity === 'Asian' || ethnicity === 'Filipino';
  const econ = rng.bool(hispanic ? 0.72 : ethnicity === 'BlackOrAfricanAmerican' ? 0.68 : asian ? 0.38 : 0.3);
  const draw = rng.next();
  const el = (hispanic ? 0.3 : asian ? 0.24 : 0.02) * (grade <= 5 ? 1 : grade <= 8 ? 0.7 : 0.5);
  const elas = draw < el ? 'EL' : draw < el + (hispanic ? 0.2 : asian ? 0.25 : 0.02) ? 'RFEP' : draw < el + 0.3 ? 'IFEP' : 'EO';
  const iep = rng.bool(0.13);
  const z = rng.normal() + (econ ? -0.3 : 0.25) + (iep ? -0.85 : 0) + (elas === 'EL' ? -0.45 : 0) + (ethnicity === 'Asian' ? 0.45 : 0);
  const lastNames = LAST_BY_GROUP[ethnicity] ?? LAST_BY_GROUP.other ?? ['Doe'];
  return {
    gender,
    ethnicity,
    econ,
    elas,
    iep,
    section504: !iep && rng.bool(0.035),
    migrant: hispanic && econ && rng.bool(0.04),
    language: elas === 'EO' ? 'eng' : hispanic ? 'spa' : asian ? rng.pick(['vie', 'chi', 'kor', 'fil']) : 'ara',
    firstName: rng.pick(gender === 'Female' ? FEMALE_FIRST : MALE_FIRST),
    lastName: rng.pick(lastNames),
    birthday: new Date(Date.UTC(2019 - grade, 8, 2) + rng.int(0, 364) * 86_400_000).toISOString().slice(0, 10),
    ela: z * 0.9 + rng.normal(0, 0.45),
    math: z * 0.9 + rng.normal(0, 0.45),
  };
}

export async function generateState(
  cers: CersDb,
  seed: number,
  options: { scale?: number; onProgress?: OnProgress } = {},
): Promise<GenerateSummary> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  const counts = new Counts();
  const db = cers.db;
  options.onProgress?.({ phase: 'reference data', done: 0, total: 1 });
  const { districts, schools } = plan(seed, scale);
  const orgs = await writeOrganizations(db, districts, schools, counts);
  await writeSubjectsAndAccommodations(db, counts);
  const targetIds = await writeTargets(db, counts);
  const specs = [3, 4, 5, 6, 7, 8, 11].flatMap((g) => [sbSummative('ELA', g, YEAR), sbSummative('Math', g, YEAR)]);
  const { byNaturalId } = await writeAssessments(db, specs, targetIds, counts);
  const assessment = (subject: 'ELA' | 'Math', grade: number) =>
    specs.find((a) => a.subject === subject && a.grade === grade) as (typeof specs)[number];

  const total = schools.reduce((s, x) => s + x.perGrade * TESTED[x.band].length, 0);
  await withBulkLoadIndexes(cers, ['students', 'exams', 'exam_scores', 'exam_trait_scores'], async () => {
    const studentBatch = new ColumnBatch('students', {
      id: ['id', 'int'],
      ssid: ['ssid', 'text'],
      first: ['first_name', 'text'],
      last: ['last_name', 'text'],
      birthday: ['birthday', 'date'],
      gender: ['gender', 'text'],
      school: ['inferred_school_id', 'int'],
      district: ['inferred_district_id', 'int'],
    });
    const exams = new ColumnBatch('exams', {
      id: ['id', 'int'],
      district: ['district_id', 'int'],
      school: ['school_id', 'int'],
      student: ['student_id', 'int'],
      assessment: ['assessment_id', 'int'],
      year: ['school_year', 'int'],
      opp: ['opportunity_id', 'text'],
      session: ['session_id', 'text'],
      status: ['status', 'text'],
      completed: ['completed_at', 'timestamptz'],
      completeness: ['completeness', 'text'],
      condition: ['administration_condition', 'text'],
      score: ['scale_score', 'float8'],
      sem: ['scale_score_sem', 'float8'],
      level: ['achievement_level', 'smallint'],
      lexile: ['lexile', 'int'],
      quantile: ['quantile', 'int'],
      grade: ['enrolled_grade', 'text'],
      gender: ['gender', 'text'],
      ethnicities: ['ethnicities', 'text[]'],
      elas: ['elas', 'text'],
      lep: ['lep', 'bool'],
      iep: ['iep', 'bool'],
      s504: ['section504', 'bool'],
      econ: ['economic_disadvantage', 'bool'],
      migrant: ['migrant', 'bool'],
      language: ['language_code', 'text'],
    });
    const scores = new ColumnBatch('exam_scores', {
      district: ['district_id', 'int'],
      exam: ['exam_id', 'int'],
      code: ['code', 'text'],
      kind: ['kind', 'text'],
      score: ['scale_score', 'float8'],
      sem: ['sem', 'float8'],
      level: ['level', 'smallint'],
    });
    const traits = new ColumnBatch('exam_trait_scores', {
      district: ['district_id', 'int'],
      exam: ['exam_id', 'int'],
      purpose: ['purpose', 'text'],
      category: ['category', 'text'],
      score: ['score', 'smallint'],
      max: ['max_score', 'smallint'],
      condition: ['condition_code', 'text'],
    });
    let done = 0;
    let studentIndex = 0;
    let pending: Promise<void> | undefined;
    const flush = async () => {
      // Ids: one sequence call per table and batch; the four tables load side by side.
      const n = studentBatch.size;
      const writes = [studentBatch.flush(loader), exams.flush(loader), scores.flush(loader), traits.flush(loader)];
      const [s, e, sc, t] = await Promise.all(writes);
      counts.add('students', s as number);
      counts.add('exams', e as number);
      counts.add('exam_scores', sc as number);
      counts.add('exam_trait_scores', t as number);
      done += n;
      options.onProgress?.({ phase: 'students and exams', done, total });
    };
    const loader = new CopyLoader(cers);
    const ids = new IdBlocks(cers);
    await ids.refill();
    const generateSchools = async () => {
      for (const school of schools) {
        const schoolId = orgs.schoolIds[school.index] as number;
        const districtId = orgs.schoolDistrictIds[school.index] as number;
        for (const grade of TESTED[school.band]) {
          const sessionRng = rngFor(seed, 'state-session', school.index, grade);
          const session = `${'ABCDEFGHJKLMNPRSTUVWXYZ'[sessionRng.int(0, 22)]}${'ABCDEFGHJKLMNPRSTUVWXYZ'[sessionRng.int(0, 22)]}${'ABCDEFGHJKLMNPRSTUVWXYZ'[sessionRng.int(0, 22)]}-${sessionRng.int(1000, 9999)}`;
          for (let k = 0; k < school.perGrade; k++) {
            const index = studentIndex++;
            const rng = rngFor(seed, 'state-student', index);
            const st = student(rng, grade);
            const id = ids.next('students');
            studentBatch.push({
              id,
              ssid: `5${String((index * 7919 + 999_983) % 1_000_000_000).padStart(9, '0')}`,
              first: st.firstName,
              last: st.lastName,
              birthday: st.birthday,
              gender: st.gender,
              school: schoolId,
              district: districtId,
            });
            for (const subject of ['ELA', 'Math'] as const) {
              if (rng.bool(0.02)) continue; // did not test
              const a = assessment(subject, grade);
              const overall = overallScore(a, subject === 'ELA' ? st.ela : st.math, rng);
              const examId = ids.next('exams');
              const completed = new Date(schoolDay(rng, Date.UTC(YEAR, 3, 13), Date.UTC(YEAR, 4, 29))).toISOString();
              exams.push({
                id: examId,
                district: districtId,
                school: schoolId,
                student: id,
                assessment: byNaturalId.get(a.naturalId) as number,
                year: YEAR,
                opp: `${YEAR}${String(index).padStart(8, '0')}${subject === 'ELA' ? 1 : 2}`,
                session,
                status: 'scored',
                completed,
                completeness: rng.bool(0.97) ? 'Complete' : 'Partial',
                condition: rng.bool(0.004) ? 'IN' : 'Valid',
                score: overall.scaleScore,
                sem: overall.sem,
                level: overall.level,
                lexile: subject === 'ELA' ? lexileFor(overall.scaleScore) : null,
                quantile: subject === 'Math' ? quantileFor(overall.scaleScore) : null,
                grade: gradeCode(grade),
                gender: st.gender,
                ethnicities: joinList([st.ethnicity]),
                elas: st.elas,
                lep: st.elas === 'EL',
                iep: st.iep,
                s504: st.section504,
                econ: st.econ,
                migrant: st.migrant,
                language: st.language,
              });
              for (const s of subScores(a, overall, rng)) {
                scores.push({
                  district: districtId,
                  exam: examId,
                  code: s.code,
                  kind: s.kind,
                  score: s.scaleScore,
                  sem: s.sem,
                  level: s.level,
                });
              }
              if (subject === 'ELA') {
                const t = traitScores(rng.pick(writingPurposes(grade)), st.ela, YEAR, rng);
                for (const [category, score, max] of [
                  ['ORG', t.org, 4],
                  ['EVI', t.evi, 4],
                  ['CON', t.con, 2],
                ] as const) {
                  traits.push({
                    district: districtId,
                    exam: examId,
                    purpose: t.purpose,
                    category,
                    score,
                    max,
                    condition: category === 'CON' && t.conditionCode === 'M' ? null : t.conditionCode,
                  });
                }
              }
            }
            if (studentBatch.size >= STUDENTS_PER_BATCH) {
              await pending;
              pending = flush(); // written while the next batch is generated
              await ids.refill();
            }
          }
        }
      }
      await pending;
      await flush();
    };
    try {
      await generateSchools();
    } finally {
      await loader.close();
    }
    options.onProgress?.({ phase: 'indexes', done: 0, total: 1 });
  });
  await writeEmbargoes(db, orgs.districtIds, [YEAR], ['ELA', 'Math'], counts);
  options.onProgress?.({ phase: 'done', done: 1, total: 1 });
  return {
    profile: 'state',
    seed,
    rows: counts.rows,
    totalRows: counts.total(),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/** Sequence ids handed out synchronously from blocks reserved ahead (one round trip per block). */
class IdBlocks {
  readonly #blocks = { students: { next: 0, end: 0 }, exams: { next: 0, end: 0 } };
  constructor(private readonly cers: CersDb) {}

  /** Keeps at least two batches' worth of ids in hand. */
  async refill(): Promise<void> {
    for (const table of ['students', 'exams'] as const) {
      const b = this.#blocks[table];
      if (b.end - b.next >= 3 * STUDENTS_PER_BATCH) continue;
      const size = 10 * STUDENTS_PER_BATCH;
      const r = await this.cers.executeSql<{ last: number }>(
        `select setval('${table}_id_seq', nextval('${table}_id_seq') + ${size - 1})::int as last`,
      );
      const last = Number(r.rows[0]?.last);
      // Blocks are contiguous only if nobody else draws from the sequence: generate owns the database.
      if (b.next === b.end) b.next = last - size + 1;
      b.end = last + 1;
    }
  }

  next(table: 'students' | 'exams'): number {
    const b = this.#blocks[table];
    if (b.next >= b.end) throw new Error(`id block of ${table} exhausted`);
    return b.next++;
  }
}
