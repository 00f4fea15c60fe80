/** What subjects.definition holds: the subject XML (formats.md §5) as JSON. */
export type LevelJson = { level: number; name: string; shortName: string; suffix?: string; color: string };
export type ScoringJson = {
  name: string;
  minScore: number | null;
  maxScore: number | null;
  standardCutoff: number | null;
  levels: LevelJson[];
};
export type AssessmentTypeJson = {
  code: 'iab' | 'ica' | 'sum';
  name: string;
  longName: string | null;
  targetReport: boolean;
  printedReport: boolean;
  traitReport: boolean;
  overall: ScoringJson;
  alt: ScoringJson | null;
  claim: ScoringJson | null;
};
export type ScorableJson = { code: string; name: string; dataOrder: number; displayOrder: number };
export type ClaimJson = ScorableJson & {
  scorable: boolean;
  organizational: boolean;
  targets: { code: string; name: string; description: string | null }[];
};
export type TraitJson = { code: string; purpose: string; category: string; maxScore: number };

export type SubjectDefinition = {
  code: string;
  name: string;
  assessmentTypes: AssessmentTypeJson[];
  altScores: ScorableJson[];
  claims: ClaimJson[];
  traits: TraitJson[];
  depthsOfKnowledge: { level: number; name: string }[];
  standards: string[];
  messages: Record<string, string>;
};
