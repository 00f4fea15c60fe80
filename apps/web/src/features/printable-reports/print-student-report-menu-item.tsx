import { Menu } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { printStudentLabel } from './labels';
import { PrintableReportsDialog, type PrintDefaults, type PrintTarget } from './printable-reports-dialog';

/**
 * "Print {Student}'s Summative Report" for a student row's menu (results tables). A menu closes
 * when an item is chosen, so the dialog lives in PrintableReportsHost (mounted once per page,
 * next to the table) and the item only asks it to open.
 */
type Request = { target: PrintTarget; defaults: PrintDefaults };
let current: Request | null = null;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};
export function openPrintDialog(request: Request): void {
  current = request;
  emit();
}
function closePrintDialog(): void {
  current = null;
  emit();
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function PrintableReportsHost() {
  const request = useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
  if (!request) return null;
  return <PrintableReportsDialog opened onClose={closePrintDialog} target={request.target} defaults={request.defaults} />;
}

/** The row of a results table (features/results/student-menu.tsx ResultsStudentTarget fits). */
export type PrintStudentTarget = {
  studentId: number;
  displayName: string;
  shortName: string;
  assessmentType: string;
  subject: string;
  schoolYear: number;
};

export function PrintStudentReportMenuItem({ target }: { target: PrintStudentTarget }) {
  return (
    <Menu.Item
      onClick={() =>
        openPrintDialog({
          target: { kind: 'student', studentId: target.studentId, displayName: target.displayName },
          defaults: { schoolYear: target.schoolYear, assessmentType: target.assessmentType, subject: target.subject },
        })
      }
    >
      {printStudentLabel(target.shortName, target.assessmentType)}
    </Menu.Item>
  );
}
