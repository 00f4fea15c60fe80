import { Button, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { PrintableReportsDialog, type PrintDefaults, type PrintTarget } from './printable-reports-dialog';

/**
 * The "Printable Reports" button: opens the dialog for a student, an assigned group, a My Group or
 * a school's grade. Mount it in the pages' slots, e.g.
 *   <StudentPage renderPrintableReports={(t) => <PrintableReportsButton target={t} />} />
 */
export function PrintableReportsButton({
  target,
  defaults,
  variant = 'default',
  size,
}: {
  target: PrintTarget;
  defaults?: PrintDefaults;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
}) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant={variant} size={size} onClick={() => setOpened(true)}>
        Printable Reports
      </Button>
      {opened && <PrintableReportsDialog opened={opened} onClose={() => setOpened(false)} target={target} defaults={defaults} />}
    </>
  );
}
