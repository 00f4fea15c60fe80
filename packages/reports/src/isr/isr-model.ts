import {
  type AssessmentType,
  achievementLevel,
  CAST_DOMAINS,
  CSA_COMPOSITES,
  csaDomains,
  ELPAC_COMPOSITES,
  ELPAC_DOMAINS,
  errorBand,
  type Family,
  formatLexile,
  formatQuantile,
  gradeNumber,
  isInterim,
  LEVEL_SCHEMES,
  type LevelDef,
  type LevelScheme,
  lexileGradeBand,
  lexileRange,
  overallLevels,
  quantileRange,
  SB_CLAIMS,
  SB_COMPOSITES,
  SUBJECTS,
  type Subject,
  type SubScoreDef,
  schoolYearLabel,
  TRAIT_CATEGORIES,
  TRAITS_FIRST_YEAR,
  type TraitCategory,
  WRITING_PURPOSES,
  type WritingPurpose,
} from '@cers/domain';
import { reportStrings } from '../i18n/index.js';
import type { ReportLanguage, ReportStrings, SubScoreHeading } from '../i18n/strings.js';
import type { IsrAssessment, IsrBlocksInput, IsrExam, IsrInput, IsrSingleInput, IsrStudent, IsrSubScoreDef } from './isr-input.js';

/**
 * The ISR view model: every string already in the report's language, every number already
 * rounded and formatted. Plain data (structured-cloneable) so it can cross into a render worker.
 */
export type IsrModel = {
  language: ReportLanguage;
  /** Document title (PDF metadata and the first heading's context). */
  title: string;
  reportTitle: string;
  assessmentTitle: string;
  studentName: string;
  header: readonly { label: string; value: string }[];
  sections: readonly IsrSection[];
  footer: { text: string; pageTemplate: string };
};

export type ScaleGraphic = {
  min: number;
  max: number;
  segments: readonly { from: number; to: number; label: string; index: number }[];
  cuts: readonly number[];
  score: number;
  low: number;
  high: number;
  marker: string;
  alt: string;
};

/** A row's marker: 'level' fills the one box of the level reached, 'points' fills one box per point. */
export type IsrIndicator = { index: number; count: number; mode: 'level' | 'points' };
export type IsrRow = { cells: readonly string[]; indicator?: IsrIndicator; emphasis?: boolean };

export type IsrSection =
  | {
      type: 'overall';
      heading: string;
      scoreLabel: string;
      score: string | null;
      band: string | null;
      range: string | null;
      levelLabel: string;
      levelName: string | null;
      levelDescription: string | null;
      scale: ScaleGraphic | null;
      noScore: string | null;
    }
  | {
      type: 'table';
      heading: string;
      intro: string | null;
      lead: string | null;
      columns: readonly string[];
      rows: readonly IsrRow[];
      notes: readonly string[];
    }
  | { type: 'measure'; heading: string; value: string; range: string; intro: string; reference: string | null }
  | { type: 'list'; heading: string; intro: string; items: readonly string[] }
  | { type: 'notes'; heading: string; paragraphs: readonly string[] };

export type IsrOptions = { language: ReportLanguage; includeAccommodations: boolean };

export function studentDisplayName(s: IsrStudent): string {
  const first = [s.firstName, s.middleName].filter((p) => p && p.trim() !== '').join(' ');
  const last = s.lastName?.trim() ?? '';
  if (last && first) return `${last}, ${first}`;
  return last || first || s.ssid;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "April 15, 2025" / "15 de abril de 2025", in California time. Formatters are reused: building one is slow. */
export function formatDate(date: Date, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'America/Los_Angeles' });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

function isSubject(value: string): value is Subject {
  return (SUBJECTS as readonly string[]).includes(value);
}

function subjectName(t: ReportStrings, subject: string): string {
  return isSubject(subject) ? t.subjects[subject] : subject;
}

const round = (n: number) => Math.round(n);

/** Which descriptive sentences apply to an overall level (cers-features.md §5.1). */
export function levelSchemeOf(family: Family, type: AssessmentType): LevelScheme {
  if (type === 'iab' || type === 'fiab') return 'THREE';
  if (type === 'ia') return family === 'ELPAC' ? 'ELPAC_DOMAIN3' : 'THREE';
  switch (family) {
    case 'SBAC':
    case 'CAST':
    case 'OTHER':
      return 'SB4';
    case 'CAA':
      return 'CAA3';
    case 'CSA':
      return 'CSA3';
    case 'ELPAC':
      return 'ELPAC4';
    case 'AELPAC':
      return 'AELPAC3';
    default: {
      const never: never = family;
      return never;
    }
  }
}

