import { gradeLabel } from '@cers/domain';
import { Group, Stack, Text } from '@mantine/core';
import { type AssessmentSummary, findLevel, type MeasureRow, type MeasureViewData } from '../../api/results';
import { type ColumnDef, DataTable } from './data-table';
import { LevelCell } from './student-view';

const POSITION: Record<string, string> = { below: 'Below band', within: 'Within band', above: 'Above band' };

/**
 * Lexile Report (ELA) / Quantile Report (Math): each student's measure and range (BR/EM rules from
 * @cers/domain, applied on the server), against the grade's reference band, and the group's spread.
 */
export function MeasureView({ assessment, data }: { assessment: AssessmentSummary; data: MeasureViewData }) {
  const name = data.view === 'lexile' ? 'Lexile' : 'Quantile';
  const columns: ColumnDef<MeasureRow, unknown>[] = [
    { id: 'student', header: 'Student', accessorFn: (r) => r.name },
    {
      id: 'grade',
      header: 'Enrolled Grade',
      accessorFn: (r) => r.enrolledGrade ?? '',
      cell: ({ row }) => (row.original.enrolledGrade ? gradeLabel(row.original.enrolledGrade) : '-'),
    },
    {
      id: 'level',
      header: 'Achievement Level',
      accessorFn: (r) => r.level ?? -1,
      cell: ({ row }) => <LevelCell level={findLevel(data.levels, row.original.level)} />,
    },
    {
      id: 'measure',
      header: `${name} Measure`,
      accessorFn: (r) => r.measure ?? Number.NEGATIVE_INFINITY,
      cell: ({ row }) => row.original.formatted ?? '-',
    },
    {
      id: 'range',
      header: `${name} Range`,
      accessorFn: (r) => r.measure ?? Number.NEGATIVE_INFINITY,
      cell: ({ row }) => row.original.range ?? '-',
    },
    ...(data.band
      ? [
          {
            id: 'band',
            header: 'Relative to Grade Band',
            accessorFn: (r: MeasureRow) => r.position ?? '',
            cell: ({ row }: { row: { original: MeasureRow } }) => (row.original.position ? POSITION[row.original.position] : '-'),
          } satisfies ColumnDef<MeasureRow, unknown>,
        ]
      : []),
  ];
  const s = data.spread;
  return (
    <Stack>
      <Group gap="xl" data-testid="measure-spread">
        <Text size="sm">
          Students with a {name}: <b>{s.n}</b>
        </Text>
        <Text size="sm">
          Median: <b>{s.median ?? '-'}</b>
        </Text>
        <Text size="sm">
          Middle half: <b>{s.lowerQuartile ?? '-'}</b> to <b>{s.upperQuartile ?? '-'}</b>
        </Text>
        <Text size="sm">
          Lowest / highest: <b>{s.min ?? '-'}</b> / <b>{s.max ?? '-'}</b>
        </Text>
      </Group>
      {data.band && (
        <Text size="sm">
          {data.bandLabel}. Below: <b>{s.below}</b> · Within: <b>{s.within}</b> · Above: <b>{s.above}</b>
        </Text>
      )}
      <DataTable
        data={data.rows}
        columns={columns}
        caption={`${name} Report: ${assessment.label}`}
        initialSort={[{ id: 'student', desc: false }]}
        testId="measure-table"
      />
    </Stack>
  );
}
