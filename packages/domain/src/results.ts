/**
 * Group / school results shaping (cers-features.md §3.3, domain.md §Aggregates): which score
 * types and "Results by Student" views an assessment offers, score distributions with
 * percentages that sum to 100, means with their standard error from SQL moments.
 */
import { LEVEL_SCHEMES, type LevelDef } from './levels.js';
import { type MeanWithError, roundedPercentages } from './statistics.js';

/** What an assessment row says it carries (assessments.has_* and measure_kind). */
export type AssessmentFacts = {
  family: string;
  type: string;
  subject: string;
  schoolYear: number;
  hasClaims: boolean;
  hasComposites: boolean;
  hasDomains: boolean;
  hasTargets: boolean;
  hasTraits: boolean;
  hasItems: boolean;
  measureKind: string | null;
};

/** The Overall / Composite / Claim / Domain toggle. */
export const SCORE_TYPES = ['overall', 'composite', 'claim', 'domain'] as const;
export type ScoreType = (typeof SCORE_TYPES)[number];
export const SCORE_TYPE_LABELS: Record<ScoreType, string> = {
  overall: 'Overall',
  composite: 'Composite',
  claim: 'Claim',
  domain: 'Domain',
};

/**
 * Buttons of the score-type toggle, in the user documents' order: Smarter Balanced summative
 * Overall | Composite | Claim (claims before 2020–21, composites from 2023–24: whatever the
 * assessment row carries), ICA Overall | Claim, ELPAC Overall | Composite | Domain, CAST
 * Overall | Domain, others Overall only.
 */
export function scoreTypes(a: AssessmentFacts): ScoreType[] {
  const types: ScoreType[] = ['overall'];
  if (a.hasComposites) types.push('composite');
  if (a.hasClaims) types.push('claim');
  if (a.hasDomains) types.push('domain');
  return types;
}

/** Options of the "Results by Student" drop-down. */
export const RESULTS_VIEWS = ['student', 'writing-traits', 'targets', 'lexile', 'quantile', 'items', 'distractors'] as const;
export type ResultsView = (typeof RESULTS_VIEWS)[number];
export const RESULTS_VIEW_LABELS: Record<ResultsView, string> = {
  student: 'Results by Student',
  'writing-traits': 'Writing Trait Scores',
  targets: 'Target Report',
  lexile: 'Lexile Report',
  quantile: 'Quantile Report',
  items: 'Results by Item',
  distractors: 'Key/Distractor Analysis',
};

export type PopulationKind = 'group' | 'user-group' | 'school';

/** Item facts the views depend on (counted from the items table). */
export type ItemFacts = { itemCount: number; selectedResponseCount: number };

/**
 * The views that apply to an assessment and year (cers-features.md §3.3 item 6). Only applicable
 * views are offered. Target Report: Smarter Balanced ELA/Math summative with targets, groups only
 * (School/Grade results have none, RDW allowTargetReport). Writing traits: ELA with trait scores.
 * Lexile/Quantile: the assessment's measure. Items and Key/Distractor: when items are stored,
 * Key/Distractor only with multiple-choice or multiple-select items.
 */
export function resultsViews(a: AssessmentFacts, items: ItemFacts, population: PopulationKind): ResultsView[] {
  const views: ResultsView[] = ['student'];
  if (a.subject === 'ELA' && a.hasTraits) views.push('writing-traits');
  if (a.family === 'SBAC' && a.type === 'sum' && a.hasTargets && (a.subject === 'ELA' || a.subject === 'Math') && population !== 'school') {
    views.push('targets');
  }
  if (a.measureKind === 'lexile') views.push('lexile');
  if (a.measureKind === 'quantile') views.push('quantile');
  if (a.hasItems && items.itemCount > 0) views.push('items');
  if (a.hasItems && items.selectedResponseCount > 0) views.push('distractors');
  return views;
}

/** A results view this assessment does not offer, and why (cers-features.md §3.3: disabled views explain themselves). */
export type UnavailableView = { view: ResultsView; reason: string };

/**
 * The views users might look for on this assessment but that it cannot show, each with the reason
 * (the complement of resultsViews, limited to views that belong to the assessment's kind: nobody
 * looks for a Quantile Report on an ELA test). Years are ending years: 2021 = 2020–21.
 */
