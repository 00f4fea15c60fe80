import type { AssessmentType, Family } from '@cers/domain';

/** A level range from the package (formats.md §4.2): min = Low1, cuts = Low2..Lown, max = last High. */
export type Scoring = { min: number; max: number; cuts: number[]; levels: number };

export type PackageItem = {
  naturalId: string;
  bankKey: string;
  itemKey: string;
  position: number | null;
  format: string | null;
  claimCode: string | null;
  targetNaturalId: string | null;
  standard: string | null;
  dok: number | null;
  maxPoints: number;
  difficulty: number | null;
  answerKey: string | null;
  optionCount: number | null;
  writingPurpose: string | null;
  mathPractice: string | null;
  allowCalculator: boolean | null;
  fieldTest: boolean;
};

export type PackageAssessment = {
  naturalId: string;
  name: string;
  label: string;
  subject: string;
  grade: string;
  type: AssessmentType;
  family: Family;
  version: string | null;
  schoolYear: number;
  overall: Scoring | null;
  alts: (Scoring | null)[];
  items: PackageItem[];
};
