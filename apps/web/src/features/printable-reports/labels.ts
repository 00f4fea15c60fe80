import { type AssessmentType, SUBJECT_LABELS, type Subject, TYPE_LABELS, TYPE_SHORT_LABELS } from '@cers/domain';
import type { Report, ReportStatus } from '../../api/reports';

/** Labels of the Printable Reports dialog and My Reports (cers-features.md §3.6, §3.7). */
export const STATUS_LABELS: Record<ReportStatus, string> = {
  pending: 'Pending',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  no_results: 'No Results',
  expired: 'Expired',
};

export const SORT_ORDER_LABELS = { name: 'Student Name', ssid: 'SSID', score: 'Scale Score (highest first)' } as const;
export const LANGUAGE_LABELS = { en: 'English', es: 'Español (Spanish)' } as const;

export function assessmentTypeLabel(type: string | null): string {
  if (!type) return '-';
  return (TYPE_LABELS as Record<string, string>)[type] ?? type;
}
export function assessmentTypeShort(type: string): string {
  return (TYPE_SHORT_LABELS as Record<string, string>)[type] ?? type;
}
export function subjectLabel(subject: string | null): string {
  if (subject === null) return 'All Subjects';
  return SUBJECT_LABELS[subject as Subject] ?? subject;
}

export function reportTypeLabel(r: Pick<Report, 'kind' | 'targetType'>): string {
  if (r.kind === 'group-csv') return 'Results Data (CSV)';
  switch (r.targetType) {
    case 'student':
      return 'Student Report';
    case 'group':
    case 'userGroup':
      return 'Group Report';
    case 'schoolGrade':
      return 'School/Grade Report';
    default:
      return 'Report';
  }
}

/** "Print Maria's Summative Report" (row menus of results tables). */
export function printStudentLabel(shortName: string, type: string): string {
  const kind = type === 'iab' ? 'Full IAB' : assessmentTypeShort(type as AssessmentType);
  return `Print ${shortName}'s ${kind} Report`;
}
