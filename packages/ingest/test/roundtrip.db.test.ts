import type { CersDb } from '@cers/db';
import { seedDistrict, seedSchool, seedSubjects, testDbTargets } from '@cers/db/test';
import { OPERATOR_EXPORT_SCOPE, streamExamExport } from '@cers/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRunner } from '../src/runner.js';
import { type TrtWriteExam, type TrtWriteScore, writeTrt } from '../src/trt/write.js';
import { importBytes, newRunner } from './helpers.js';

const targets = await testDbTargets();

type Family = {
  family: string;
  id: string;
  subject: string;
  grade: string;
  subtype: string;
  year: number;
  cuts: number[];
  min: number;
  max: number;
  alts?: number[][];
  items?: boolean;
};

/** One small package per family (tabulator CSV), itemless unless asked. */
function packageCsv(f: Family): string {
  const levels = [f.min, ...f.cuts];
  const head = [
    'AssessmentId',
    'AssessmentName',
    'AssessmentSubject',
    'AssessmentGrade',
    'AssessmentType',
    'AssessmentSubtype',
    'AssessmentLabel',
    'AssessmentVersion',
    'AcademicYear',
  ];
  const vals: (string | number)[] = [
    f.id,
    f.id,
    f.subject,
    f.grade,
    f.subtype === 'SUM' ? 'summative' : 'interim',
    f.subtype,
    `${f.family} test`,
    '1',
    f.year,
  ];
  levels.forEach((low, i) => {
    head.push(`ScaledLow${i + 1}`, `ScaledHigh${i + 1}`);
    vals.push(low, levels[i + 1] ?? f.max);
  });
  (f.alts ?? []).forEach((cuts, a) => {
    const ls = [f.min, ...cuts];
    ls.forEach((low, i) => {
      head.push(`Alt${a + 1}Low${i + 1}`, `Alt${a + 1}High${i + 1}`);
      vals.push(low, ls[i + 1] ?? f.max);
    });
  });
  if (!f.items) return `${head.join(',')}\n${vals.join(',')}\n`;
  head.push('FullItemKey', 'BankKey', 'ItemId', 'ItemType', 'ClaimContentTarget', 'MaxPoints', 'avg_b', 'ItemPosition', 'AnswerKey', 'DOK');
  const rows = [1, 2, 3].map((n) => [...vals, `200-${9000 + n}`, 200, 9000 + n, 'MC', 'C1|T1', 1, 0.1, n, 'A', 2].join(','));
  return `${head.join(',')}\n${rows.join('\n')}\n`;
}

