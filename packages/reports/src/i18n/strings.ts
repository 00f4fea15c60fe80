import type { AssessmentType, Family, LevelScheme, Subject, TraitCategory, WritingPurpose } from '@cers/domain';

export const REPORT_LANGUAGES = ['en', 'es'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** Which kind of sub-score table an ISR section shows. */
export type SubScoreHeading = 'claim' | 'composite' | 'domain' | 'alt';

/**
 * Every fixed text of a printed report. One object per language (en.ts, es.ts); the model builder
 * picks one, so the renderer never sees a language code.
 */
export type ReportStrings = {
  locale: string;
  reportTitle: string;
  header: {
    student: string;
    ssid: string;
    grade: string;
    school: string;
    district: string;
    schoolYear: string;
    testDate: string;
    assessment: string;
  };
  gradeLabel: (code: string) => string;
  subjects: Record<Subject, string>;
  /** "Grade 5 English Language Arts/Literacy" + family/type title. */
  assessmentTitle: (a: { family: Family; type: AssessmentType; subject: string; gradeLabel: string }) => string;
  overall: {
    heading: string;
    elpacHeading: string;
    scaleScore: string;
    errorBand: string;
    /** "± 23" */
    bandText: (sem: number) => string;
    /** "Score range 2487–2533" */
    rangeText: (low: number, high: number) => string;
    level: string;
    elpacLevel: string;
    noScore: string;
    scaleAlt: (a: { min: number; max: number; cuts: string; score: number; low: number; high: number; level: string }) => string;
    yourScore: string;
  };
  /** Level names by their English name (the database's); missing = shown as stored. */
  levelNames: Record<string, string>;
  /** One sentence per level of a scheme; {subject} is replaced by the subject's name. */
  levelDescriptions: Partial<Record<LevelScheme, readonly string[]>>;
  subScores: {
    headings: Record<SubScoreHeading, string>;
    intro: Record<SubScoreHeading, string>;
    area: string;
    result: string;
    scaleScore: string;
    notScored: string;
    /** Sub-score names by their English name. */
    names: Record<string, string>;
  };
  traits: {
    heading: string;
    intro: string;
    purpose: string;
    trait: string;
    points: string;
    purposes: Record<WritingPurpose, string>;
    categories: Record<TraitCategory, string>;
    /** "3 of 4" */
    ofMax: (points: number, max: number) => string;
    conditionCodes: Record<string, string>;
    conditionIntro: string;
  };
  measure: {
    lexileHeading: string;
    quantileHeading: string;
    lexileIntro: string;
    quantileIntro: string;
    range: (low: string, high: string) => string;
    lexileBand: (gradeLabel: string, low: string, high: string) => string;
  };
  blocks: {
    heading: string;
    intro: string;
    block: string;
    date: string;
    category: string;
    scaleScore: string;
    current: string;
    previous: string;
    note: string;
  };
  accommodations: { heading: string; intro: string; none: string };
  history: { heading: string; intro: string; schoolYear: string; grade: string; scaleScore: string; level: string; testDate: string };
  notes: { heading: string; errorBand: string; interim: string; summative: string; confidentiality: string };
  /** Footer page label with {page} and {pages} placeholders. */
  pageTemplate: string;
  dash: string;
};
