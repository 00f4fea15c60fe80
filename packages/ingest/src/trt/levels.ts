import { achievementLevel, threeLevelIndicator, threeLevelNumber } from '@cers/domain';
import type { RefAssessment, RefScore } from './refs.js';

/** The Standard Met cut of an assessment (lower bound of its standard level), if known. */
export function standardMetCut(asmt: RefAssessment): number | null {
  const level = asmt.standardCutLevel ?? 3;
  return asmt.cutScores[level - 2] ?? null;
}

/**
 * Level the cut scores give for an overall scale score (domain.md): interim blocks are reported in
 * three levels against the Standard Met cut (needs the SEM); other tests use the cuts directly.
 */
export function overallLevelFromCuts(asmt: RefAssessment, score: number, sem: number | null): number | null {
  if (asmt.type === 'iab' || asmt.type === 'fiab') {
    const cut = standardMetCut(asmt);
    if (cut === null || sem === null) return null;
    return threeLevelNumber(threeLevelIndicator(score, sem, cut));
  }
  if (asmt.cutScores.length === 0) return null;
  return achievementLevel(score, asmt.cutScores);
}

/**
 * Sub-scores with their own cuts (ELPAC composites, alt scores) use them; claims and composites
 * without cuts are three-level indicators against the overall Standard Met cut.
 */
export function subLevelFromCuts(asmt: RefAssessment, sub: RefScore, score: number, sem: number | null): number | null {
  if (sub.cuts.length > 0) return achievementLevel(score, sub.cuts);
  if (sub.kind !== 'claim' && sub.kind !== 'composite') return null;
  const cut = standardMetCut(asmt);
  if (cut === null || sem === null) return null;
  return threeLevelNumber(threeLevelIndicator(score, sem, cut));
}