const FAMILIES: (Family & {
  scores: TrtWriteScore[];
  expectScores: { code: string; kind: string; level: number | null }[];
  traits?: boolean;
  lexile?: number;
})[] = [
  {
    family: 'SBAC',
    id: 'RT-SB-SUM-ELA-5-2024',
    subject: 'ELA',
    grade: '05',
    subtype: 'SUM',
    year: 2024,
    min: 2201,
    cuts: [2442, 2502, 2582],
    max: 2701,
    scores: [
      { measureOf: 'READ_LISTEN', measureLabel: 'ScaleScore', value: 2510, standardError: 30 },
      { measureOf: 'READ_LISTEN', measureLabel: 'PerformanceLevel', value: 2 },
      { measureOf: 'WRITE_RESEARCH', measureLabel: 'ScaleScore', value: 2600, standardError: 25 },
      { measureOf: 'SOCK_ARGU_ORG', measureLabel: 'RawScore', value: 3, conditionCode: 'C1' },
      { measureOf: 'SOCK_ARGU_EVI', measureLabel: 'RawScore', value: 2 },
      { measureOf: 'SOCK_ARGU_CON', measureLabel: 'RawScore', value: 1 },
    ],
    expectScores: [
      { code: 'READ_LISTEN', kind: 'composite', level: 2 },
      { code: 'WRITE_RESEARCH', kind: 'composite', level: 3 },
    ],
    traits: true,
    lexile: 980,
  },
  {
    family: 'SBAC',
    id: 'RT-SB-ICA-MATH-4-2023',
    subject: 'Math',
    grade: '04',
    subtype: 'ICA',
    year: 2023,
    min: 2204,
    cuts: [2411, 2485, 2549],
    max: 2659,
    items: true,
    scores: ['1', 'SOCK_2', '3'].flatMap((c, i) => [
      { measureOf: c, measureLabel: 'ScaleScore', value: 2450 + 10 * i, standardError: 40 },
      { measureOf: c, measureLabel: 'PerformanceLevel', value: 1 + i },
    ]),
    expectScores: [
      { code: '1', kind: 'claim', level: 1 },
      { code: '3', kind: 'claim', level: 3 },
      { code: 'SOCK_2', kind: 'claim', level: 2 },
    ],
  },
  {
    family: 'SBAC',
    id: 'RT-SB-IAB-ELA-6-2023',
    subject: 'ELA',
    grade: '06',
    subtype: 'IAB',
    year: 2023,
    min: 2210,
    cuts: [2457, 2531, 2618],
    max: 2724,
    items: true,
    scores: [],
    expectScores: [],
  },
  {
    family: 'CAST',
    id: 'RT-CAST-G5-2024',
    subject: 'Science',
    grade: '05',
    subtype: 'SUM',
    year: 2024,
    min: 115,
    cuts: [176, 200, 225],
    max: 285,
    scores: ['LS', 'PS', 'ESS'].flatMap((c, i) => [
      { measureOf: c, measureLabel: 'ScaleScore', value: 190 + i, standardError: 12 },
      { measureOf: c, measureLabel: 'PerformanceLevel', value: 1 + i },
    ]),
    expectScores: [
      { code: 'ESS', kind: 'domain', level: 3 },
      { code: 'LS', kind: 'domain', level: 1 },
      { code: 'PS', kind: 'domain', level: 2 },
    ],
  },
  {
    family: 'CAA',
    id: 'RT-CAA-ELA-G5-2024',
    subject: 'ELA',
    grade: '05',
    subtype: 'SUM',
    year: 2024,
    min: 500,
    cuts: [536, 554],
    max: 599,
    scores: [],
    expectScores: [],
  },
  {
    family: 'CSA',
    id: 'RT-CSA-G10-2025',
    subject: 'Spanish',
    grade: '10',
    subtype: 'SUM',
    year: 2025,
    min: 300,
    cuts: [400, 460],
    max: 600,
    alts: [
      [400, 460],
      [410, 470],
    ],
    scores: [
      { measureOf: 'OL', measureLabel: 'ScaleScore', value: 455, standardError: 20 },
      { measureOf: 'WL', measureLabel: 'ScaleScore', value: 480, standardError: 20 },
      { measureOf: 'R', measureLabel: 'PerformanceLevel', value: 2 },
    ],
    expectScores: [
      { code: 'OL', kind: 'composite', level: 2 },
      { code: 'WL', kind: 'composite', level: 3 },
      { code: 'R', kind: 'domain', level: 2 },
    ],
  },
  {
    family: 'ELPAC',
    id: 'RT-ELPAC-SA-GRADE-04-2024',
    subject: 'ELPAC',
    grade: '04',
    subtype: 'SUM',
    year: 2024,
    min: 1150,
    cuts: [1459, 1499, 1549],
    max: 1800,
    alts: [
      [1439, 1472, 1522],
      [1478, 1535, 1575],
    ],
    scores: [
      { measureOf: '1', measureLabel: 'ScaleScore', value: 1500, standardError: 20 },
      { measureOf: '2', measureLabel: 'ScaleScore', value: 1480, standardError: 22 },
      { measureOf: '1-L', measureLabel: 'PerformanceLevel', value: 3 },
      { measureOf: '2-W', measureLabel: 'PerformanceLevel', value: 1 },
    ],
    expectScores: [
      { code: '1', kind: 'composite', level: 3 },
      { code: '2', kind: 'composite', level: 2 },
      { code: '1-L', kind: 'domain', level: 3 },
      { code: '2-W', kind: 'domain', level: 1 },
    ],
  },
  {
    family: 'AELPAC',
    id: 'RT-AELPAC-GRADE-04-2024',
    subject: 'ELPAC',
    grade: '04',
    subtype: 'SUM',
    year: 2024,
    min: 150,
    cuts: [161, 172],
    max: 190,
    scores: [],
    expectScores: [],
  },
];