export function unavailableResultsViews(a: AssessmentFacts, items: ItemFacts, population: PopulationKind): UnavailableView[] {
  const offered = new Set(resultsViews(a, items, population));
  const out: UnavailableView[] = [];
  const add = (view: ResultsView, reason: string) => {
    if (!offered.has(view)) out.push({ view, reason });
  };
  const sb = a.family === 'SBAC';
  const sbSubject = a.subject === 'ELA' || a.subject === 'Math';
  if (sb && a.subject === 'ELA' && (a.type === 'sum' || a.type === 'ica')) {
    add(
      'writing-traits',
      a.schoolYear < 2021
        ? 'Writing Extended Response scores are not available prior to 2020–21.'
        : 'This assessment has no writing trait scores.',
    );
  }
  if (sb && sbSubject && a.type === 'sum') {
    add(
      'targets',
      population === 'school'
        ? 'The Target Report is shown for student groups, not for a whole school or grade.'
        : 'This assessment has no target scores.',
    );
  }
  if (sb && sbSubject && (a.type === 'sum' || a.type === 'ica')) {
    const view = a.subject === 'ELA' ? 'lexile' : 'quantile';
    add(
      view,
      a.schoolYear < 2022
        ? `The ${a.subject === 'ELA' ? 'Lexile' : 'Quantile'} Report is available from 2021–22 on.`
        : `This assessment has no ${a.subject === 'ELA' ? 'Lexile' : 'Quantile'} measures.`,
    );
  }
  if (a.type !== 'sum') {
    const noItems =
      a.schoolYear < 2018
        ? 'Item results are not available for assessments administered prior to 2017–18.'
        : 'No item results are stored for this assessment.';
    add('items', noItems);
    add('distractors', offered.has('items') ? 'This assessment has no multiple-choice or multiple-select items.' : noItems);
  }
  return out;
}

export function isResultsView(value: string): value is ResultsView {
  return (RESULTS_VIEWS as readonly string[]).includes(value);
}

export type DistributionLevel = LevelDef & { count: number; percent: number };
export type ScoreDistribution = {
  tested: number;
  levels: DistributionLevel[];
  /** Students at or above the standard cut level (level 3 for Smarter Balanced). */
  atOrAboveStandard: number;
  /** Whole percent of tested students at or above the standard; null when nobody tested. */
  percentAtOrAboveStandard: number | null;
};

/**
 * Counts per level → one entry per defined level (missing levels count 0) with whole-number
 * percentages summing to 100 (largest remainder, domain.md §Aggregates). Counts of levels the
 * scheme does not define are ignored. The percent at or above the standard is the exact share
 * rounded to a whole number.
 */
export function scoreDistribution(
  levels: readonly LevelDef[],
  counts: readonly { level: number; count: number }[],
  standardCutLevel: number | null,
): ScoreDistribution {
  const byLevel = new Map<number, number>();
  for (const c of counts) byLevel.set(c.level, (byLevel.get(c.level) ?? 0) + c.count);
  const ordered = levels.map((l) => byLevel.get(l.level) ?? 0);
  const percents = roundedPercentages(ordered);
  const tested = ordered.reduce((a, b) => a + b, 0);
  const atOrAbove =
    standardCutLevel === null ? 0 : levels.reduce((sum, l, i) => (l.level >= standardCutLevel ? sum + (ordered[i] ?? 0) : sum), 0);
  return {
    tested,
    levels: levels.map((l, i) => ({ ...l, count: ordered[i] ?? 0, percent: percents[i] ?? 0 })),
    atOrAboveStandard: atOrAbove,
    percentAtOrAboveStandard: tested === 0 || standardCutLevel === null ? null : Math.round((atOrAbove * 100) / tested),
  };
}

/**
 * Mean with its standard error from SQL moments (count, avg, stddev_samp): the same figures as
 * meanWithError(values) without moving every score out of the database.
 */
export function meanFromMoments(n: number, mean: number | null, sampleSd: number | null): MeanWithError | undefined {
  if (n === 0 || mean === null) return undefined;
  if (n < 2 || sampleSd === null) return { n, mean, standardError: null, standardDeviation: null };
  return { n, mean, standardDeviation: sampleSd, standardError: sampleSd / Math.sqrt(n) };
}

/** "2510 ± 23": a rounded score and its rounded error (cers-features.md §5.3). */
export function formatScoreWithError(score: number | null | undefined, error: number | null | undefined): string {
  if (score === null || score === undefined) return '-';
  if (error === null || error === undefined) return String(Math.round(score));
  return `${Math.round(score)} ± ${Math.round(error)}`;
}

/** Item difficulty bins (cers-features.md §5.3: per grade IRT b-parameter cutoffs, RDW item_difficulty_cuts). */
export type ItemDifficulty = 'Easy' | 'Moderate' | 'Difficult';
const DIFFICULTY_CUTS: Record<'ELA' | 'Math', Record<number, readonly [moderateLowEnd: number, difficultLowEnd: number]>> = {
  ELA: {
    3: [-1.93882, -0.43906],
    4: [-1.51022, 0.14288],
    5: [-1.07082, 0.55842],
    6: [-0.88783, 0.88783],
    7: [-0.7215, 1.06739],
    8: [-0.47018, 1.34599],
    11: [-0.38186, 1.5479],
  },
  Math: {
    3: [-1.86632, -0.61482],
    4: [-1.33005, -0.00367],
    5: [-0.98177, 0.42321],
    6: [-0.74333, 0.74333],
    7: [-0.61866, 0.91307],
    8: [-0.50969, 1.19076],
    11: [-0.34891, 1.60976],
  },
};