function levelsOf(a: IsrAssessment): readonly LevelDef[] {
  return a.levels.length > 0 ? a.levels : overallLevels(a.family, a.type);
}

function levelName(t: ReportStrings, def: LevelDef | undefined): string | null {
  if (!def) return null;
  return t.levelNames[def.name] ?? def.name;
}

function overallLevel(a: IsrAssessment, e: { scaleScore: number | null; achievementLevel: number | null }): number | null {
  if (e.achievementLevel !== null) return e.achievementLevel;
  if (e.scaleScore === null || a.cutScores.length === 0) return null;
  return achievementLevel(e.scaleScore, a.cutScores);
}

function scaleGraphic(
  t: ReportStrings,
  a: IsrAssessment,
  exam: IsrExam,
  levels: readonly LevelDef[],
  level: LevelDef | undefined,
): ScaleGraphic | null {
  if (exam.scaleScore === null || a.minScore === null || a.maxScore === null || a.cutScores.length === 0) return null;
  const min = a.minScore;
  const max = a.maxScore;
  const bounds = [min, ...a.cutScores, max];
  const segments = levels.slice(0, bounds.length - 1).map((l, i) => ({
    from: bounds[i] as number,
    to: bounds[i + 1] as number,
    label: levelName(t, l) ?? String(l.level),
    index: i + 1,
  }));
  const score = Math.min(max, Math.max(min, round(exam.scaleScore)));
  const band = errorBand(exam.scaleScore, exam.scaleScoreSem ?? 0, min, max);
  const low = round(band.low);
  const high = round(band.high);
  return {
    min,
    max,
    segments,
    cuts: a.cutScores.map(round),
    score,
    low,
    high,
    marker: t.overall.yourScore,
    alt: t.overall.scaleAlt({ min, max, cuts: a.cutScores.map(round).join(', '), score, low, high, level: levelName(t, level) ?? t.dash }),
  };
}

function overallSection(t: ReportStrings, a: IsrAssessment, exam: IsrExam): IsrSection {
  const elpac = a.family === 'ELPAC' || a.family === 'AELPAC';
  const levels = levelsOf(a);
  const levelNumber = overallLevel(a, exam);
  const level = levels.find((l) => l.level === levelNumber);
  const scheme = levelSchemeOf(a.family, a.type);
  const sentences = t.levelDescriptions[scheme];
  const description =
    levelNumber !== null && sentences?.[levelNumber - 1]
      ? (sentences[levelNumber - 1] as string).replaceAll('{subject}', subjectName(t, a.subject))
      : null;
  const hasScore = exam.scaleScore !== null;
  const band =
    hasScore && exam.scaleScoreSem !== null ? errorBand(exam.scaleScore as number, exam.scaleScoreSem, a.minScore, a.maxScore) : null;
  return {
    type: 'overall',
    heading: elpac ? t.overall.elpacHeading : t.overall.heading,
    scoreLabel: t.overall.scaleScore,
    score: hasScore ? String(round(exam.scaleScore as number)) : null,
    band: hasScore && exam.scaleScoreSem !== null ? t.overall.bandText(round(exam.scaleScoreSem)) : null,
    range: band ? t.overall.rangeText(round(band.low), round(band.high)) : null,
    levelLabel: elpac ? t.overall.elpacLevel : t.overall.level,
    levelName: levelName(t, level),
    levelDescription: description,
    scale: scaleGraphic(t, a, exam, levels, level),
    noScore: hasScore ? null : t.overall.noScore,
  };
}

/** Default definitions when an assessment row carries none (registry defaults by family). */
function defaultSubScores(a: IsrAssessment): readonly SubScoreDef[] {
  const subject = a.subject === 'ELA' || a.subject === 'Math' ? a.subject : null;
  switch (a.family) {
    case 'SBAC':
      return subject ? [...SB_CLAIMS[subject], ...SB_COMPOSITES[subject]] : [];
    case 'CAST':
      return CAST_DOMAINS;
    case 'ELPAC':
      return [...ELPAC_COMPOSITES, ...ELPAC_DOMAINS];
    case 'CSA':
      return [...CSA_COMPOSITES, ...csaDomains(gradeNumber(a.grade) >= 9)];
    default:
      return [];
  }
}

