import { Group, Table, UnstyledButton } from '@mantine/core';
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type RowData,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { type ReactNode, useRef, useState } from 'react';
import { ExportTableButton } from '../../components/export-table-button';

export type { ColumnDef } from '@tanstack/react-table';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    /**
     * The header is itself a control (e.g. an item number that opens the item): it is shown as is
     * and sorting gets its own button, named "Sort by {sortLabel}", beside it — never a control
     * inside the sort button (WCAG: nested-interactive).
     */
    sortLabel?: string;
  }
}

/**
 * Every results table: sortable by any column (TanStack Table), real table semantics, a caption,
 * sort buttons in the headers with aria-sort, so it works with a keyboard and a screen reader.
 */
export function DataTable<T>({
  data,
  columns,
  caption,
  initialSort,
  rowClassName,
  testId,
  exportName,
}: {
  data: T[];
  columns: ColumnDef<T, unknown>[];
  caption: ReactNode;
  initialSort?: SortingState;
  rowClassName?: (row: T) => string | undefined;
  testId?: string;
  /** Offer Export CSV of this table under this file name (tables outside a card's own Export CSV). */
  exportName?: string;
}) {
  const ref = useRef<HTMLTableElement>(null);
  const [sorting, setSorting] = useState<SortingState>(initialSort ?? []);
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    sortDescFirst: false,
  });
  return (
    <Table.ScrollContainer minWidth={500}>
      {exportName && (
        <Group justify="flex-end" mb={4}>
          <ExportTableButton table={ref} fileName={exportName} label={exportName} />
        </Group>
      )}
      <Table ref={ref} striped highlightOnHover withTableBorder captionSide="top" data-testid={testId}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          {table.getHeaderGroups().map((hg) => (
            <Table.Tr key={hg.id}>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const label = h.isPlaceholder ? null : flexRender(h.column.columnDef.header, h.getContext());
                return (
                  <Table.Th
                    key={h.id}
                    colSpan={h.colSpan}
                    scope="col"
                    aria-sort={
                      sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : h.column.getCanSort() ? 'none' : undefined
                    }
                  >
                    {h.column.getCanSort() && h.column.columnDef.meta?.sortLabel ? (
                      <>
                        {label}
                        <UnstyledButton
                          onClick={h.column.getToggleSortingHandler()}
                          className="cers-sort"
                          fz="sm"
                          fw={700}
                          aria-label={`Sort by ${h.column.columnDef.meta.sortLabel}`}
                        >
                          <span className="cers-sort-mark">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ↕'}</span>
                        </UnstyledButton>
                      </>
                    ) : h.column.getCanSort() ? (
                      <UnstyledButton onClick={h.column.getToggleSortingHandler()} className="cers-sort" fz="sm" fw={700}>
                        {label}
                        <span aria-hidden="true" className="cers-sort-mark">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ↕'}
                        </span>
                      </UnstyledButton>
                    ) : (
                      label
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row) => (
            <Table.Tr key={row.id} className={rowClassName?.(row.original)}>
              {row.getVisibleCells().map((cell) => (
                <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
