/**
 * One student's exams in one school year (pure): summatives by family and grade, the interims the
 * student's class took, ELPAC while an English learner, CAA instead of Smarter Balanced for students
 * with significant cognitive disabilities. Attributes as of the exam travel on the exam.
 */
import { gradeCode, type WritingPurpose } from '@cers/domain';
import { type AssessmentSpec, CAST_GRADES, SB_GRADES, standardCut } from './catalog/assessments.js';
import type { Catalog } from './catalog/catalog.js';
import { type ItemSpec, itemResponse } from './catalog/items.js';
import { writingPurposes } from './catalog/items-ela.js';
import { abilityIn, bandOf, elasIn, elasStartDate, englishIn, enrolled, gradeIn, type StudentPlan } from './population.js';
import { type Rng, rngFor } from './random.js';
import {
  itemPoints,
  lexileFor,
  overallScore,
  quantileFor,
  type Scored,
  type SubScore,
  subScores,
  type TargetResidual,
  type Traits,
  targetResiduals,
  traitScores,
} from './scores.js';
import { type GroupPlan, sectionFor, type World } from './world.js';

export type ExamAttributes = {
  enrolledGrade: string;
  gender: string;
  ethnicities: readonly string[];
  elas: string;
  elasStartDate: string;
  lep: boolean;
  iep: boolean;
  section504: boolean;
  economicDisadvantage: boolean;
  migrant: boolean;
  militaryConnected: string;
  languageCode: string;
  primaryDisability: string | null;
};

export type ExamItemPlan = {
  item: ItemSpec;
  points: number;
  response: string;
  administeredAt: string;
  submittedAt: string;
  numberVisits: number;
  responseDuration: number;
  traits: Traits | null;
};

export type ExamPlan = {
  studentIndex: number;
  schoolIndex: number;
  assessment: AssessmentSpec;
  opportunityId: string;
  sessionId: string;
  startedAt: string;
  completedAt: string;
  administrationCondition: 'Valid' | 'SD' | 'NS' | 'IN';
  completeness: 'Complete' | 'Partial';
  overall: Scored;
  scores: readonly SubScore[];
  lexile: number | null;
  quantile: number | null;
  targets: readonly TargetResidual[];
  traits: Traits | null;
  items: readonly ExamItemPlan[];
  attributes: ExamAttributes;
  accommodations: readonly string[];
};

export type ExamContext = {
  seed: number;
  catalog: Catalog;
  world: World;
  /** Share of sections that give an ICA, and how many IABs they give (1..maxBlocks). */
  interims: { icaRate: number; maxBlocks: number; fiabRate: number };
  /** Student indices that always test (the sandbox SSIDs). */
  alwaysTest: ReadonlySet<number>;
  /** Group keys whose classes take every kind of interim. */
  fullSections: ReadonlySet<string>;
};

const DAY = 86_400_000;

/** A timestamp on a school day between two dates of a school year, during school hours (UTC). */
export function schoolDay(rng: Rng, from: number, to: number): number {
  let t = from + rng.int(0, Math.max(0, Math.round((to - from) / DAY))) * DAY;
  const weekday = new Date(t).getUTCDay();
  if (weekday === 0) t += DAY;
  if (weekday === 6) t += 2 * DAY;
  return t + (15 + rng.int(0, 6)) * 3_600_000 + rng.int(0, 59) * 60_000;
}

function iso(t: number): string {
  return new Date(t).toISOString();
}

function primaryDisability(s: StudentPlan): string | null {
  if (!s.iep) return null;
  if (s.alternate) return 'ID';
  return ['SLD', 'SLI', 'AUT', 'OHI'][s.index % 4] ?? 'SLD';
}

function attributesOf(s: StudentPlan, year: number): ExamAttributes {
  const elas = elasIn(s, year);
  return {
    enrolledGrade: gradeCode(gradeIn(s, year)),
    gender: s.gender,
    ethnicities: s.ethnicities,
    elas,
    elasStartDate: elasStartDate(s, year),
    lep: elas === 'EL',
    iep: s.iep,
    section504: s.section504,
    economicDisadvantage: s.economicDisadvantage,
    migrant: s.migrant,
    militaryConnected: s.militaryConnected,
    languageCode: s.languageCode,
    primaryDisability: primaryDisability(s),
  };
}

type Window = { from: number; to: number };

