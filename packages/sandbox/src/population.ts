/**
 * Fictitious students with California-like demographics (CDE DataQuest rates, rounded):
 * ~55 % economically disadvantaged, ~18 % English learners, ~13 % with an IEP; Hispanic ~56 %,
 * White ~21 %, Asian ~10 %, Black ~5 %, Filipino ~2.5 %, two or more races ~4 %.
 * Everything is drawn from rngFor(seed, 'student', index): one student never depends on another.
 */
import type { ElasCode, EthnicityCode } from '@cers/domain';
import { FEMALE_FIRST, LAST_BY_GROUP, MALE_FIRST, MIDDLE_INITIAL_NAMES, NEUTRAL_FIRST } from './names.js';
import { clamp, type Rng, rngFor } from './random.js';

export const CURRENT_YEAR = 2026;

export type Band = 'elementary' | 'middle' | 'high';
export type Gender = 'Male' | 'Female' | 'Nonbinary';

export type StudentPlan = {
  index: number;
  ssid: string;
  firstName: string;
  middleName: string | null;
  lastName: string;
  birthday: string;
  gender: Gender;
  ethnicities: readonly EthnicityCode[];
  languageCode: string;
  /** Grade in the current school year (0 = KG; 13 and above: graduated that many years minus 12 ago). */
  currentGrade: number;
  /** First school year (ending year) in the district. */
  firstYear: number;
  /** Status at entry; EL students become RFEP from reclassYear on (null = still EL). */
  entryElas: ElasCode;
  reclassYear: number | null;
  /** English proficiency (ELPAC) of an English learner at entry, in Level-3 units. */
  englishAtEntry: number;
  iep: boolean;
  section504: boolean;
  economicDisadvantage: boolean;
  migrant: boolean;
  militaryConnected: 'NotMilitaryConnected' | 'ActiveDuty' | 'NationalGuardOrReserve';
  /** Significant cognitive disability: CAA instead of Smarter Balanced and CAST. */
  alternate: boolean;
  /** Takes the California Spanish Assessment. */
  spanishAssessment: boolean;
  /** Baseline abilities (z-scores) and yearly growth. */
  ability: { ELA: number; Math: number; Science: number; Spanish: number };
  growth: number;
  /** Home school per band (index into the profile's school list). */
  schools: Record<Band, number>;
  accommodations: readonly string[];
};

const ETHNICITY_WEIGHTS: readonly (readonly [EthnicityCode, number])[] = [
  ['HispanicOrLatinoEthnicity', 56],
  ['White', 21],
  ['Asian', 10],
  ['BlackOrAfricanAmerican', 5],
  ['Filipino', 2.5],
  ['DemographicRaceTwoOrMoreRaces', 4],
  ['AmericanIndianOrAlaskaNative', 0.5],
  ['NativeHawaiianOrOtherPacificIslander', 0.5],
];

const ASIAN_LANGUAGES: readonly (readonly [string, number])[] = [
  ['vie', 4],
  ['chi', 3],
  ['kor', 2],
  ['hmn', 1],
  ['pan', 1],
  ['jpn', 0.5],
];

export const ACCOMMODATIONS: Record<string, string> = {
  TDS_TTS_Stim: 'Text-to-Speech (stimuli)',
  TDS_ClosedCap1: 'Closed Captioning',
  NEA_Calc: 'Calculator (non-embedded)',
  NEA_SC_WritItems: 'Scribe (writing items)',
  TDS_ASL1: 'American Sign Language',
  NEDS_SepSet: 'Separate Setting',
};

export function gradeIn(student: Pick<StudentPlan, 'currentGrade'>, year: number): number {
  return student.currentGrade - (CURRENT_YEAR - year);
}

export function bandOf(grade: number): Band {
  if (grade <= 5) return 'elementary';
  if (grade <= 8) return 'middle';
  return 'high';
}

