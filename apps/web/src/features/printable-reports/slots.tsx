import type { ReactNode } from 'react';
import { PrintableReportsHost, PrintStudentReportMenuItem, type PrintStudentTarget } from './print-student-report-menu-item';
import { PrintableReportsButton } from './printable-reports-button';
import type { PrintTarget } from './printable-reports-dialog';

/**
 * The renderers app/routes.tsx hands to the pages' Printable Reports slots: the student page and
 * Search by Student (renderPrintableReports), and the results pages (their header button plus the
 * "Print {Student}'s … Report" item of every student row menu; the row items' dialog host is
 * mounted with the header button, once per page).
 */
export function renderStudentPrintableReports(target: PrintTarget): ReactNode {
  return <PrintableReportsButton target={target} />;
}

export const RESULTS_PRINT_SLOTS = {
  renderPrintableReports: (target: PrintTarget & { schoolYear?: number | null }): ReactNode => (
    <>
      {/* ISRs print per school grade: a whole school's page offers them once a grade is chosen */}
      {(target.kind !== 'school' || target.grade) && (
        <PrintableReportsButton target={target} defaults={{ schoolYear: target.schoolYear ?? null }} />
      )}
      <PrintableReportsHost />
    </>
  ),
  renderStudentMenu: (target: PrintStudentTarget): ReactNode => <PrintStudentReportMenuItem target={target} />,
};
