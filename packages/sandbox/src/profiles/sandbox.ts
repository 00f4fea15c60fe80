/**
 * The sandbox profile: Sample District (county 99) with Sample Elementary (KG–5), Middle (6–8) and
 * High School (9–12), about 1,500 students with histories from 2018–19 to 2025–26, and the six SSIDs
 * of the user documents, each in their school's sandbox teacher's groups.
 */
import type { ElasCode, EthnicityCode } from '@cers/domain';
import { SAMPLE_DISTRICT, SAMPLE_SCHOOLS, SANDBOX_PERSONAS, SANDBOX_SSIDS } from '../personas.js';
import { CURRENT_YEAR, type StudentPlan } from '../population.js';
import type { Layout } from '../world.js';
import type { FullProfile, PersonaSpec } from './full.js';

export const SANDBOX_SEED = 2026;
export const SANDBOX_YEARS: readonly number[] = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

type Fixed = {
  ssid: string;
  grade: number;
  elas: ElasCode;
  reclassYear?: number;
  language: string;
  ethnicity: EthnicityCode;
  spanish?: boolean;
  ela: number;
  math: number;
  english?: number;
};

/**
 * The six students (user documents, Table 1). Between them: ELPAC history (1000003718, 3000002098,
 * 4000012949, 6000037559), CAST (4000012949, 1000015789, 6000037559), writing traits and Lexile measures
 * (every SB ELA summative from 2020–21/2021–22), claims before 2020–21 (1000015789, 6000037559),
 * CSA (6000035780).
 */
const FIXED: readonly Fixed[] = [
  {
    ssid: SANDBOX_SSIDS.elementary[0],
    grade: 5,
    elas: 'EL',
    language: 'spa',
    ethnicity: 'HispanicOrLatinoEthnicity',
    ela: -0.35,
    math: 0.1,
    english: -1.3,
  },
  {
    ssid: SANDBOX_SSIDS.elementary[1],
    grade: 4,
    elas: 'EL',
    reclassYear: 2025,
    language: 'fil',
    ethnicity: 'Filipino',
    ela: 0.45,
    math: 0.7,
    english: -0.4,
  },
  {
    ssid: SANDBOX_SSIDS.middle[0],
    grade: 8,
    elas: 'EL',
    reclassYear: 2023,
    language: 'spa',
    ethnicity: 'HispanicOrLatinoEthnicity',
    ela: 0.05,
    math: -0.2,
    english: -1.0,
  },
  {
    ssid: SANDBOX_SSIDS.middle[1],
    grade: 7,
    elas: 'IFEP',
    language: 'spa',
    ethnicity: 'HispanicOrLatinoEthnicity',
    spanish: true,
    ela: 0.25,
    math: 0.0,
  },
  { ssid: SANDBOX_SSIDS.high[0], grade: 11, elas: 'EO', language: 'eng', ethnicity: 'Asian', ela: 0.5, math: 0.85 },
  {
    ssid: SANDBOX_SSIDS.high[1],
    grade: 12,
    elas: 'EL',
    reclassYear: 2023,
    language: 'vie',
    ethnicity: 'Asian',
    ela: -0.2,
    math: 0.35,
    english: -0.8,
  },
];

function fixedStudent(f: Fixed): (s: StudentPlan) => StudentPlan {
  return (s) => ({
    ...s,
    ssid: f.ssid,
    currentGrade: f.grade,
    firstYear: Math.max(SANDBOX_YEARS[0] as number, CURRENT_YEAR - f.grade),
    ethnicities: [f.ethnicity],
    entryElas: f.elas,
    reclassYear: f.reclassYear ?? null,
    englishAtEntry: f.english ?? 0,
    languageCode: f.language,
    iep: false,
    section504: false,
    alternate: false,
    spanishAssessment: f.spanish ?? false,
    ability: { ...s.ability, ELA: f.ela, Math: f.math, Science: (f.ela + f.math) / 2 },
    growth: 0.03,
    accommodations: [],
    birthday: `${2020 - f.grade}-${String(3 + (s.index % 9)).padStart(2, '0')}-${String(10 + s.index).padStart(2, '0')}`,
  });
}

export const SANDBOX_LAYOUT: Layout = {
  districts: [{ index: 0, naturalId: SAMPLE_DISTRICT.naturalId, name: SAMPLE_DISTRICT.name }],
  schools: [
    {
      index: 0,
      districtIndex: 0,
      naturalId: SAMPLE_SCHOOLS.elementary.naturalId,
      name: SAMPLE_SCHOOLS.elementary.name,
      band: 'elementary',
    },
    { index: 1, districtIndex: 0, naturalId: SAMPLE_SCHOOLS.middle.naturalId, name: SAMPLE_SCHOOLS.middle.name, band: 'middle' },
    { index: 2, districtIndex: 0, naturalId: SAMPLE_SCHOOLS.high.naturalId, name: SAMPLE_SCHOOLS.high.name, band: 'high' },
  ],
  years: SANDBOX_YEARS,
  // About 1,500 students: ~92 per grade today and ~50 per graduated class since 2018–19, so
  // prior years have high-school students too.
  // ~100 a grade: three class sections of 32–35 (Target Report needs 30 tested in a class).
  studentsPerGrade: (grade, rng) => (grade <= 12 ? rng.int(96, 105) : rng.int(45, 55)),
  maxGrade: 19,
  homeSchools: () => ({ elementary: 0, middle: 1, high: 2 }),
  // Generated SSIDs start with 7 (the documents' six start with 1, 3, 4 and 6): a bijection of the index.
  ssid: (index) => `7${String((index * 7919 + 104_729) % 1_000_000_000).padStart(9, '0')}`,
  teacherDomain: 'sampledistrict.example.org',
  fixed: FIXED.map(fixedStudent),
};

const SCHOOL_INDEX = { elementary: 0, middle: 1, high: 2 } as const;

function personaSpecs(): PersonaSpec[] {
  return SANDBOX_PERSONAS.map((p) => {
    const band =
      p.key === 'teacher-elementary' ? 'elementary' : p.key === 'teacher-middle' ? 'middle' : p.key === 'district-admin' ? null : 'high';
    const teacher = p.role === 'TEST_ADMINISTRATOR' && band !== null;
    const teaches = teacher ? FIXED.map((f, i) => (SANDBOX_SSIDS[band].includes(f.ssid) ? i : -1)).filter((i) => i >= 0) : [];
    return {
      key: p.key,
      login: p.login,
      displayName: p.label.replace(/^[^:]+: /, `Sandbox ${p.label.split(':')[0]} — `),
      role: p.role,
      schoolIndex: band === null ? null : SCHOOL_INDEX[band],
      teachesStudents: teaches,
    };
  });
}

export const SANDBOX_PROFILE: FullProfile = {
  name: 'sandbox',
  layout: SANDBOX_LAYOUT,
  interims: { icaRate: 0.6, maxBlocks: 3, fiabRate: 0.4 },
  personas: personaSpecs(),
  districtSlug: 'sampledistrict',
  resourceGrades: [3, 4, 5, 6, 7, 8, 11],
};
