import type { AssessmentType, Family, SubScoreKind, TraitCategory } from '@cers/domain';

/**
 * Reference data an exam is validated against, held in memory (and copied to parse workers) so
 * validation is a pure function: assessments with their scores, targets, items and traits,
 * schools, and accommodation codes.
 */
export type RefScore = { code: string; kind: SubScoreKind; min: number | null; max: number | null; cuts: number[] };
export type RefTrait = { code: string; purpose: string; category: TraitCategory; maxScore: number };

export type RefAssessment = {
  id: number;
  naturalId: string;
  family: Family;
  subject: string;
  grade: string;
  type: AssessmentType;
  schoolYear: number;
  minScore: number | null;
  maxScore: number | null;
  cutScores: number[];
  standardCutLevel: number | null;
  /** Scorable sub-scores by TRT measureOf code. */
  scores: Map<string, RefScore>;
  /** "<claim>|<target>" → target id, for targets this assessment reports. */
  targets: Map<string, number>;
  /** "<bankKey>-<itemKey>" → item id. */
  items: Map<string, number>;
  /** Exam-level writing trait codes (SOCK_ARGU_ORG ...). */
  traits: Map<string, RefTrait>;
};

export type RefSchool = { id: number; districtId: number; naturalId: string; name: string };

export type RefData = {
  /** By lower-case natural id (lookups are case-insensitive, formats.md §2). */
  assessments: Map<string, RefAssessment>;
  schools: Map<string, RefSchool>;
  /** Lower-case code → code as loaded. */
  accommodations: Map<string, string>;
};

export function emptyRefData(): RefData {
  return { assessments: new Map(), schools: new Map(), accommodations: new Map() };
}