/** Easy below the moderate cut, Difficult at or above the difficult cut; undefined without cuts. */
export function itemDifficulty(subject: string, grade: number, b: number | null | undefined): ItemDifficulty | undefined {
  if (b === null || b === undefined || (subject !== 'ELA' && subject !== 'Math')) return undefined;
  const table = DIFFICULTY_CUTS[subject];
  const nearest = table[grade] ?? (grade >= 9 ? table[11] : grade < 3 ? table[3] : undefined);
  if (!nearest) return undefined;
  if (b < nearest[0]) return 'Easy';
  if (b < nearest[1]) return 'Moderate';
  return 'Difficult';
}

/** Depth of Knowledge names (cers-features.md §3.3 Item Information). */
export const DOK_LABELS: Record<number, string> = {
  1: 'Recall and Reproduction',
  2: 'Basic Skills and Concepts',
  3: 'Strategic Thinking and Reasoning',
  4: 'Extended Thinking',
};

/** Mathematical practices (Item Information). */
export const MATH_PRACTICES: Record<string, string> = {
  '1': 'Make sense of problems and persevere in solving them',
  '2': 'Reason abstractly and quantitatively',
  '3': 'Construct viable arguments and critique the reasoning of others',
  '4': 'Model with mathematics',
  '5': 'Use appropriate tools strategically',
  '6': 'Attend to precision',
  '7': 'Look for and make use of structure',
  '8': 'Look for and express regularity in repeated reasoning',
};

/** Selected-response formats: the only ones with a key/distractor analysis (domain.md §Items). */
export const SELECTED_RESPONSE_FORMATS = ['MC', 'MS'] as const;
export function isSelectedResponse(format: string | null | undefined): boolean {
  return format !== null && format !== undefined && (SELECTED_RESPONSE_FORMATS as readonly string[]).includes(format.toUpperCase());
}

/** "B" or "A,C" (or "A, C") → ["A", "C"]; order kept, blanks dropped. */
export function parseChoices(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[,;|\s]+/)
    .map((v) => v.trim().toUpperCase())
    .filter((v) => v.length > 0);
}

/** Option letters of a selected-response item: from its stored options, else A.. by option count. */
export function optionLetters(optionCount: number | null | undefined, options?: readonly { key: string }[] | null): string[] {
  if (options && options.length > 0) return options.map((o) => o.key.toUpperCase());
  const n = optionCount ?? 4;
  return Array.from({ length: Math.max(0, Math.min(26, n)) }, (_, i) => String.fromCharCode(65 + i));
}

export type OptionShare = { option: string; count: number; percent: number; isKey: boolean };

/**
 * Key/Distractor analysis of one item: the percentage of responding students choosing each option
 * (multiple-select choices can add up to more than 100 %), key options flagged. Percentages are
 * rounded to whole numbers independently (they are not parts of one whole).
 */
export function distractorShares(
  letters: readonly string[],
  counts: ReadonlyMap<string, number>,
  responders: number,
  answerKey: string | null | undefined,
): OptionShare[] {
  const keys = new Set(parseChoices(answerKey));
  return letters.map((option) => {
    const count = counts.get(option) ?? 0;
    return { option, count, percent: responders === 0 ? 0 : Math.round((count * 100) / responders), isKey: keys.has(option) };
  });
}

export type PointsShare = { points: number; count: number; percent: number };

/**
 * Results by Item: how many students earned each point value 0..max, with percentages summing
 * to 100, and the group's average as a share of the maximum.
 */
export function pointsDistribution(
  maxPoints: number,
  counts: readonly { points: number; count: number }[],
): { scored: number; values: PointsShare[]; fullCredit: number; fullCreditPercent: number | null } {
  const values = Array.from({ length: Math.max(0, maxPoints) + 1 }, (_, p) => p);
  const ordered = values.map((p) => counts.filter((c) => Math.round(c.points) === p).reduce((s, c) => s + c.count, 0));
  const percents = roundedPercentages(ordered);
  const scored = ordered.reduce((a, b) => a + b, 0);
  const fullCredit = ordered[maxPoints] ?? 0;
  return {
    scored,
    values: values.map((points, i) => ({ points, count: ordered[i] ?? 0, percent: percents[i] ?? 0 })),
    fullCredit,
    fullCreditPercent: scored === 0 ? null : Math.round((fullCredit * 100) / scored),
  };
}

