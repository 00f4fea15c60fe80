import type { ReactNode } from 'react';

/**
 * The slot where the Printable Reports dialog (apps/web/src/features/printable-reports/…) mounts
 * its button on the Search by Student results and on the Student Test History page. The
 * printable-reports feature passes a renderer, e.g. in app/routes.tsx:
 *   <StudentPage renderPrintableReports={(t) => <PrintableReportsButton target={t} />} />
 * and on the home page:
 *   <SearchByStudent renderPrintableReports={(t) => <PrintableReportsButton target={t} />} />
 */
export type PrintableReportsTarget = {
  kind: 'student';
  studentId: number;
  ssid: string;
  /** "Last, First" — the default report name. */
  displayName: string;
  /** School years with visible results, most recent first (for the dialog's School Year menu). */
  schoolYears: number[];
};

export type RenderPrintableReports = (target: PrintableReportsTarget) => ReactNode;
