/**
 * Embargo (domain.md §Embargo, formats.md §11): summative results per (year, district, subject)
 * are Loading → Reviewing → Released. Interim results are never embargoed. No row = loading.
 */
export const EMBARGO_STATUSES = ['loading', 'reviewing', 'released'] as const;
export type EmbargoStatus = (typeof EMBARGO_STATUSES)[number];
export type ReportType = 'individual' | 'aggregate';

export function isEmbargoed(assessmentType: string, status: EmbargoStatus | undefined): boolean {
  if (assessmentType !== 'sum') return false;
  return status !== 'released';
}

/** Who sees an embargoed summative: reviewers of that district see Reviewing (and Loading) data. */
export function embargoVisible(status: EmbargoStatus | undefined, canReviewDistrict: boolean): boolean {
  if (status === 'released') return true;
  return canReviewDistrict;
}

/** Allowed transitions for district reviewers: reviewing ↔ released. Loading ↔ reviewing is for data loaders. */
export function canTransition(from: EmbargoStatus, to: EmbargoStatus, actor: 'reviewer' | 'loader'): boolean {
  if (from === to) return false;
  if (actor === 'reviewer') return (from === 'reviewing' && to === 'released') || (from === 'released' && to === 'reviewing');
  return (from === 'loading' && to === 'reviewing') || (from === 'reviewing' && to === 'loading');
}
