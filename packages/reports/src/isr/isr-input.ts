import type { AssessmentType, Family, LevelDef, SubScoreKind } from '@cers/domain';

/**
 * What the database gives the ISR builder for one student and one test: plain data, already
 * scoped (packages/db/src/queries/isr.ts). The builder never queries.
 */
export type IsrAssessment = {
  id: number;
  family: Family;
  type: AssessmentType;
  subject: string;
  grade: string;
  schoolYear: number;
  name: string;
  label: string;
  minScore: number | null;
  maxScore: number | null;
  cutScores: readonly number[];
  standardCutLevel: number | null;
  levels: readonly LevelDef[];
  hasClaims: boolean;
  hasComposites: boolean;
  hasDomains: boolean;
  hasTraits: boolean;
  measureKind: 'lexile' | 'quantile' | null;
  /** assessment_scores rows: what sub-scores this assessment reports. */
  subScores: readonly IsrSubScoreDef[];
};

export type IsrSubScoreDef = {
  code: string;
  kind: SubScoreKind;
  name: string;
  displayOrder: number;
  minScore: number | null;
  maxScore: number | null;
  cutScores: readonly number[];
  levels: readonly LevelDef[];
};

export type IsrExamScore = { code: string; kind: SubScoreKind; scaleScore: number | null; sem: number | null; level: number | null };
export type IsrTrait = { purpose: string; category: string; score: number | null; maxScore: number; conditionCode: string | null };

export type IsrExam = {
  id: number;
  completedAt: Date;
  schoolName: string;
  districtName: string;
  enrolledGrade: string | null;
  scaleScore: number | null;
  scaleScoreSem: number | null;
  achievementLevel: number | null;
  lexile: number | null;
  quantile: number | null;
  administrationCondition: string | null;
  completeness: string | null;
  /** Accommodation labels in the report's language (codes when no label is known). */
  accommodations: readonly string[];
  scores: readonly IsrExamScore[];
  traits: readonly IsrTrait[];
};

export type IsrStudent = { id: number; ssid: string; firstName: string | null; middleName: string | null; lastName: string | null };

/** A prior year's result of the same subject and type. */
export type IsrHistoryEntry = {
  schoolYear: number;
  grade: string;
  completedAt: Date;
  scaleScore: number | null;
  scaleScoreSem: number | null;
  level: number | null;
  levels: readonly LevelDef[];
};

/** Summative, ICA, CAST, CAA, CSA, ELPAC, Alternate ELPAC: one exam per report. */
export type IsrSingleInput = {
  kind: 'single';
  student: IsrStudent;
  assessment: IsrAssessment;
  exam: IsrExam;
  history: readonly IsrHistoryEntry[];
};

/** IAB, FIAB, interim assessments: every block taken that year, latest first within a block. */
export type IsrBlocksInput = {
  kind: 'blocks';
  student: IsrStudent;
  type: AssessmentType;
  subject: string;
  schoolYear: number;
  blocks: readonly { assessment: IsrAssessment; exams: readonly IsrExam[] }[];
};

export type IsrInput = IsrSingleInput | IsrBlocksInput;