function subScoreLevels(a: IsrAssessment, def: IsrSubScoreDef): readonly LevelDef[] {
  if (def.levels.length > 0) return def.levels;
  if (a.family === 'ELPAC') return def.kind === 'domain' ? LEVEL_SCHEMES.ELPAC_DOMAIN3 : LEVEL_SCHEMES.ELPAC4;
  if (a.family === 'CSA') return def.kind === 'domain' ? LEVEL_SCHEMES.CSA_DOMAIN3 : LEVEL_SCHEMES.CSA3;
  return LEVEL_SCHEMES.THREE;
}

function subScoreSections(t: ReportStrings, a: IsrAssessment, exam: IsrExam): IsrSection[] {
  const stored: IsrSubScoreDef[] = [...a.subScores];
  const defaults = defaultSubScores(a);
  const byCode = new Map(exam.scores.map((s) => [s.code, s]));
  const kinds: { kind: IsrSubScoreDef['kind']; on: boolean }[] = [
    { kind: 'claim', on: a.hasClaims },
    { kind: 'composite', on: a.hasComposites },
    { kind: 'alt', on: a.hasComposites },
    { kind: 'domain', on: a.hasDomains },
  ];
  const sections: IsrSection[] = [];
  for (const { kind, on } of kinds) {
    if (!on) continue;
    let defs = stored.filter((d) => d.kind === kind);
    if (defs.length === 0) {
      defs = defaults.filter((d) => d.kind === kind).map((d) => ({ ...d, minScore: null, maxScore: null, cutScores: [], levels: [] }));
    }
    // Scores the exam carries without a definition still print, under their code.
    for (const s of exam.scores) {
      if (s.kind === kind && !defs.some((d) => d.code === s.code)) {
        defs.push({ code: s.code, kind, name: s.code, displayOrder: 99, minScore: null, maxScore: null, cutScores: [], levels: [] });
      }
    }
    if (defs.length === 0) continue;
    defs.sort((x, y) => x.displayOrder - y.displayOrder || x.code.localeCompare(y.code));
    const withScale = defs.some((d) => byCode.get(d.code)?.scaleScore != null);
    const headingKey: SubScoreHeading = kind === 'composite' && a.family !== 'SBAC' ? 'alt' : kind;
    const rows = defs.map((d) => {
      const s = byCode.get(d.code);
      const levels = subScoreLevels(a, d);
      const def = s?.level != null ? levels.find((l) => l.level === s.level) : undefined;
      const name = t.subScores.names[d.name] ?? d.name;
      const result = levelName(t, def) ?? t.subScores.notScored;
      const cells = withScale ? [name, s?.scaleScore != null ? String(round(s.scaleScore)) : t.dash, result] : [name, result];
      const row: IsrRow = def ? { cells, indicator: { index: def.level, count: levels.length, mode: 'level' } } : { cells };
      return row;
    });
    sections.push({
      type: 'table',
      heading: t.subScores.headings[headingKey],
      intro: t.subScores.intro[headingKey],
      lead: null,
      columns: withScale ? [t.subScores.area, t.subScores.scaleScore, t.subScores.result] : [t.subScores.area, t.subScores.result],
      rows,
      notes: [],
    });
  }
  return sections;
}

function isPurpose(value: string): value is WritingPurpose {
  return Object.hasOwn(WRITING_PURPOSES, value);
}
function isCategory(value: string): value is TraitCategory {
  return Object.hasOwn(TRAIT_CATEGORIES, value);
}

function traitsSection(t: ReportStrings, a: IsrAssessment, exam: IsrExam): IsrSection | null {
  if (exam.traits.length === 0) return null;
  // domain.md §Writing Trait Scores: summative trait scores exist only from 2020–21.
  if (a.type === 'sum' && a.schoolYear < TRAITS_FIRST_YEAR) return null;
  const purposeCode = exam.traits[0]?.purpose ?? '';
  const purpose = isPurpose(purposeCode) ? t.traits.purposes[purposeCode] : purposeCode;
  const order: TraitCategory[] = ['ORG', 'EVI', 'CON'];
  const traits = [...exam.traits].sort((x, y) => order.indexOf(x.category as TraitCategory) - order.indexOf(y.category as TraitCategory));
  const notes: string[] = [];
  const rows: IsrRow[] = traits.map((tr) => {
    const name = isCategory(tr.category) ? t.traits.categories[tr.category] : tr.category;
    const points = tr.score ?? 0;
    if (tr.conditionCode) {
      const why = t.traits.conditionCodes[tr.conditionCode.toUpperCase()];
      if (why && !notes.includes(why)) notes.push(why);
    }
    return { cells: [name, t.traits.ofMax(points, tr.maxScore)], indicator: { index: points, count: tr.maxScore, mode: 'points' } };
  });
  return {
    type: 'table',
    heading: t.traits.heading,
    intro: t.traits.intro,
    lead: `${t.traits.purpose}: ${purpose}`,
    columns: [t.traits.trait, t.traits.points],
    rows,
    notes: notes.length > 0 ? [t.traits.conditionIntro, ...notes] : [],
  };
}