/** Points label used as a column header: "0 pts", "1 pt", "2 pts". */
export function pointsLabel(points: number): string {
  return points === 1 ? '1 pt' : `${points} pts`;
}

/**
 * Level names of a sub-score when the assessment_scores row carries none (registry defaults,
 * cers-features.md §5.1): ELPAC composites use the four ELPAC levels, ELPAC domains and CSA
 * domains their three-category names, every other claim/composite/domain Below/Near/Above.
 */
export function defaultSubScoreLevels(family: string, kind: string): readonly LevelDef[] {
  if (family === 'ELPAC') return kind === 'composite' ? LEVEL_SCHEMES.ELPAC4 : LEVEL_SCHEMES.ELPAC_DOMAIN3;
  if (family === 'CSA') return kind === 'composite' ? LEVEL_SCHEMES.CSA3 : LEVEL_SCHEMES.CSA_DOMAIN3;
  return LEVEL_SCHEMES.THREE;
}

/** Reads an assessments.levels / assessment_scores.levels JSON value; falls back when empty or malformed. */
export function levelDefsFromJson(value: unknown, fallback: readonly LevelDef[]): readonly LevelDef[] {
  if (!Array.isArray(value) || value.length === 0) return fallback;
  const defs: LevelDef[] = [];
  for (const v of value) {
    if (typeof v !== 'object' || v === null) return fallback;
    const o = v as Record<string, unknown>;
    if (typeof o.level !== 'number' || typeof o.name !== 'string') return fallback;
    const base = fallback.find((f) => f.level === o.level);
    defs.push({
      level: o.level,
      name: o.name,
      shortName: typeof o.shortName === 'string' ? o.shortName : (base?.shortName ?? o.name),
      color: typeof o.color === 'string' ? o.color : (base?.color ?? '#6b7280'),
    });
  }
  return defs.sort((a, b) => a.level - b.level);
}

export type AssessmentChoice = { id: number; subject: string; type: string; students: number; latestCompletedAt: string };

const SUBJECT_ORDER = ['ELA', 'Math', 'Science', 'Spanish', 'ELPAC'];
const subjectRank = (s: string) => {
  const i = SUBJECT_ORDER.findIndex((x) => x.toLowerCase() === s.toLowerCase());
  return i === -1 ? SUBJECT_ORDER.length : i;
};

/**
 * The default "Selected Assessments" (one card, which the user documents then replace with the
 * desired assessment): the summative of the group's first subject (ELA, Math, Science, Spanish,
 * ELPAC order; null = all subjects) with the most students tested; without any summative, the most
 * recently taken assessment.
 */
export function defaultSelectedAssessments(list: readonly AssessmentChoice[], subjects: readonly string[] | null): number[] {
  const wanted = (s: string) => subjects === null || subjects.some((x) => x.toLowerCase() === s.toLowerCase());
  const summatives = list
    .filter((a) => a.type === 'sum' && wanted(a.subject))
    .sort(
      (a, b) =>
        subjectRank(a.subject) - subjectRank(b.subject) ||
        b.students - a.students ||
        b.latestCompletedAt.localeCompare(a.latestCompletedAt) ||
        a.id - b.id,
    );
  if (summatives[0]) return [summatives[0].id];
  const recent = [...list].filter((a) => wanted(a.subject)).sort((a, b) => b.latestCompletedAt.localeCompare(a.latestCompletedAt))[0];
  return recent ? [recent.id] : [];
}

/**
 * Claim names for reporting and organizational claim codes (items and targets carry the
 * organizational ones, e.g. 1-LT; cers-features.md §5.2, RDW claim table). Unknown codes show as is.
 */
const CLAIM_NAMES: Record<'ELA' | 'Math', Record<string, string>> = {
  ELA: {
    SOCK_R: 'Reading',
    '1-LT': 'Read Analytically: Literary Text',
    '1-IT': 'Read Analytically: Informational Text',
    '2-W': 'Writing',
    SOCK_LS: 'Listening',
    '3-L': 'Listen Purposefully',
    '3-S': 'Speak Purposefully',
    '4-CR': 'Research/Inquiry',
  },
  Math: {
    '1': 'Concepts and Procedures',
    SOCK_2: 'Problem Solving and Modeling & Data Analysis',
    '2': 'Problem Solving',
    '3': 'Communicating Reasoning',
    '4': 'Modeling and Data Analysis',
  },
};
export function claimName(subject: string, code: string): string {
  const table = subject === 'Math' ? CLAIM_NAMES.Math : subject === 'ELA' ? CLAIM_NAMES.ELA : undefined;
  return table?.[code.trim().toUpperCase()] ?? table?.[code.trim()] ?? code;
}

/** Interim blocks report a reporting category, not proficiency: no "at or above" figure. */
export function reportsProficiency(type: string): boolean {
  return type === 'sum' || type === 'ica';
}
