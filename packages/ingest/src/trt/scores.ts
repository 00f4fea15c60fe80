import type { ExamScoreDraft, ExamTargetDraft, ExamTraitDraft } from '@cers/db';
import type { ErrorCollector } from '../statuses.js';
import type { TrtScore } from './model.js';
import type { RefAssessment } from './refs.js';
import { javaDouble, parseDecimal, parseInteger } from './values.js';

export type OverallScore = {
  scaleScore: number | null;
  sem: number | null;
  theta: number | null;
  thetaSem: number | null;
  level: number | null;
  lexile: number | null;
  quantile: number | null;
};

export type ScoreResult = {
  overall: OverallScore;
  scores: ExamScoreDraft[];
  targets: ExamTargetDraft[];
  traits: ExamTraitDraft[];
};

const RESIDUAL_LABELS: Record<string, 'srr' | 'smr'> = {
  StudentRelativeResidualScore: 'srr',
  Benchmark: 'srr',
  StandardMetRelativeResidualScore: 'smr',
  ProficiencyDelta: 'smr',
};

function standardError(s: TrtScore, element: string, errors: ErrorCollector): number | null {
  if (s.standardError.trim() === '') return null;
  const n = parseDecimal(s.standardError);
  if (!n.ok) {
    errors.add(`${element} StandardError`, s.standardError, n.error);
    return null;
  }
  if (n.value < 0) {
    errors.add(`${element} StandardError`, s.standardError, 'invalid value, must be a positive number');
    return null;
  }
  return n.value;
}

function scale(s: TrtScore, element: string, range: { min: number | null; max: number | null }, errors: ErrorCollector): number | null {
  const raw = s.value.trim();
  if (raw === '' || raw.toUpperCase() === 'NS') return null;
  const n = parseDecimal(raw);
  if (!n.ok) {
    errors.add(element, s.value, n.error);
    return null;
  }
  if (n.value === 0) return null; // unscored (formats.md §3.5)
  if (range.min !== null && range.max !== null && (n.value < range.min || n.value > range.max)) {
    errors.add(element, s.value, `invalid value, must be ${javaDouble(range.min)} - ${javaDouble(range.max)}`);
    return null;
  }
  return n.value;
}

function level(s: TrtScore, element: string, errors: ErrorCollector): number | null {
  if (s.value.trim() === '') return null;
  const n = parseInteger(s.value);
  if (!n.ok) {
    errors.add(element, s.value, n.error);
    return null;
  }
  if (n.value <= 0) {
    errors.add(element, s.value, 'invalid value, must be a positive number');
    return null;
  }
  return n.value;
}

function decimal(s: TrtScore, element: string, errors: ErrorCollector): number | null {
  if (s.value.trim() === '') return null;
  const n = parseDecimal(s.value);
  if (!n.ok) errors.add(element, s.value, n.error);
  return n.ok ? n.value : null;
}

/**
 * Score elements in RDW's dispatch order (formats.md §3.5): Overall, the assessment's sub-score
 * codes, "<claim>|<target>" residuals, exam-level writing traits; residual labels on anything else
 * are errors, other labels are ignored.
 */
export function readScores(input: readonly TrtScore[], asmt: RefAssessment, errors: ErrorCollector): ScoreResult {
  const overall: OverallScore = { scaleScore: null, sem: null, theta: null, thetaSem: null, level: null, lexile: null, quantile: null };
  const subs = new Map<string, ExamScoreDraft>();
  const targets = new Map<number, ExamTargetDraft>();
  const traits = new Map<string, ExamTraitDraft>();
  for (const s of input) {
    const label = s.measureLabel;
    if (s.measureOf === 'Overall') {
      const element = `Overall ${label}`;
      if (label === 'ScaleScore') {
        overall.scaleScore = scale(s, element, { min: asmt.minScore, max: asmt.maxScore }, errors);
        overall.sem = standardError(s, 'Overall ScaleScore', errors);
      } else if (label === 'ThetaScore') {
        overall.theta = decimal(s, element, errors);
        overall.thetaSem = standardError(s, 'Overall ThetaScore', errors);
      } else if (label === 'PerformanceLevel') {
        overall.level = level(s, element, errors);
      } else if (label === 'Lexile' || label === 'Quantile') {
        // CERS extension: Lexile/Quantile measures travel as Overall scores (docs/importing.md).
        const n = s.value.trim() === '' ? null : parseInteger(s.value);
        if (n && !n.ok) errors.add(element, s.value, n.error);
        else if (label === 'Lexile') overall.lexile = n ? n.value : null;
        else overall.quantile = n ? n.value : null;
      }
      continue;
    }
    const sub = asmt.scores.get(s.measureOf);
    if (sub) {
      const element = `${s.measureOf} ${label}`;
      const row = subs.get(sub.code) ?? { code: sub.code, kind: sub.kind, scaleScore: null, sem: null, level: null };
      if (label === 'ScaleScore') {
        row.scaleScore = scale(s, element, sub, errors);
        row.sem = standardError(s, element, errors);
      } else if (label === 'PerformanceLevel') {
        row.level = level(s, element, errors);
      } else continue;
      subs.set(sub.code, row);
      continue;
    }
    const residual = RESIDUAL_LABELS[label];
    const targetId = asmt.targets.get(s.measureOf);
    if (targetId !== undefined && residual) {
      const row = targets.get(targetId) ?? { targetId, studentRelativeResidual: null, standardMetRelativeResidual: null };
      const value = decimal(s, `${s.measureOf} ${label}`, errors);
      if (residual === 'srr') row.studentRelativeResidual = value;
      else row.standardMetRelativeResidual = value;
      targets.set(targetId, row);
      continue;
    }
    const trait = asmt.traits.get(s.measureOf);
    if (trait && label === 'RawScore') {
      const element = `${s.measureOf} ${label}`;
      const key = `${trait.purpose}|${trait.category}`;
      if (traits.has(key)) {
        errors.add(element, s.value, 'duplicate trait score');
        continue;
      }
      const n = parseInteger(s.value);
      if (!n.ok) errors.add(element, s.value, n.error);
      else if (n.value < 0 || n.value > trait.maxScore)
        errors.add(element, s.value, `invalid value, must be between 0 and ${trait.maxScore}`);
      else if (s.conditionCode !== undefined && s.conditionCode.length > 20)
        errors.add(element, s.conditionCode, 'string is too long, max length is 20');
      else {
        traits.set(key, {
          purpose: trait.purpose,
          category: trait.category,
          score: n.value,
          maxScore: trait.maxScore,
          conditionCode: s.conditionCode?.trim() || null,
        });
      }
      continue;
    }
    if (residual) errors.add(`scoreOf [${s.measureOf}] for label [${label}]`, s.value, 'unrecognizable score for the asmt');
  }
  return { overall, scores: [...subs.values()], targets: [...targets.values()], traits: [...traits.values()] };
}
