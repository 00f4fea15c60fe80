/**
 * The Results by Student drop-down views (cers-features.md §3.3 item 6): read with the scoped
 * queries, shaped with @cers/domain rules. Each returns the rows it showed so the route can audit.
 */
import {
  type AssessmentMeta,
  type CersDb,
  itemPointMoments,
  listAssessmentItems,
  listMeasures,
  listStudentItemPoints,
  listStudentResults,
  listTraitScores,
  selectedResponseCounts,
  TARGET_SUBGROUPS,
  type TargetSubgroup,
  targetMoments,
} from '@cers/db';
import {
  claimName,
  distractorShares,
  ELAS_CODES,
  ETHNICITIES,
  errorBand,
  formatLexile,
  formatQuantile,
  GENDERS,
  gradeLabel,
  isSelectedResponse,
  itemDifficulty,
  lexileBandForGrade,
  lexileRange,
  MILITARY_CODES,
  measurePosition,
  measureSpread,
  optionLetters,
  parseChoices,
  pointsDistribution,
  quantileRange,
  type ScoreType,
  TARGET_RESULT_LABELS,
  TRAIT_CATEGORIES,
  targetClaimReported,
  targetRelativeToStandardFromMoments,
  targetRelativeToTestFromMoments,
  targetReportBanner,
  traitSummaries,
  transformedPoints,
  WRITING_PURPOSES,
} from '@cers/domain';
import type { ResolvedPopulation } from './population.js';
import { overallLevelDefs, statusLabel, studentName, subScoreDef, subScoreDefs } from './present.js';
import type { ViewResponse } from './results.schema.js';

/**
 * onStudents is called as soon as the student rows are read, so the route can write the audit
 * rows while the view is being shaped (the audit is awaited before the answer leaves).
 */
type Ctx = { cers: CersDb; p: ResolvedPopulation; a: AssessmentMeta; onStudents: (studentIds: number[]) => void };
export type ViewResult = { body: ViewResponse };

export async function studentView({ cers, p, a, onStudents }: Ctx, scoreType: ScoreType): Promise<ViewResult> {
  const kind = scoreType === 'overall' ? null : scoreType;
  const rows = await listStudentResults(cers.db, p.ref, p.access, a.id, kind);
  onStudents(rows.map((r) => r.studentId));
  const levels = overallLevelDefs(a);
  const defs = kind ? subScoreDefs(a, kind) : [];
  const codes = new Set(defs.map((d) => d.code));
  for (const r of rows) for (const s of r.scores) codes.add(s.code);
  const subScores = kind ? [...codes].map((code) => subScoreDef(defs, a, code, kind)) : [];
  return {
    body: {
      view: 'student',
      scoreType,
      levels: [...levels],
      subScores: subScores.map((d) => ({ code: d.code, name: d.name, levels: [...d.levels] })),
      rows: rows.map((r) => {
        const band =
          r.scaleScore !== null && r.scaleScoreSem !== null ? errorBand(r.scaleScore, r.scaleScoreSem, a.minScore, a.maxScore) : null;
        return {
          examId: r.examId,
          studentId: r.studentId,
          ssid: r.ssid,
          name: studentName(r),
          firstName: r.firstName,
          lastName: r.lastName,
          accommodations: r.accommodations ?? [],
          completedAt: new Date(r.completedAt).toISOString(),
          sessionId: r.sessionId,
          enrolledGrade: r.enrolledGrade,
          schoolId: r.schoolId,
          schoolName: r.schoolName,
          testedElsewhere: p.population.schoolId !== null && r.schoolId !== p.population.schoolId,
          status: statusLabel(r.administrationCondition, r.completeness),
          level: r.achievementLevel,
          scaleScore: r.scaleScore,
          standardError: r.scaleScoreSem,
          errorBandMin: band ? band.low : null,
          errorBandMax: band ? band.high : null,
          scores: r.scores.map((s) => ({
            code: s.code,
            scaleScore: s.scaleScore,
            standardError: s.sem,
            level: s.level,
          })),
        };
      }),
    },
  };
}

