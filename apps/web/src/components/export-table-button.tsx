import { Button } from '@mantine/core';
import type { RefObject } from 'react';
import { downloadCsv, tableRowsFromDom } from './csv';

/** Export CSV for one table: exactly what the table shows, in its current order (issue #8: every table exportable). */
export function ExportTableButton({
  table,
  fileName,
  label,
}: {
  table: RefObject<HTMLTableElement | null>;
  fileName: string;
  label: string;
}) {
  return (
    <Button
      variant="default"
      size="compact-xs"
      className="cers-no-print"
      aria-label={`Export CSV: ${label}`}
      onClick={() => {
        if (table.current) downloadCsv(fileName, tableRowsFromDom(table.current));
      }}
    >
      Export CSV
    </Button>
  );
}