/** Is the student enrolled in the district in that school year? (Alumni left after grade 12.) */
export function enrolled(student: StudentPlan, year: number): boolean {
  const grade = gradeIn(student, year);
  return year >= student.firstYear && grade >= 0 && grade <= 12;
}

function birthday(rng: Rng, currentGrade: number): string {
  // Kindergarteners of 2025–26 were born between September 2, 2019 and September 1, 2020; a few
  // students are a year older than their grade.
  const start = Date.UTC(2019 - currentGrade, 8, 2) - (rng.bool(0.04) ? 365 * 86_400_000 : 0);
  return new Date(start + rng.int(0, 364) * 86_400_000).toISOString().slice(0, 10);
}

function firstNameFor(rng: Rng, gender: Gender): string {
  if (gender === 'Nonbinary') return rng.pick(NEUTRAL_FIRST);
  return rng.pick(gender === 'Female' ? FEMALE_FIRST : MALE_FIRST);
}

function lastNameFor(rng: Rng, ethnicity: EthnicityCode): string {
  const list =
    LAST_BY_GROUP[ethnicity] ??
    (ethnicity === 'DemographicRaceTwoOrMoreRaces' ? rng.pick(Object.values(LAST_BY_GROUP)) : LAST_BY_GROUP.other);
  return rng.pick(list ?? ['Doe']);
}

export type StudentInput = {
  seed: number;
  index: number;
  ssid: string;
  currentGrade: number;
  schools: Record<Band, number>;
  /** Earliest school year the profile generates. */
  fromYear: number;
};

