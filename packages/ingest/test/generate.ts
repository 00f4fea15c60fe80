/**
 * Realistic TRT files for benchmarks and volume tests: exams of the assessments and schools already
 * in the database (their items, claims and targets), seeded so runs are reproducible.
 */
import type { Database } from '@cers/db';
import { achievementLevel, ETHNICITIES, normalizeGrade } from '@cers/domain';
import { type Kysely, sql } from 'kysely';
import { type TrtWriteExam, writeTrt } from '../src/trt/write.js';

export type GenAssessment = {
  naturalId: string;
  subject: string;
  grade: string;
  type: string;
  schoolYear: number;
  min: number;
  max: number;
  cuts: number[];
  claims: string[];
  targets: string[];
  items: { bankKey: string; key: string; format: string; maxPoints: number }[];
};
export type GenRef = { assessments: GenAssessment[]; schools: string[] };

/** Mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function loadGenRef(db: Kysely<Database>): Promise<GenRef> {
  const asmts = await sql<{
    id: number;
    naturalId: string;
    subject: string;
    grade: string;
    type: string;
    schoolYear: number;
    minScore: number;
    maxScore: number;
    cutScores: number[];
  }>`
    select id, natural_id, subject, grade, type, school_year, min_score, max_score, cut_scores from assessments where min_score is not null order by id`.execute(
    db,
  );
  const out: GenAssessment[] = [];
  for (const a of asmts.rows) {
    const claims = await sql<{
      code: string;
    }>`select code from assessment_scores where assessment_id = ${a.id} order by display_order`.execute(db);
    const targets = await sql<{
      t: string;
    }>`select t.claim_code || '|' || t.natural_id as t from assessment_targets x join targets t on t.id = x.target_id where x.assessment_id = ${a.id} order by t.id limit 20`.execute(
      db,
    );
    const items = await sql<{
      bankKey: string;
      itemKey: string;
      format: string | null;
      maxPoints: number;
    }>`select bank_key, item_key, format, max_points from items where assessment_id = ${a.id} order by position nulls last, id`.execute(db);
    out.push({
      naturalId: a.naturalId,
      subject: a.subject,
      grade: a.grade,
      type: a.type,
      schoolYear: a.schoolYear,
      min: a.minScore,
      max: a.maxScore,
      cuts: a.cutScores.map(Number),
      claims: claims.rows.map((c) => c.code),
      targets: targets.rows.map((t) => t.t),
      items: items.rows.map((i) => ({ bankKey: i.bankKey, key: i.itemKey, format: i.format ?? 'MC', maxPoints: i.maxPoints })),
    });
  }
  const schools = await db.selectFrom('organizations').select('naturalId').where('type', '=', 'school').orderBy('id').execute();
  return { assessments: out, schools: schools.map((s) => s.naturalId) };
}

const FIRST = ['Ana', 'Luis', 'Mei', 'Omar', 'Grace', 'Diego', 'Priya', 'Noah', 'Sofia', 'Kai', 'Zoe', 'Ivan'];
const LAST = ['Garcia', 'Nguyen', 'Smith', 'Lopez', 'Kim', 'Patel', 'Brown', 'Chen', 'Martinez', 'Singh'];
const ETH = Object.keys(ETHNICITIES);
const pad = (n: number) => String(n).padStart(2, '0');

/** The n-th exam of a stream: deterministic in (seed, n). */
export function generateExam(ref: GenRef, n: number, seed = 1): TrtWriteExam {
  const r = rng(seed * 1_000_003 + n);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const asmt = ref.assessments[n % ref.assessments.length] as GenAssessment;
  const school = ref.schools[Math.floor(r() * ref.schools.length)] as string;
  const ssid = String(1_000_000_000 + ((n * 7919) % 900_000_000));
  const day = 1 + Math.floor(r() * 27);
  const month = 3 + Math.floor(r() * 3);
  const completed = `${asmt.schoolYear}-${pad(month)}-${pad(day)}T${pad(8 + Math.floor(r() * 6))}:${pad(Math.floor(r() * 60))}:${pad(Math.floor(r() * 60))}.${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
  const standardMet = asmt.cuts[1] ?? (asmt.min + asmt.max) / 2;
  const scale = Math.round(Math.min(asmt.max, Math.max(asmt.min, standardMet + (r() + r() + r() - 1.5) * 120)));
  const sem = 18 + Math.round(r() * 20);
  const level = asmt.cuts.length > 0 ? achievementLevel(scale, asmt.cuts) : 1;
  const scores: TrtWriteExam['scores'] = [
    { measureOf: 'Overall', measureLabel: 'ScaleScore', value: scale, standardError: sem },
    { measureOf: 'Overall', measureLabel: 'PerformanceLevel', value: level },
    {
      measureOf: 'Overall',
      measureLabel: 'ThetaScore',
      value: ((scale - standardMet) / 100).toFixed(6),
      standardError: (sem / 100).toFixed(6),
    },
  ];
  for (const c of asmt.claims) {
    const cs = Math.round(Math.min(asmt.max, Math.max(asmt.min, scale + (r() - 0.5) * 100)));
    scores.push({ measureOf: c, measureLabel: 'ScaleScore', value: cs, standardError: sem + 15 });
    scores.push({ measureOf: c, measureLabel: 'PerformanceLevel', value: 1 + Math.floor(r() * 3) });
  }
  for (const t of asmt.targets) {
    scores.push({ measureOf: t, measureLabel: 'StudentRelativeResidualScore', value: (r() - 0.5).toFixed(4) });
    scores.push({ measureOf: t, measureLabel: 'StandardMetRelativeResidualScore', value: (r() - 0.5).toFixed(4) });
  }
  const interim = asmt.type !== 'sum';
  const items = asmt.items.map((it, i) => ({
    bankKey: it.bankKey,
    key: it.key,
    position: i + 1,
    format: it.format,
    score: Math.floor(r() * (it.maxPoints + 1)),
    adminDate: completed,
    numberVisits: 1 + Math.floor(r() * 3),
    responseDuration: Math.round(r() * 120),
    ...(interim ? { response: { text: it.format === 'MC' ? pick(['A', 'B', 'C', 'D']) : `response ${n}-${i}`, date: completed } } : {}),
  }));
  const grade = normalizeGrade(asmt.grade) ?? asmt.grade;
  const attributes: Record<string, string> = {
    StudentIdentifier: ssid,
    FirstName: pick(FIRST),
    LastOrSurname: pick(LAST),
    Birthdate: `${asmt.schoolYear - 8 - Number(grade.replace('KG', '0'))}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`,
    Sex: pick(['Male', 'Female']),
    GradeLevelWhenAssessed: grade,
    IDEAIndicator: r() < 0.12 ? 'Yes' : 'No',
    EconomicDisadvantageStatus: r() < 0.55 ? 'Yes' : 'No',
    LEPStatus: r() < 0.2 ? 'Yes' : 'No',
    Section504Status: r() < 0.03 ? 'Yes' : 'No',
    MigrantStatus: r() < 0.02 ? 'Yes' : 'No',
    LanguageCode: pick(['eng', 'spa', '01', 'vie']),
    EnglishLanguageAcquisitionStatus: pick(['EO', 'EL', 'IFEP', 'RFEP']),
    MilitaryConnectedStudentIndicator: 'NotMilitaryConnected',
  };
  for (const e of ETH) attributes[e] = r() < 0.15 ? 'Yes' : 'No';
  return {
    test: {
      name: asmt.naturalId,
      subject: asmt.subject,
      grade,
      assessmentType: interim ? 'Interim' : 'Summative',
      academicYear: asmt.schoolYear,
      contract: 'SBAC',
      bankKey: 200,
    },
    examinee: { key: 100000 + n, attributes, relationships: { SchoolId: school, StateAbbreviation: 'CA' }, contextDate: completed },
    opportunity: {
      oppId: `${seed}${String(n).padStart(9, '0')}`,
      opportunity: 1,
      status: 'scored',
      statusDate: completed,
      dateCompleted: completed,
      startDate: completed,
      completeness: 'Complete',
      administrationCondition: interim ? 'SD' : 'Valid',
      sessionId: `S-${Math.floor(r() * 9999)}`,
      windowId: 'ANNUAL',
      itemCount: items.length,
      pauseCount: 0,
    },
    accommodations: [{ code: 'TDS_ASL0' }, { code: 'NEA0' }],
    scores,
    items,
  };
}

export function generateTrt(ref: GenRef, n: number, seed = 1): Buffer {
  return Buffer.from(writeTrt(generateExam(ref, n, seed)), 'utf8');
}