function measureSection(t: ReportStrings, a: IsrAssessment, exam: IsrExam): IsrSection | null {
  if (exam.lexile !== null && (a.measureKind === 'lexile' || a.subject === 'ELA')) {
    const r = lexileRange(exam.lexile);
    const band = lexileGradeBand(gradeNumber(a.grade));
    return {
      type: 'measure',
      heading: t.measure.lexileHeading,
      value: formatLexile(exam.lexile),
      range: t.measure.range(formatLexile(r.low), formatLexile(r.high)),
      intro: t.measure.lexileIntro,
      reference: band ? t.measure.lexileBand(t.gradeLabel(a.grade), formatLexile(band.low), formatLexile(band.high)) : null,
    };
  }
  if (exam.quantile !== null && (a.measureKind === 'quantile' || a.subject === 'Math')) {
    const r = quantileRange(exam.quantile);
    return {
      type: 'measure',
      heading: t.measure.quantileHeading,
      value: formatQuantile(exam.quantile),
      range: t.measure.range(formatQuantile(r.low), formatQuantile(r.high)),
      intro: t.measure.quantileIntro,
      reference: null,
    };
  }
  return null;
}

function scoreWithBand(t: ReportStrings, score: number | null, sem: number | null): string {
  if (score === null) return t.dash;
  return sem === null ? String(round(score)) : `${round(score)} ${t.overall.bandText(round(sem))}`;
}

function historySection(t: ReportStrings, input: IsrSingleInput): IsrSection | null {
  const prior = input.history.filter((h) => h.schoolYear < input.assessment.schoolYear).sort((x, y) => y.schoolYear - x.schoolYear);
  if (prior.length === 0) return null;
  return {
    type: 'table',
    heading: t.history.heading,
    intro: t.history.intro,
    lead: null,
    columns: [t.history.schoolYear, t.history.grade, t.history.scaleScore, t.history.level, t.history.testDate],
    rows: prior.map((h) => {
      const def = h.level !== null ? h.levels.find((l) => l.level === h.level) : undefined;
      return {
        cells: [
          schoolYearLabel(h.schoolYear),
          t.gradeLabel(h.grade),
          scoreWithBand(t, h.scaleScore, h.scaleScoreSem),
          levelName(t, def) ?? t.dash,
          formatDate(h.completedAt, t.locale),
        ],
      };
    }),
    notes: [],
  };
}

function accommodationsSection(t: ReportStrings, exams: readonly IsrExam[]): IsrSection {
  const items = [...new Set(exams.flatMap((e) => e.accommodations))].sort((x, y) => x.localeCompare(y));
  return {
    type: 'list',
    heading: t.accommodations.heading,
    intro: items.length > 0 ? t.accommodations.intro : t.accommodations.none,
    items,
  };
}

function headerRows(t: ReportStrings, input: { student: IsrStudent; grade: string; schoolYear: number; exam: IsrExam | undefined }) {
  const e = input.exam;
  return [
    { label: t.header.student, value: studentDisplayName(input.student) },
    { label: t.header.ssid, value: input.student.ssid },
    { label: t.header.grade, value: t.gradeLabel(e?.enrolledGrade ?? input.grade) },
    { label: t.header.school, value: e?.schoolName ?? t.dash },
    { label: t.header.district, value: e?.districtName ?? t.dash },
    { label: t.header.schoolYear, value: schoolYearLabel(input.schoolYear) },
    { label: t.header.testDate, value: e ? formatDate(e.completedAt, t.locale) : t.dash },
  ];
}

function notesSection(t: ReportStrings, type: AssessmentType, hasBand: boolean): IsrSection {
  const paragraphs = [hasBand ? t.notes.errorBand : null, isInterim(type) ? t.notes.interim : t.notes.summative].filter(
    (p): p is string => p !== null,
  );
  return { type: 'notes', heading: t.notes.heading, paragraphs };
}