describe.each(targets)('import → cers export exams round trip on $name', ({ create }) => {
  let cers: CersDb;
  let runner: ImportRunner;
  beforeAll(async () => {
    cers = await create();
    await seedSubjects(cers.db);
    const d = await seedDistrict(cers.db, { naturalId: '99100010000000', name: 'Round Trip District' });
    await seedSchool(cers.db, { districtId: d, naturalId: '99100010000011', name: 'Round Trip School' });
    runner = newRunner(cers);
  });
  afterAll(async () => cers.close());

  it.each(
    FAMILIES.map((f, i) => [f.family, f.subtype, i] as const),
  )('%s %s: the export returns exactly the imported values', async (_f, _t, i) => {
    const f = FAMILIES[i] as (typeof FAMILIES)[number];
    const pkg = await importBytes(runner, Buffer.from(packageCsv(f)), 'PACKAGE', `${f.id}.csv`);
    expect(pkg).toMatchObject({ status: 'PROCESSED', message: 'Assessments processed: 1, created: 1, updated: 0, rejected: 0' });
    const scale = f.cuts[1] ?? f.cuts[0] ?? f.min;
    const level = f.subtype === 'IAB' ? 3 : f.cuts.filter((c) => scale >= c).length + 1;
    const exam: TrtWriteExam = {
      test: {
        name: f.id,
        subject: f.subject.toUpperCase(),
        grade: String(Number(f.grade)),
        assessmentType: f.subtype === 'SUM' ? 'Summative' : 'Interim',
        academicYear: f.year,
      },
      examinee: {
        key: 42,
        contextDate: `${f.year}-04-01T10:00:00.000Z`,
        attributes: {
          StudentIdentifier: `77${String(i).padStart(8, '0')}`,
          FirstName: 'Round',
          LastOrSurname: 'Trip',
          Birthdate: '2012-02-03',
          Sex: 'Female',
          GradeLevelWhenAssessed: f.grade,
          IDEAIndicator: 'No',
          EconomicDisadvantageStatus: 'Yes',
        },
        relationships: { SchoolId: '99100010000011' },
      },
      opportunity: {
        oppId: `RT${i}`,
        dateCompleted: `${f.year}-04-15T17:30:00.250Z`,
        statusDate: `${f.year}-04-15T17:30:00.250Z`,
        completeness: 'Partial',
        administrationCondition: 'NS',
        sessionId: `SESS-${i}`,
      },
      scores: [
        { measureOf: 'Overall', measureLabel: 'ScaleScore', value: scale, standardError: 17.5 },
        { measureOf: 'Overall', measureLabel: 'PerformanceLevel', value: level },
        ...(f.lexile ? [{ measureOf: 'Overall', measureLabel: 'Lexile', value: f.lexile }] : []),
        ...f.scores,
      ],
      items: f.items
        ? [1, 2, 3].map((n) => ({
            bankKey: 200,
            key: 9000 + n,
            position: n,
            format: 'MC',
            score: n % 2,
            adminDate: `${f.year}-04-15T17:00:00Z`,
            response: { text: 'A', date: `${f.year}-04-15T17:01:00Z` },
          }))
        : [],
    };
    const r = await importBytes(runner, Buffer.from(writeTrt(exam)), 'EXAM');
    expect(r).toMatchObject({ status: 'PROCESSED' });
    const rows = [];
    for await (const row of streamExamExport(cers, { filters: { assessment: f.id }, scope: OPERATOR_EXPORT_SCOPE })) rows.push(row);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row).toMatchObject({
      student_ssid: exam.examinee.attributes.StudentIdentifier,
      assessment_id: f.id,
      family: f.family,
      subject: f.subject,
      grade: f.grade,
      school_year: f.year,
      district_id: '99100010000000',
      school_id: '99100010000011',
      opportunity_id: `RT${i}`,
      session_id: `SESS-${i}`,
      completed_at: `${f.year}-04-15T17:30:00.250Z`,
      enrolled_grade: f.grade,
      completeness: 'Partial',
      administration_condition: 'NS',
      scale_score: scale,
      scale_score_sem: 17.5,
      achievement_level: level,
      lexile: f.lexile ?? null,
    });
    const byCode = new Map((row?.scores ?? []).map((s) => [s.code, s]));
    expect(row?.scores).toHaveLength(f.expectScores.length);
    for (const e of f.expectScores) {
      const written = f.scores.find((s) => s.measureOf === e.code && s.measureLabel === 'ScaleScore');
      expect(byCode.get(e.code)).toMatchObject({
        kind: e.kind,
        level: e.level,
        scale_score: written ? Number(written.value) : null,
        sem: written ? Number(written.standardError) : null,
      });
    }
    if (f.traits) {
      expect(row?.traits.map((t) => [t.purpose, t.category, t.score, t.max_score, t.condition_code]).sort()).toEqual(
        [
          ['ARGU', 'CON', 1, 2, null],
          ['ARGU', 'EVI', 2, 4, null],
          ['ARGU', 'ORG', 3, 4, 'C1'],
        ].sort(),
      );
    } else expect(row?.traits).toEqual([]);
  });
});