function windowOf(a: AssessmentSpec): Window {
  const y = a.schoolYear;
  if (a.type === 'ica') return { from: Date.UTC(y, 0, 8), to: Date.UTC(y, 1, 27) };
  if (a.type !== 'sum') return { from: Date.UTC(y - 1, 9, 1), to: Date.UTC(y, 2, 31) };
  switch (a.family) {
    case 'ELPAC':
    case 'AELPAC':
      return { from: Date.UTC(y, 1, 3), to: Date.UTC(y, 3, 28) };
    case 'CAA':
      return { from: Date.UTC(y, 2, 10), to: Date.UTC(y, 4, 15) };
    default:
      return { from: Date.UTC(y, 3, 13), to: Date.UTC(y, 4, 29) };
  }
}

function sessionCode(rng: Rng): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  return `${letters[rng.int(0, 22)]}${letters[rng.int(0, 22)]}${letters[rng.int(0, 22)]}-${rng.int(1000, 9999)}`;
}

type Administration = { assessment: AssessmentSpec; date: number; sessionId: string };

/** The interims a class gave in a year: the same forms on the same days for every student. */
export function sectionInterims(
  ctx: ExamContext,
  group: GroupPlan,
  subject: 'ELA' | 'Math',
  grade: number,
  year: number,
): Administration[] {
  const testGrade = grade >= 3 && grade <= 8 ? grade : grade >= 9 && grade <= 11 ? 11 : 0;
  if (testGrade === 0) return [];
  const rng = rngFor(ctx.seed, 'interims', group.key, subject);
  const full = ctx.fullSections.has(group.key);
  const chosen: AssessmentSpec[] = [];
  const ica = ctx.catalog.find('SBAC', subject, 'ica', testGrade, year);
  if (ica && (grade === testGrade || grade === 11) && (full || rng.bool(ctx.interims.icaRate))) chosen.push(ica);
  const blocks = ctx.catalog.blocks(subject, 'iab', testGrade, year);
  chosen.push(...rng.sample(blocks, full ? Math.max(3, ctx.interims.maxBlocks) : rng.int(1, ctx.interims.maxBlocks)));
  const fiabs = ctx.catalog.blocks(subject, 'fiab', testGrade, year);
  if (fiabs.length > 0 && (full || rng.bool(ctx.interims.fiabRate))) chosen.push(rng.pick(fiabs));
  return chosen.map((assessment) => {
    const w = windowOf(assessment);
    return { assessment, date: schoolDay(rng, w.from, w.to), sessionId: sessionCode(rng) };
  });
}

function summatives(ctx: ExamContext, s: StudentPlan, year: number, grade: number): AssessmentSpec[] {
  const c = ctx.catalog;
  const out: (AssessmentSpec | undefined)[] = [];
  const el = elasIn(s, year) === 'EL';
  if (s.alternate) {
    if (SB_GRADES.includes(grade)) out.push(c.find('CAA', 'ELA', 'sum', grade, year), c.find('CAA', 'Math', 'sum', grade, year));
    if (CAST_GRADES.includes(grade)) out.push(c.find('CAA', 'Science', 'sum', grade, year));
    if (el) out.push(c.find('AELPAC', 'ELPAC', 'sum', grade, year));
    return out.filter((a): a is AssessmentSpec => a !== undefined);
  }
  if (SB_GRADES.includes(grade)) out.push(c.find('SBAC', 'ELA', 'sum', grade, year), c.find('SBAC', 'Math', 'sum', grade, year));
  if (CAST_GRADES.includes(grade)) out.push(c.find('CAST', 'Science', 'sum', grade, year));
  if (el) out.push(c.find('ELPAC', 'ELPAC', 'sum', grade, year));
  if (s.spanishAssessment && SB_GRADES.includes(grade)) out.push(c.find('CSA', 'Spanish', 'sum', grade, year));
  return out.filter((a): a is AssessmentSpec => a !== undefined);
}

function abilityFor(ctx: ExamContext, s: StudentPlan, a: AssessmentSpec, year: number): number {
  switch (a.family) {
    case 'ELPAC':
    case 'AELPAC':
      return englishIn(s, year, rngFor(ctx.seed, 'english', s.index, year).normal(0, 0.25));
    case 'CAA':
      return abilityIn(s, a.subject === 'Math' ? 'Math' : a.subject === 'Science' ? 'Science' : 'ELA', year, ctx.seed) + 0.9;
    case 'CSA':
      return abilityIn(s, 'Spanish', year, ctx.seed);
    case 'CAST':
      return abilityIn(s, 'Science', year, ctx.seed);
    default:
      return abilityIn(s, a.subject === 'Math' ? 'Math' : 'ELA', year, ctx.seed);
  }
}