function buildSingle(t: ReportStrings, input: IsrSingleInput, options: IsrOptions): IsrModel {
  const a = input.assessment;
  const e = input.exam;
  const assessmentTitle = t.assessmentTitle({
    family: a.family,
    type: a.type,
    subject: subjectName(t, a.subject),
    gradeLabel: t.gradeLabel(a.grade),
  });
  const sections: IsrSection[] = [overallSection(t, a, e), ...subScoreSections(t, a, e)];
  const traits = a.hasTraits || e.traits.length > 0 ? traitsSection(t, a, e) : null;
  if (traits) sections.push(traits);
  const measure = measureSection(t, a, e);
  if (measure) sections.push(measure);
  const history = historySection(t, input);
  if (history) sections.push(history);
  if (options.includeAccommodations) sections.push(accommodationsSection(t, [e]));
  sections.push(notesSection(t, a.type, e.scaleScoreSem !== null));
  const studentName = studentDisplayName(input.student);
  return {
    language: options.language,
    title: `${t.reportTitle}: ${studentName} — ${assessmentTitle}, ${schoolYearLabel(a.schoolYear)}`,
    reportTitle: t.reportTitle,
    assessmentTitle,
    studentName,
    header: headerRows(t, { student: input.student, grade: a.grade, schoolYear: a.schoolYear, exam: e }),
    sections,
    footer: { text: t.notes.confidentiality, pageTemplate: t.pageTemplate },
  };
}

function buildBlocks(t: ReportStrings, input: IsrBlocksInput, options: IsrOptions): IsrModel {
  const blocks = [...input.blocks].sort((x, y) => x.assessment.label.localeCompare(y.assessment.label));
  const latest = blocks.map((b) => ({ assessment: b.assessment, exam: [...b.exams].sort((x, y) => +y.completedAt - +x.completedAt) }));
  const row = (a: IsrAssessment, e: IsrExam): IsrRow => {
    const levels = levelsOf(a);
    const n = overallLevel(a, e);
    const def = levels.find((l) => l.level === n);
    const base = {
      cells: [a.label, formatDate(e.completedAt, t.locale), levelName(t, def) ?? t.dash, scoreWithBand(t, e.scaleScore, e.scaleScoreSem)],
    };
    return def ? { ...base, indicator: { index: def.level, count: levels.length, mode: 'level' } } : base;
  };
  const current = latest.filter((b) => b.exam[0]).map((b) => row(b.assessment, b.exam[0] as IsrExam));
  const previous = latest.flatMap((b) => b.exam.slice(1).map((e) => row(b.assessment, e)));
  const columns = [t.blocks.block, t.blocks.date, t.blocks.category, t.blocks.scaleScore];
  const newest = latest
    .map((b) => b.exam[0])
    .filter((e): e is IsrExam => e !== undefined)
    .sort((x, y) => +y.completedAt - +x.completedAt)[0];
  const grade = blocks[0]?.assessment.grade ?? '';
  const family = blocks[0]?.assessment.family ?? 'SBAC';
  const assessmentTitle = t.assessmentTitle({
    family,
    type: input.type,
    subject: subjectName(t, input.subject),
    gradeLabel: t.gradeLabel(grade),
  });
  const sections: IsrSection[] = [
    { type: 'table', heading: t.blocks.current, intro: t.blocks.intro, lead: null, columns, rows: current, notes: [] },
  ];
  if (previous.length > 0)
    sections.push({ type: 'table', heading: t.blocks.previous, intro: null, lead: null, columns, rows: previous, notes: [] });
  if (options.includeAccommodations)
    sections.push(
      accommodationsSection(
        t,
        latest.flatMap((b) => b.exam),
      ),
    );
  sections.push({ type: 'notes', heading: t.notes.heading, paragraphs: [t.notes.errorBand, t.blocks.note] });
  const studentName = studentDisplayName(input.student);
  return {
    language: options.language,
    title: `${t.reportTitle}: ${studentName} — ${assessmentTitle}, ${schoolYearLabel(input.schoolYear)}`,
    reportTitle: t.reportTitle,
    assessmentTitle,
    studentName,
    header: headerRows(t, { student: input.student, grade, schoolYear: input.schoolYear, exam: newest }),
    sections,
    footer: { text: t.notes.confidentiality, pageTemplate: t.pageTemplate },
  };
}

/** Pure: one student's test data in, the printable view model out (STYLE.md §3.3). */
export function buildIsrModel(input: IsrInput, options: IsrOptions): IsrModel {
  const t = reportStrings(options.language);
  return input.kind === 'single' ? buildSingle(t, input, options) : buildBlocks(t, input, options);
}