export async function traitView({ cers, p, a, onStudents }: Ctx): Promise<ViewResult> {
  const rows = await listTraitScores(cers.db, p.ref, p.access, a.id);
  onStudents(rows.map((r) => r.studentId));
  const label = (purpose: string | null) =>
    purpose && purpose in WRITING_PURPOSES ? WRITING_PURPOSES[purpose as keyof typeof WRITING_PURPOSES] : purpose;
  const purposes = [...new Set(rows.map((r) => r.purpose).filter((x): x is string => x !== null))].sort();
  return {
    body: {
      view: 'writing-traits',
      summaries: traitSummaries(rows),
      purposes: purposes.map((purpose) => {
        const of = rows.filter((r) => r.purpose === purpose);
        return { purpose, label: label(purpose) ?? purpose, students: of.length, summaries: traitSummaries(of) };
      }),
      rows: rows.map((r) => ({
        examId: r.examId,
        studentId: r.studentId,
        ssid: r.ssid,
        name: studentName(r),
        purpose: r.purpose,
        purposeLabel: label(r.purpose),
        organization: r.org,
        evidence: r.evi,
        conventions: r.con,
        transformedPoints: r.org !== null && r.evi !== null && r.con !== null ? transformedPoints(r.org, r.evi, r.con) : null,
        conditionCode: r.conditionCode,
        werItemId: r.werItemId,
      })),
    },
  };
}

const SUBGROUP_LABELS: Record<string, Record<string, string>> = {
  gender: GENDERS,
  ethnicity: ETHNICITIES,
  elas: ELAS_CODES,
  militaryConnected: MILITARY_CODES,
};

export async function targetView({ cers, p, a }: Ctx, dimension: TargetSubgroup): Promise<ViewResult> {
  const dim = (TARGET_SUBGROUPS as readonly string[]).includes(dimension) ? dimension : 'overall';
  const overall = await targetMoments(cers.db, p.ref, p.access, a.id, 'overall');
  const studentsTested = overall.subgroups.reduce((s, g) => s + g.studentsTested, 0);
  const banner = targetReportBanner(studentsTested);
  const data = dim === 'overall' ? overall : await targetMoments(cers.db, p.ref, p.access, a.id, dim);
  const labelOf = (v: string) => SUBGROUP_LABELS[dim]?.[v] ?? v;
  const tested = new Map(data.subgroups.map((g) => [g.subgroup, g.studentsTested]));
  const rows =
    banner.rule === 'hidden'
      ? []
      : data.targets
          .filter((t) => targetClaimReported(a.subject, t.claimCode))
          .map((t) => {
            const test = targetRelativeToTestFromMoments({ n: t.nTest, mean: t.meanTest, sampleSd: t.sdTest });
            const std = targetRelativeToStandardFromMoments({ n: t.nStandard, mean: t.meanStandard, sampleSd: t.sdStandard });
            const cell = (c: typeof test | typeof std) => {
              const result = t.includedInReport ? c.result : 'excluded';
              return { result, label: TARGET_RESULT_LABELS[result], mean: c.mean, standardError: c.standardError };
            };
            return {
              claimCode: t.claimCode,
              claimName: claimName(a.subject, t.claimCode),
              targetId: t.targetId,
              targetCode: t.targetCode,
              targetName: t.targetName,
              description: t.description,
              subgroup: t.subgroup,
              subgroupLabel: labelOf(t.subgroup),
              studentsTested: tested.get(t.subgroup) ?? t.nTest,
              excluded: !t.includedInReport,
              relativeToTest: cell(test),
              relativeToStandard: cell(std),
            };
          });
  return {
    body: {
      view: 'targets',
      studentsTested,
      rule: banner.rule,
      message: banner.message,
      mathConceptsOnly: a.subject === 'Math',
      subgroupDimension: dim,
      subgroups: data.subgroups.map((g) => ({ value: g.subgroup, label: labelOf(g.subgroup), studentsTested: g.studentsTested })),
      rows,
    },
  };
}

export async function measureView({ cers, p, a, onStudents }: Ctx, kind: 'lexile' | 'quantile'): Promise<ViewResult> {
  const rows = await listMeasures(cers.db, p.ref, p.access, a.id, kind);
  onStudents(rows.map((r) => r.studentId));
  const format = kind === 'lexile' ? formatLexile : formatQuantile;
  const range = kind === 'lexile' ? lexileRange : quantileRange;
  const band = kind === 'lexile' ? (lexileBandForGrade(a.grade) ?? null) : null;
  const values = rows.map((r) => r.measure).filter((v): v is number => v !== null);
  const spread = measureSpread(values, band);
  const f = (v: number | null) => (v === null ? null : format(v));
  const levels = overallLevelDefs(a);
  return {
    body: {
      view: kind,
      levels: [...levels],
      band,
      bandLabel: band
        ? `${gradeLabel(a.grade)} college-and-career-readiness stretch band (reference, our addition): ${format(band.low)}–${format(band.high)}`
        : null,
      spread: {
        n: spread.n,
        min: f(spread.min),
        max: f(spread.max),
        median: f(spread.median),
        lowerQuartile: f(spread.lowerQuartile),
        upperQuartile: f(spread.upperQuartile),
        below: spread.below,
        within: spread.within,
        above: spread.above,
      },
      rows: rows.map((r) => {
        const rg = r.measure === null ? null : range(r.measure);
        return {
          examId: r.examId,
          studentId: r.studentId,
          ssid: r.ssid,
          name: studentName(r),
          enrolledGrade: r.enrolledGrade,
          scaleScore: r.scaleScore,
          level: r.achievementLevel,
          measure: r.measure,
          formatted: f(r.measure),
          range: rg ? `${format(rg.low)}–${format(rg.high)}` : null,
          position: r.measure !== null && band ? measurePosition(r.measure, band) : null,
        };
      }),
    },
  };
}