function examItems(
  a: AssessmentSpec,
  overall: Scored,
  z: number,
  started: number,
  rng: Rng,
): { items: ExamItemPlan[]; traits: Traits | null } {
  const theta = (overall.scaleScore - standardCut(a)) / 85 + 0.25;
  let t = started;
  let traits: Traits | null = null;
  const items = a.items.map((item) => {
    let points: number;
    let itemTraits: Traits | null = null;
    if (item.format === 'WER') {
      itemTraits = traitScores((item.writingPurpose ?? 'ARGU') as WritingPurpose, z, a.schoolYear, rng);
      traits = itemTraits;
      points = itemTraits.con + Math.round((itemTraits.org + itemTraits.evi) / 2);
    } else {
      points = itemPoints(theta, item.difficulty, item.maxPoints, rng);
    }
    const duration = Math.round((item.format === 'WER' ? rng.int(1500, 3600) : rng.int(25, item.maxPoints > 1 ? 420 : 150)) * 10) / 10;
    const administeredAt = t;
    t += duration * 1000 + rng.int(5, 40) * 1000;
    return {
      item,
      points,
      response: itemResponse(item, points, rng),
      administeredAt: iso(administeredAt),
      submittedAt: iso(t),
      numberVisits: rng.int(1, 3),
      responseDuration: duration,
      traits: itemTraits,
    };
  });
  return { items, traits };
}

function planExam(ctx: ExamContext, s: StudentPlan, schoolIndex: number, year: number, adm: Administration, ordinal: number): ExamPlan {
  const a = adm.assessment;
  const rng = rngFor(ctx.seed, 'exam', s.index, a.naturalId);
  const z = abilityFor(ctx, s, a, year);
  const overall = overallScore(a, z, rng);
  const started = adm.date + (a.type === 'sum' ? 0 : rng.int(0, 3) * DAY);
  const { items, traits: itemTraits } = a.items.length > 0 ? examItems(a, overall, z, started, rng) : { items: [], traits: null };
  let traits = itemTraits;
  if (a.rules.hasTraits && a.type === 'sum') traits = traitScores(rng.pick(writingPurposes(a.grade)), z, year, rng);
  const minutes = a.type === 'sum' ? rng.int(70, 210) : a.type === 'ica' ? rng.int(60, 150) : rng.int(20, 60);
  const completed = items.length > 0 ? Date.parse((items[items.length - 1] as ExamItemPlan).submittedAt) : started + minutes * 60_000;
  const interim = a.type !== 'sum';
  return {
    studentIndex: s.index,
    schoolIndex,
    assessment: a,
    opportunityId: `${year}${String(s.index).padStart(7, '0')}${String(ordinal).padStart(2, '0')}`,
    sessionId: adm.sessionId,
    startedAt: iso(started),
    completedAt: iso(completed),
    administrationCondition: interim ? (rng.bool(0.85) ? 'SD' : 'NS') : rng.bool(0.004) ? 'IN' : 'Valid',
    completeness: rng.bool(0.97) ? 'Complete' : 'Partial',
    overall,
    scores: subScores(a, overall, rng),
    lexile: a.rules.measureKind === 'lexile' ? lexileFor(overall.scaleScore) : null,
    quantile: a.rules.measureKind === 'quantile' ? quantileFor(overall.scaleScore) : null,
    targets: a.rules.hasTargets ? targetResiduals(a, overall, rng) : [],
    traits,
    items,
    attributes: attributesOf(s, year),
    accommodations: a.type === 'sum' || a.type === 'ica' ? s.accommodations : [],
  };
}

/** Every exam of one student in one school year, in a stable order. */
export function studentYearExams(ctx: ExamContext, s: StudentPlan, year: number): ExamPlan[] {
  if (!enrolled(s, year)) return [];
  const grade = gradeIn(s, year);
  const schoolIndex = s.schools[bandOf(grade)];
  const always = ctx.alwaysTest.has(s.index);
  const rng = rngFor(ctx.seed, 'participation', s.index, year);
  const administrations: Administration[] = [];
  const sumRng = rngFor(ctx.seed, 'summative-session', schoolIndex, grade, year);
  const sessionId = sessionCode(sumRng);
  for (const assessment of summatives(ctx, s, year, grade)) {
    if (!always && rng.bool(0.025)) continue; // absent for the whole window
    const w = windowOf(assessment);
    administrations.push({
      assessment,
      date: schoolDay(rngFor(ctx.seed, 'sum-date', s.index, assessment.naturalId), w.from, w.to),
      sessionId,
    });
  }
  if (!s.alternate) {
    for (const subject of ['ELA', 'Math'] as const) {
      const group = sectionFor(ctx.world, s.index, year, subject);
      if (!group) continue;
      for (const adm of sectionInterims(ctx, group, subject, grade, year)) {
        if (always || rng.bool(0.92)) administrations.push(adm);
      }
    }
  }
  return administrations.map((adm, i) => planExam(ctx, s, schoolIndex, year, adm, i + 1));
}
