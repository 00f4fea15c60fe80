import { RESULTS_VIEW_LABELS, SCORE_TYPE_LABELS } from '@cers/domain';

/** What the audit log's action and view codes mean, in the words of the screens they come from. */
const ACTIONS: Record<string, string> = {
  'read-student-results': 'Viewed student results',
  'read-student': 'Viewed student results',
  'read-group-results': 'Viewed group or school results',
  'read-group': 'Viewed a group',
  'print-isr': 'Printed an Individual Student Report',
  'export-group-csv': 'Exported group results (CSV)',
  'download-report': 'Downloaded a report',
  'download-import-payload': 'Downloaded an imported file',
  export: 'Exported results (command line)',
};

const VIEWS: Record<string, string> = {
  'student-search': 'Search by Student (Student Results Cards)',
  'student-history': 'Student Test History',
  isr: 'Individual Student Report',
  'group-csv': 'Group results CSV',
  'import-payload': 'Raw import file',
  'item-detail': 'Item details',
  ...RESULTS_VIEW_LABELS,
  ...Object.fromEntries(Object.entries(SCORE_TYPE_LABELS).map(([k, v]) => [k, `Results by Student · ${v}`])),
};

const PLACES: Record<string, string> = { 'group-results': 'Group results', 'school-results': 'School/grade results' };

export function auditActionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

/** "group-results:claim" → "Group results · Results by Student · Claim"; unknown codes show as they are. */
export function auditViewLabel(view: string | null): string {
  if (!view) return '-';
  const [place, rest] = view.includes(':') ? (view.split(':', 2) as [string, string]) : [undefined, view];
  const what = VIEWS[rest] ?? rest;
  return place ? `${PLACES[place] ?? place} · ${what}` : what;
}