type ItemRowLike = Awaited<ReturnType<typeof listAssessmentItems>>[number];

export function itemSummary(a: Pick<AssessmentMeta, 'subject' | 'grade'>, item: ItemRowLike, index: number) {
  return {
    id: item.id,
    number: item.position ?? index + 1,
    naturalId: item.naturalId,
    format: item.format,
    claimCode: item.claimCode,
    claimName: item.claimCode ? claimName(a.subject, item.claimCode) : null,
    targetCode: item.targetCode,
    targetName: item.targetName,
    standard: item.standard,
    dok: item.dok,
    difficulty: itemDifficulty(a.subject, Number(a.grade), item.difficulty) ?? null,
    maxPoints: item.maxPoints,
    answerKey: item.answerKey,
  };
}

export async function itemsView({ cers, p, a, onStudents }: Ctx): Promise<ViewResult> {
  const [items, moments, students] = await Promise.all([
    listAssessmentItems(cers.db, a.id),
    itemPointMoments(cers.db, p.ref, p.access, a.id),
    listStudentItemPoints(cers.db, p.ref, p.access, a.id),
  ]);
  onStudents(students.map((s) => s.studentId));
  return {
    body: {
      view: 'items',
      items: items.map((item, i) => {
        const own = moments.filter((m) => m.itemId === item.id);
        const total = own.find((m) => m.isTotal);
        const dist = pointsDistribution(
          item.maxPoints,
          own.filter((m) => !m.isTotal && m.points !== null).map((m) => ({ points: m.points as number, count: m.n })),
        );
        const average = total?.mean ?? null;
        return {
          ...itemSummary(a, item, i),
          scored: total?.n ?? 0,
          average,
          averagePercent: average === null || item.maxPoints === 0 ? null : Math.round((average * 100) / item.maxPoints),
          fullCreditPercent: dist.fullCreditPercent,
          points: dist.values,
        };
      }),
      rows: students.map((s) => {
        const points: Record<string, number | null> = {};
        let total = 0;
        for (const pt of s.points) {
          points[String(pt.itemId)] = pt.score;
          total += pt.score ?? 0;
        }
        return { examId: s.examId, studentId: s.studentId, ssid: s.ssid, name: studentName(s), points, total };
      }),
    },
  };
}

export async function distractorView({ cers, p, a }: Ctx): Promise<ViewResult> {
  const [items, counts] = await Promise.all([listAssessmentItems(cers.db, a.id), selectedResponseCounts(cers.db, p.ref, p.access, a.id)]);
  return {
    body: {
      view: 'distractors',
      items: items
        .map((item, i) => ({ item, i }))
        .filter(({ item }) => isSelectedResponse(item.format))
        .map(({ item, i }) => {
          const own = counts.filter((c) => c.itemId === item.id);
          const responders = own.find((c) => c.isTotal)?.n ?? 0;
          const options = Array.isArray(item.options)
            ? (item.options as { key: string }[]).filter((o) => typeof o?.key === 'string')
            : null;
          const letters = optionLetters(item.optionCount, options);
          for (const k of parseChoices(item.answerKey)) if (!letters.includes(k)) letters.push(k);
          const byOption = new Map(own.filter((c) => !c.isTotal && c.option !== null).map((c) => [c.option as string, c.n]));
          return { ...itemSummary(a, item, i), responders, options: distractorShares(letters, byOption, responders, item.answerKey) };
        }),
    },
  };
}

/** Trait names for column headers (shared with the web through the response). */
export const TRAIT_NAMES = {
  organization: TRAIT_CATEGORIES.ORG.name,
  evidence: TRAIT_CATEGORIES.EVI.name,
  conventions: TRAIT_CATEGORIES.CON.name,
};
