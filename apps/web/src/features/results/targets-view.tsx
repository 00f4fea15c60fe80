import { Alert, NativeSelect, Stack, Text } from '@mantine/core';
import type { AssessmentSummary, Population, TargetCell, TargetRow, TargetViewData } from '../../api/results';
import { type ColumnDef, DataTable } from './data-table';
import { TargetResourcesMenu } from './resource-buttons';

export const SUBGROUP_DIMENSIONS: { value: string; label: string }[] = [
  { value: 'overall', label: 'Overall' },
  { value: 'gender', label: 'Gender' },
  { value: 'ethnicity', label: 'Race/Ethnicity' },
  { value: 'elas', label: 'English Language Acquisition Status' },
  { value: 'lep', label: 'English Learner' },
  { value: 'iep', label: 'IEP' },
  { value: 'section504', label: '504 Plan' },
  { value: 'economicDisadvantage', label: 'Economic Disadvantage' },
  { value: 'migrant', label: 'Migrant Status' },
  { value: 'militaryConnected', label: 'Military Student Identifier' },
];

const MARK: Record<string, string> = { better: '▲', above: '▲', worse: '▼', below: '▼', similar: '●', near: '●' };

function Cell({ cell }: { cell: TargetCell }) {
  return (
    <span
      className={`cers-target cers-target-${cell.result}`}
      title={cell.mean !== null ? `mean ${cell.mean.toFixed(3)} ± ${cell.standardError?.toFixed(3) ?? '-'}` : undefined}
    >
      {MARK[cell.result] && (
        <span aria-hidden="true" className="cers-target-mark">
          {MARK[cell.result]}{' '}
        </span>
      )}
      {cell.label}
    </span>
  );
}

/**
 * Target Report (cers-features.md §3.3, domain.md §Target report): per target its claim, the
 * group's performance relative to the entire test and to Standard Met, Insufficient Data where the
 * error is too large; subgroup selector; 30-student minimum, caution under 50; Math C&P only.
 */
export function TargetsView({
  population,
  assessment,
  data,
  subgroup,
  onSubgroup,
}: {
  population: Population;
  assessment: AssessmentSummary;
  data: TargetViewData;
  subgroup: string;
  onSubgroup: (value: string) => void;
}) {
  const columns: ColumnDef<TargetRow, unknown>[] = [
    { id: 'claim', header: 'Claim', accessorFn: (r) => r.claimName },
    {
      id: 'target',
      header: 'Target',
      accessorFn: (r) => r.targetCode,
      cell: ({ row }) => (
        <>
          <Text span fw={600}>
            {row.original.targetCode}
          </Text>{' '}
          {row.original.targetName}
        </>
      ),
    },
    { id: 'subgroup', header: 'Subgroup', accessorFn: (r) => r.subgroupLabel },
    { id: 'tested', header: 'Students Tested', accessorFn: (r) => r.studentsTested },
    {
      id: 'test',
      header: 'Performance Relative to Entire Test',
      accessorFn: (r) => r.relativeToTest.label,
      cell: ({ row }) => <Cell cell={row.original.relativeToTest} />,
    },
    {
      id: 'standard',
      header: 'Performance Relative to Standard Met (Level 3)',
      accessorFn: (r) => r.relativeToStandard.label,
      cell: ({ row }) => <Cell cell={row.original.relativeToStandard} />,
    },
    {
      id: 'resources',
      header: () => <span className="cers-visually-hidden">Instructional resources</span>,
      enableSorting: false,
      cell: ({ row }) => (
        <TargetResourcesMenu
          population={population}
          assessmentId={assessment.id}
          targetId={row.original.targetId}
          claimCode={row.original.claimCode}
          label={`${row.original.targetCode} ${row.original.targetName}`}
        />
      ),
    },
  ];
  return (
    <Stack>
      <NativeSelect
        label="Subgroups"
        value={subgroup}
        onChange={(e) => onSubgroup(e.currentTarget.value)}
        data={SUBGROUP_DIMENSIONS}
        w={320}
        className="cers-no-print"
      />
      {data.message && (
        <Alert
          color={data.rule === 'hidden' ? 'gray' : 'yellow'}
          title={data.rule === 'hidden' ? 'Not enough results' : 'Caution'}
          styles={{ title: { color: 'var(--mantine-color-dark-7)' }, message: { color: 'var(--mantine-color-dark-7)' } }}
        >
          {data.message}
        </Alert>
      )}
      {data.mathConceptsOnly && <Text size="sm">Math targets are reported for Concepts and Procedures only.</Text>}
      {data.rule !== 'hidden' && (
        <DataTable
          data={data.rows}
          columns={columns}
          caption={`Target Report: ${assessment.label} (${data.studentsTested} students)`}
          testId="target-table"
        />
      )}
    </Stack>
  );
}