export function makeStudent(input: StudentInput): StudentPlan {
  const rng = rngFor(input.seed, 'student', input.index);
  const gender = rng.weighted([
    ['Female', 49],
    ['Male', 50],
    ['Nonbinary', 1],
  ] as const);
  const ethnicity = rng.weighted(ETHNICITY_WEIGHTS);
  const hispanic = ethnicity === 'HispanicOrLatinoEthnicity';
  const asian = ethnicity === 'Asian' || ethnicity === 'Filipino';
  const econ = rng.bool(hispanic ? 0.72 : ethnicity === 'BlackOrAfricanAmerican' ? 0.68 : asian ? 0.38 : 0.3);
  // Status at entry; with reclassification over the years about 18 % are English learners at a time,
  // more in the early grades than in high school.
  const gradeFactor = input.currentGrade <= 5 ? 1.2 : input.currentGrade <= 8 ? 0.9 : 0.7;
  const elRate = (hispanic ? 0.36 : asian ? 0.3 : 0.03) * gradeFactor;
  const ifepRate = hispanic ? 0.14 : asian ? 0.18 : 0.03;
  const draw = rng.next();
  const entryElas: ElasCode = draw < elRate ? 'EL' : draw < elRate + ifepRate ? 'IFEP' : 'EO';
  const languageCode =
    entryElas === 'EO'
      ? 'eng'
      : hispanic
        ? 'spa'
        : ethnicity === 'Filipino'
          ? 'fil'
          : asian
            ? rng.weighted(ASIAN_LANGUAGES)
            : rng.pick(['ara', 'rus', 'fas', 'spa']);
  const iep = rng.bool(0.13);
  const alternate = iep && rng.bool(0.08);
  const base = rng.normal();
  const ses =
    (econ ? -0.3 : 0.25) +
    (ethnicity === 'Asian' ? 0.45 : ethnicity === 'White' ? 0.15 : ethnicity === 'BlackOrAfricanAmerican' ? -0.25 : 0);
  const special = iep ? -0.85 : 0;
  const ability = {
    ELA: base * 0.85 + rng.normal(0, 0.5) + ses + special + (entryElas === 'EL' ? -0.45 : entryElas === 'IFEP' ? 0.1 : 0),
    Math: base * 0.85 + rng.normal(0, 0.5) + ses + special + (entryElas === 'EL' ? -0.25 : 0),
    Science: base * 0.8 + rng.normal(0, 0.6) + ses + special + (entryElas === 'EL' ? -0.35 : 0),
    Spanish: rng.normal(0.2, 0.9),
  };
  // Most students were here from kindergarten or from the first generated year; some moved in later.
  const earliest = Math.max(input.fromYear, CURRENT_YEAR - input.currentGrade);
  const latest = Math.min(CURRENT_YEAR, CURRENT_YEAR - input.currentGrade + 12); // alumni: their grade-12 year
  const firstYear = rng.bool(0.82) ? earliest : rng.int(earliest, Math.max(earliest, latest));
  const englishAtEntry =
    entryElas === 'EL' ? clamp(rng.normal(-1.4 + Math.min(gradeAtFirst(input, firstYear), 6) * 0.05, 0.7), -3, 0.8) : 0;
  const yearsToReclass = Math.ceil((1.1 - englishAtEntry) / 0.42 + rng.normal(0.6, 1.2));
  const reclassYear = entryElas === 'EL' && (ability.ELA > -1.4 || rng.bool(0.3)) ? firstYear + clamp(yearsToReclass, 2, 12) : null;
  const accommodationCount = iep ? rng.int(1, 3) : rng.bool(0.03) ? 1 : 0;
  const military = rng.weighted([
    ['NotMilitaryConnected', 96],
    ['ActiveDuty', 2.5],
    ['NationalGuardOrReserve', 1.5],
  ] as const);
  return {
    index: input.index,
    ssid: input.ssid,
    firstName: firstNameFor(rng, gender),
    middleName: rng.bool(0.55) ? rng.pick(MIDDLE_INITIAL_NAMES) : null,
    lastName: lastNameFor(rng, ethnicity),
    birthday: birthday(rng, input.currentGrade),
    gender,
    ethnicities: [ethnicity],
    languageCode,
    currentGrade: input.currentGrade,
    firstYear,
    entryElas,
    reclassYear: reclassYear !== null && reclassYear <= CURRENT_YEAR ? reclassYear : null,
    englishAtEntry,
    iep,
    section504: !iep && rng.bool(0.035),
    economicDisadvantage: econ,
    migrant: hispanic && econ && rng.bool(0.04),
    militaryConnected: military,
    alternate,
    spanishAssessment: languageCode === 'spa' && !alternate && rng.bool(0.35),
    ability,
    growth: rng.normal(0, 0.06),
    schools: input.schools,
    accommodations: rng.sample(Object.keys(ACCOMMODATIONS), accommodationCount),
  };
}

function gradeAtFirst(input: StudentInput, firstYear: number): number {
  return input.currentGrade - (CURRENT_YEAR - firstYear);
}

/** English-language acquisition status in a school year. */
export function elasIn(student: StudentPlan, year: number): ElasCode {
  if (student.entryElas !== 'EL') return student.entryElas;
  return student.reclassYear !== null && year >= student.reclassYear ? 'RFEP' : 'EL';
}

/** The date the status in that year started (entry, or reclassification in the fall). */
export function elasStartDate(student: StudentPlan, year: number): string {
  const elas = elasIn(student, year);
  if (elas === 'RFEP' && student.reclassYear !== null) return `${student.reclassYear - 1}-10-15`;
  return `${student.firstYear - 1}-08-${String(15 + (student.index % 14)).padStart(2, '0')}`;
}

/** English proficiency of an English learner in a year (grows ~0.42 Level-3 units per year). */
export function englishIn(student: StudentPlan, year: number, noise: number): number {
  return student.englishAtEntry + 0.42 * (year - student.firstYear) + noise;
}

/** A subject ability in a year: baseline + slow growth relative to peers + yearly noise. */
export function abilityIn(student: StudentPlan, subject: keyof StudentPlan['ability'], year: number, seed: number): number {
  const noise = rngFor(seed, 'ability', student.index, subject, year).normal(0, 0.22);
  return student.ability[subject] + student.growth * (year - student.firstYear) + noise;
}
