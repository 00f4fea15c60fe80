import { ELAS_CODES, ETHNICITIES, findLanguage, GENDERS, isGradeCode, MILITARY_CODES, parseTrtBoolean } from '@cers/domain';
import type { ErrorCollector } from '../statuses.js';
import type { ExamineeEntry, Trt } from './model.js';
import { blank, isDate, text } from './values.js';

/** Student identity and names; written to `students` (formats.md §3.3, §3.9). */
export type StudentDraft = {
  ssid: string;
  firstName: string | null;
  lastName: string | null;
  middleName: string | null;
  aliasName: string | null;
  birthday: string | null;
  gender: string | null;
  firstEntryDate: string | null;
  lepEntryDate: string | null;
  lepExitDate: string | null;
};

/** Attributes as of this exam; stored on the exam row. */
export type ExamineeFacts = {
  enrolledGrade: string | null;
  gender: string | null;
  ethnicities: string[];
  iep: boolean | null;
  section504: boolean | null;
  economicDisadvantage: boolean | null;
  migrant: boolean | null;
  lep: boolean | null;
  languageCode: string | null;
  militaryConnected: string | null;
  elas: string | null;
  elasStartDate: string | null;
  englishProficiencyLevel: string | null;
  title3Program: string | null;
  primaryDisability: string | null;
};

const ALIASES: Record<string, string> = {
  StudentIdentifier: 'SSID',
  GradeLevelWhenAssessed: 'Grade',
  SchoolId: 'ResponsibleInstitutionIdentifier',
  LimitedEnglishProficiencyEntryDate: 'EnglishLearnerIdentificationDate',
  LEPExitDate: 'ReclassifiedFluentEnglishProficientDate',
};

/**
 * Common trt/Examinee.getBestAttribute: in document order keep the last element with the name and
 * stop at the first FINAL one (first FINAL wins, else last INITIAL). Names are case-sensitive; the
 * alias is tried only when the primary name is absent.
 */
export function bestEntry(entries: readonly ExamineeEntry[], kind: ExamineeEntry['kind'], name: string): ExamineeEntry | undefined {
  const find = (n: string): ExamineeEntry | undefined => {
    let found: ExamineeEntry | undefined;
    for (const e of entries) {
      if (e.kind !== kind || e.name !== n) continue;
      found = e;
      if (e.context === 'FINAL') break;
    }
    return found;
  };
  const primary = find(name);
  if (primary) return primary;
  const alias = ALIASES[name];
  return alias ? find(alias) : undefined;
}

/** All FINAL values of a multi-valued attribute, or all INITIAL ones when there is no FINAL. */
export function allValues(entries: readonly ExamineeEntry[], name: string): string[] {
  const of = (context: ExamineeEntry['context']) =>
    entries.filter((e) => e.kind === 'attribute' && e.name === name && e.context === context).map((e) => e.value ?? '');
  const finals = of('FINAL');
  return finals.length > 0 ? finals : of('INITIAL');
}

const ETHNICITY_CODES = Object.keys(ETHNICITIES);
const GENDER_BY_LOWER = new Map(Object.keys(GENDERS).map((g) => [g.toLowerCase(), g]));
const ELAS_BY_LOWER = new Map(Object.keys(ELAS_CODES).map((c) => [c.toLowerCase(), c]));
const MILITARY_BY_LOWER = new Map(Object.keys(MILITARY_CODES).map((c) => [c.toLowerCase(), c]));

export type ExamineeResult = { student: StudentDraft; facts: ExamineeFacts; groupNames: string[]; isDemo: boolean };

