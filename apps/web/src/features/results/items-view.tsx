import { pointsLabel } from '@cers/domain';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { AssessmentSummary, ItemResult, ItemsViewData } from '../../api/results';
import { type ColumnDef, DataTable } from './data-table';
import type { DisplayMode } from './results-url';

type StudentPoints = ItemsViewData['rows'][number];

export function ItemNumberLink({ number, onOpen }: { number: number; onOpen: () => void }) {
  return (
    <Anchor component="button" type="button" onClick={onOpen} aria-label={`Item ${number} details`}>
      {number}
    </Anchor>
  );
}

/**
 * Results by Item (cers-features.md §3.3): per item its claim, target, DOK, difficulty, max points,
 * full credit and the share earning each point value; then every student's points per item.
 * Selecting an item number opens the item detail tabs.
 */
export function ItemsView({
  assessment,
  data,
  display,
  onOpenItem,
}: {
  assessment: AssessmentSummary;
  data: ItemsViewData;
  display: DisplayMode;
  onOpenItem: (itemId: number) => void;
}) {
  const maxPoints = Math.max(0, ...data.items.map((i) => i.maxPoints));
  const pointColumns = Array.from({ length: maxPoints + 1 }, (_, p) => p).map<ColumnDef<ItemResult, unknown>>((p) => ({
    id: `pts-${p}`,
    header: pointsLabel(p),
    accessorFn: (r) => r.points.find((x) => x.points === p)?.count ?? -1,
    cell: ({ row }) => {
      const v = row.original.points.find((x) => x.points === p);
      if (!v || p > row.original.maxPoints) return '';
      return display === 'percent' ? `${v.percent}%` : v.count;
    },
  }));
  const itemColumns: ColumnDef<ItemResult, unknown>[] = [
    {
      id: 'number',
      header: 'Item #',
      accessorFn: (r) => r.number,
      cell: ({ row }) => <ItemNumberLink number={row.original.number} onOpen={() => onOpenItem(row.original.id)} />,
    },
    {
      id: 'claim',
      header: 'Claim / Target',
      accessorFn: (r) => `${r.claimName ?? ''} ${r.targetCode ?? ''}`,
      cell: ({ row }) => `${row.original.claimName ?? '-'}${row.original.targetCode ? ` / ${row.original.targetCode}` : ''}`,
    },
    { id: 'dok', header: 'DOK', accessorFn: (r) => r.dok ?? -1, cell: ({ row }) => row.original.dok ?? '-' },
    {
      id: 'difficulty',
      header: 'Item Difficulty',
      accessorFn: (r) => r.difficulty ?? '',
      cell: ({ row }) => row.original.difficulty ?? '-',
    },
    { id: 'standard', header: 'Standard', accessorFn: (r) => r.standard ?? '', cell: ({ row }) => row.original.standard ?? '-' },
    { id: 'max', header: 'Max Points', accessorFn: (r) => r.maxPoints },
    {
      id: 'average',
      header: 'Average',
      accessorFn: (r) => r.average ?? -1,
      cell: ({ row }) => (row.original.average === null ? '-' : `${row.original.average.toFixed(2)} (${row.original.averagePercent}%)`),
    },
    {
      id: 'full',
      header: 'Full Credit',
      accessorFn: (r) => r.fullCreditPercent ?? -1,
      cell: ({ row }) => {
        const full = row.original.points.find((x) => x.points === row.original.maxPoints);
        if (row.original.fullCreditPercent === null) return '-';
        return display === 'percent' ? `${row.original.fullCreditPercent}%` : (full?.count ?? 0);
      },
    },
    ...pointColumns,
  ];
  const studentColumns: ColumnDef<StudentPoints, unknown>[] = [
    { id: 'student', header: 'Student', accessorFn: (r) => r.name },
    ...data.items.map<ColumnDef<StudentPoints, unknown>>((item) => ({
      id: `item-${item.id}`,
      header: () => <ItemNumberLink number={item.number} onOpen={() => onOpenItem(item.id)} />,
      meta: { sortLabel: `item ${item.number}` },
      accessorFn: (r) => r.points[String(item.id)] ?? -1,
      cell: ({ row }) => {
        const v = row.original.points[String(item.id)];
        return v === null || v === undefined ? '-' : `${v}/${item.maxPoints}`;
      },
    })),
    { id: 'total', header: 'Total', accessorFn: (r) => r.total },
  ];
  if (data.items.length === 0) return <Text c="dimmed">No item results are available for this assessment.</Text>;
  return (
    <Stack>
      <DataTable
        data={data.items}
        columns={itemColumns}
        caption={`Results by Item: ${assessment.label}`}
        initialSort={[{ id: 'number', desc: false }]}
        testId="items-table"
      />
      <Title order={5}>Student Points by Item</Title>
      <DataTable
        data={data.rows}
        columns={studentColumns}
        caption={`Student points: ${assessment.label}`}
        initialSort={[{ id: 'student', desc: false }]}
        testId="item-students"
      />
    </Stack>
  );
}
