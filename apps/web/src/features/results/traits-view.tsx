import { pointsLabel } from '@cers/domain';
import { Anchor, Stack, Tabs, Text, Title } from '@mantine/core';
import type { AssessmentSummary, TraitRow, TraitSummary, TraitViewData } from '../../api/results';
import { type ColumnDef, DataTable } from './data-table';
import type { DisplayMode } from './results-url';

const fmt = (n: number | null, digits = 1) => (n === null ? '-' : n.toFixed(digits));

function PointsDistribution({ summaries, display, caption }: { summaries: TraitSummary[]; display: DisplayMode; caption: string }) {
  const steps = [...new Set(summaries.flatMap((s) => s.values.map((v) => v.points)))].sort((a, b) => a - b);
  const columns: ColumnDef<TraitSummary, unknown>[] = [
    { id: 'trait', header: 'Trait', accessorFn: (s) => s.name },
    {
      id: 'average',
      header: 'Average / Max',
      accessorFn: (s) => s.mean ?? -1,
      cell: ({ row }) => `${fmt(row.original.mean, 2)} / ${row.original.max}`,
    },
    ...steps.map<ColumnDef<TraitSummary, unknown>>((p) => ({
      id: `pts-${p}`,
      header: pointsLabel(p),
      accessorFn: (s) => s.values.find((x) => x.points === p)?.count ?? -1,
      cell: ({ row }) => {
        const v = row.original.values.find((x) => x.points === p);
        if (!v) return '';
        return display === 'percent' ? `${v.percent}%` : v.count;
      },
    })),
  ];
  return <DataTable data={summaries} columns={columns} caption={caption} testId="trait-distribution" />;
}

/**
 * Writing Trait Scores (cers-features.md §3.3, §5.5): per purpose the points distribution of each
 * trait with Transformed Points, then each student's purpose and trait scores. For interims with a
 * full-write item the student's name opens the item and the response.
 */
export function TraitsView({
  assessment,
  data,
  display,
  onOpenItem,
}: {
  assessment: AssessmentSummary;
  data: TraitViewData;
  display: DisplayMode;
  onOpenItem: (itemId: number, studentId: number) => void;
}) {
  if (data.rows.length === 0) {
    return <Text c="dimmed">No writing trait results are available for the student group and advanced filters selected.</Text>;
  }
  const columns: ColumnDef<TraitRow, unknown>[] = [
    {
      id: 'student',
      header: 'Student',
      accessorFn: (r) => r.name,
      cell: ({ row }) =>
        row.original.werItemId !== null ? (
          <Anchor component="button" type="button" onClick={() => onOpenItem(row.original.werItemId as number, row.original.studentId)}>
            {row.original.name}
          </Anchor>
        ) : (
          row.original.name
        ),
    },
    { id: 'purpose', header: 'Writing Purpose', accessorFn: (r) => r.purposeLabel ?? '-' },
    {
      id: 'org',
      header: 'Organization/Purpose',
      accessorFn: (r) => r.organization ?? -1,
      cell: ({ row }) => row.original.organization ?? '-',
    },
    { id: 'evi', header: 'Evidence/Elaboration', accessorFn: (r) => r.evidence ?? -1, cell: ({ row }) => row.original.evidence ?? '-' },
    { id: 'con', header: 'Conventions', accessorFn: (r) => r.conventions ?? -1, cell: ({ row }) => row.original.conventions ?? '-' },
    {
      id: 'transformed',
      header: 'Transformed Points',
      accessorFn: (r) => r.transformedPoints ?? -1,
      cell: ({ row }) => (row.original.transformedPoints === null ? '-' : row.original.transformedPoints),
    },
    {
      id: 'condition',
      header: 'Condition Code',
      accessorFn: (r) => r.conditionCode ?? '',
      cell: ({ row }) => row.original.conditionCode ?? '',
    },
  ];
  return (
    <Stack>
      <Tabs defaultValue="all" keepMounted={false}>
        <Tabs.List aria-label="Writing purpose">
          <Tabs.Tab value="all">All purposes</Tabs.Tab>
          {data.purposes.map((p) => (
            <Tabs.Tab key={p.purpose} value={p.purpose}>
              {p.label} ({p.students})
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="all" pt="sm">
          <PointsDistribution
            summaries={data.summaries}
            display={display}
            caption={`Points Distribution: ${assessment.label}, all purposes`}
          />
        </Tabs.Panel>
        {data.purposes.map((p) => (
          <Tabs.Panel key={p.purpose} value={p.purpose} pt="sm">
            <PointsDistribution summaries={p.summaries} display={display} caption={`Points Distribution: ${p.label}`} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <Text size="xs" c="dimmed">
        Transformed Points = Conventions + the mean of Organization/Purpose and Evidence/Elaboration (0–6).
      </Text>
      <Title order={5}>Writing Trait Scores by Student</Title>
      <DataTable
        data={data.rows}
        columns={columns}
        caption={`Writing Trait Scores: ${assessment.label}`}
        initialSort={[{ id: 'student', desc: false }]}
        testId="trait-students"
      />
    </Stack>
  );
}