/** Reads and checks the examinee (formats.md §3.3); problems go to `errors` in RDW's order. */
export function readExaminee(trt: Trt, errors: ErrorCollector): ExamineeResult {
  const entries = trt.examinee.entries;
  const attr = (name: string) => bestEntry(entries, 'attribute', name);

  const isDemo = trt.examinee.isDemo === 'true' || trt.examinee.isDemo === '1';
  if (isDemo) errors.add('isDemo', 'true', 'demo students are not supported');

  const str = (name: string, max: number, required: boolean): string | null => {
    const e = attr(name);
    const raw = e?.value;
    if (blank(raw)) {
      if (required) errors.add(name, raw, 'value may not be blank');
      return null;
    }
    const value = (raw as string).trim();
    if (value.length > max) {
      errors.add(name, raw, `string is too long, max length is ${max}`);
      return null;
    }
    return value;
  };
  const date = (name: string, required: boolean): string | null => {
    const raw = attr(name)?.value;
    if (blank(raw)) {
      if (required) errors.add(name, raw, 'value may not be blank');
      return null;
    }
    const value = (raw as string).trim();
    if (!isDate(value)) {
      errors.add(name, raw, `invalid date [${raw}], use format YYYY-MM-DD`);
      return null;
    }
    return value;
  };
  const bool = (name: string, required: boolean, unknownIsNull = false): boolean | null => {
    const raw = attr(name)?.value;
    if (!required && blank(raw)) return null;
    if (raw === undefined) {
      errors.add(name, undefined, 'invalid value [null]');
      return null;
    }
    if (unknownIsNull && raw.trim().toLowerCase() === 'unknown/cannot provide') return null;
    const value = parseTrtBoolean(raw);
    if (value === undefined) {
      errors.add(name, raw, `invalid value [${raw}]`);
      return null;
    }
    return value;
  };
  const code = (name: string, table: Map<string, string>, what: string): string | null => {
    const raw = attr(name)?.value;
    if (blank(raw)) return null;
    const found = table.get((raw as string).trim().toLowerCase());
    if (!found) errors.add(name, raw, `unknown ${what} code [${raw}]`);
    return found ?? null;
  };

  const firstName = str('FirstName', 60, true);
  const lastName = str('LastOrSurname', 60, true);
  const middleName = str('MiddleName', 60, false);
  const aliasName = str('AliasName', 60, false);
  const ssid = str('StudentIdentifier', 65, true);
  const birthday = date('Birthdate', true);
  let gender: string | null = null;
  const sexRaw = attr('Sex')?.value;
  if (blank(sexRaw)) errors.add('Sex', sexRaw, 'value may not be blank');
  else {
    gender = GENDER_BY_LOWER.get((sexRaw as string).trim().toLowerCase()) ?? null;
    if (!gender) errors.add('Sex', sexRaw, `unknown gender code [${sexRaw}]`);
  }
  const firstEntryDate = date('FirstEntryDateIntoUSSchool', false);
  const lepEntryDate = date('LimitedEnglishProficiencyEntryDate', false);
  const lepExitDate = date('LEPExitDate', false);
  const ethnicities: string[] = [];
  for (const name of ETHNICITY_CODES) if (bool(name, false)) ethnicities.push(name);
  const groupNames: string[] = [];
  for (const raw of allValues(entries, 'StudentGroupName')) {
    const value = raw.trim();
    if (value === '') continue;
    if (value.length > 255) errors.add('StudentGroupName', raw, 'string is too long, max length is 255');
    else if (!groupNames.includes(value)) groupNames.push(value);
  }

  const iep = bool('IDEAIndicator', true);
  const section504 = bool('Section504Status', false, true);
  const economicDisadvantage = bool('EconomicDisadvantageStatus', true);
  const migrant = bool('MigrantStatus', false);
  const lep = bool('LEPStatus', false);
  let languageCode: string | null = null;
  const languageRaw = attr('LanguageCode')?.value;
  if (!blank(languageRaw)) {
    languageCode = findLanguage(languageRaw as string)?.code ?? null;
    if (!languageCode) errors.add('LanguageCode', languageRaw, `unknown language code [${languageRaw}]`);
  }
  const militaryConnected = code('MilitaryConnectedStudentIndicator', MILITARY_BY_LOWER, 'military connected');
  let enrolledGrade: string | null = null;
  const gradeRaw = attr('GradeLevelWhenAssessed')?.value;
  if (blank(gradeRaw)) errors.add('GradeLevelWhenAssessed', gradeRaw, 'value may not be blank');
  else if (isGradeCode((gradeRaw as string).trim().toUpperCase())) enrolledGrade = (gradeRaw as string).trim().toUpperCase();
  else errors.add('GradeLevelWhenAssessed', gradeRaw, `unknown grade code [${gradeRaw}]`);
  const elas = code('EnglishLanguageAcquisitionStatus', ELAS_BY_LOWER, 'elas');
  const elasStartDate = date('EnglishLanguageAcquisitionStatusStartDate', false);
  const englishProficiencyLevel = str('EnglishLanguageProficiencyLevel', 20, false);
  const title3Program = str('TitleIIILanguageInstructionProgramType', 30, false);
  const primaryDisability = str('PrimaryDisabilityType', 3, false);

  return {
    isDemo,
    groupNames,
    student: {
      ssid: ssid ?? '',
      firstName,
      lastName,
      middleName,
      aliasName,
      birthday,
      gender,
      firstEntryDate,
      lepEntryDate,
      lepExitDate,
    },
    facts: {
      enrolledGrade,
      gender,
      ethnicities,
      iep,
      section504,
      economicDisadvantage,
      migrant,
      lep,
      languageCode,
      militaryConnected,
      elas,
      elasStartDate,
      englishProficiencyLevel,
      title3Program,
      primaryDisability,
    },
  };
}

/** The school relationship value (SchoolId, alias ResponsibleInstitutionIdentifier), or undefined when absent. */
export function schoolRelationship(trt: Trt): { value: string; schoolName: string; districtId: string; districtName: string } | undefined {
  const entries = trt.examinee.entries;
  const school = bestEntry(entries, 'relationship', 'SchoolId');
  if (!school) return undefined;
  const rel = (name: string) => text(bestEntry(entries, 'relationship', name)?.value) ?? '';
  return {
    value: (school.value ?? '').trim(),
    schoolName: rel('SchoolName'),
    districtId: rel('DistrictId'),
    districtName: rel('DistrictName'),
  };
}
