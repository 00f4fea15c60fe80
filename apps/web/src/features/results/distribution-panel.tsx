import { formatScoreWithError } from '@cers/domain';
import { Group, Stack, Table, Text } from '@mantine/core';
import { useRef } from 'react';
import type { Distribution, Mean, SubScoreSummary } from '../../api/results';
import { ExportTableButton } from '../../components/export-table-button';
import { type ColumnDef, DataTable } from './data-table';
import type { DisplayMode } from './results-url';
import { StackedBarChart, type StackedBars } from './stacked-bar-chart';

const value = (count: number, percent: number, display: DisplayMode) => (display === 'percent' ? `${percent}%` : String(count));

function bars(rows: { label: string; d: Distribution }[]): StackedBars {
  const levels = rows[0]?.d.levels ?? [];
  return {
    rows: rows.map((r) => ({ label: r.label, tested: r.d.tested })),
    series: levels.map((l, i) => ({
      name: l.name,
      color: l.color,
      counts: rows.map((r) => r.d.levels[i]?.count ?? 0),
      percents: rows.map((r) => r.d.levels[i]?.percent ?? 0),
    })),
  };
}

/** Student Score Distribution of the overall score: mean ± SE, tested, % at or above the standard, chart and table. */
export function OverallDistribution({
  distribution,
  mean,
  standardCutName,
  display,
  title,
}: {
  distribution: Distribution;
  mean: Mean | null;
  standardCutName: string | null;
  display: DisplayMode;
  title: string;
}) {
  const distributionTable = useRef<HTMLTableElement>(null);
  return (
    <Stack gap="xs">
      <Group gap="xl" wrap="wrap">
        <div>
          <Text size="xs" c="dimmed">
            Average Scale Score
          </Text>
          <Text fw={700} size="lg" data-testid="average-scale-score">
            {formatScoreWithError(mean?.mean, mean?.standardError)}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Number of Test Results
          </Text>
          <Text fw={700} size="lg" data-testid="students-tested">
            {distribution.tested}
          </Text>
        </div>
        {distribution.percentAtOrAboveStandard !== null && standardCutName && (
          <div>
            <Text size="xs" c="dimmed">
              At or above {standardCutName}
            </Text>
            <Text fw={700} size="lg" data-testid="percent-at-or-above">
              {distribution.percentAtOrAboveStandard}%
            </Text>
          </div>
        )}
      </Group>
      <StackedBarChart
        data={bars([{ label: 'All students', d: distribution }])}
        display={display}
        title={`${title}: students per achievement level`}
      />
      <Group justify="flex-end">
        <ExportTableButton table={distributionTable} fileName={`${title} - distribution`} label={`${title}: students per level`} />
      </Group>
      <Table ref={distributionTable} withTableBorder fz="sm" data-testid="distribution-table">
        <Table.Caption className="cers-visually-hidden">{title}: students per level</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {distribution.levels.map((l) => (
              <Table.Th key={l.level} scope="col">
                <span className="cers-swatch" style={{ background: l.color }} aria-hidden="true" />
                {l.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            {distribution.levels.map((l) => (
              <Table.Td key={l.level} data-level={l.level}>
                {value(l.count, l.percent, display)}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** One three- (or four-) category distribution per claim / composite / domain. */
export function SubScoreDistributions({
  subScores,
  display,
  title,
}: {
  subScores: SubScoreSummary[];
  display: DisplayMode;
  title: string;
}) {
  const shown = subScores.filter((s): s is SubScoreSummary & { distribution: Distribution } => s.distribution !== null);
  if (shown.length === 0) return <Text c="dimmed">No Scores Reported</Text>;
  const levels = shown[0]?.distribution.levels ?? [];
  const sameLevels = shown.every((s) => s.distribution.levels.map((l) => l.name).join() === levels.map((l) => l.name).join());
  return (
    <Stack gap="xs">
      {sameLevels && (
        <StackedBarChart data={bars(shown.map((s) => ({ label: s.name, d: s.distribution })))} display={display} title={title} />
      )}
      <DataTable
        data={shown}
        caption={title}
        exportName={title}
        testId="subscore-table"
        columns={[
          { id: 'name', header: 'Name', accessorFn: (r) => r.name },
          {
            id: 'mean',
            header: 'Average Scale Score',
            accessorFn: (r) => r.mean?.mean ?? -1,
            cell: ({ row }) =>
              row.original.mean?.mean != null ? formatScoreWithError(row.original.mean.mean, row.original.mean.standardError) : '-',
          },
          ...levels.map<ColumnDef<SubScoreSummary & { distribution: Distribution }, unknown>>((l, i) => ({
            id: `level-${l.level}`,
            header: () => (
              <>
                <span className="cers-swatch" style={{ background: l.color }} aria-hidden="true" />
                {l.name}
              </>
            ),
            accessorFn: (r) => r.distribution.levels[i]?.count ?? 0,
            cell: ({ row }) => {
              const v = row.original.distribution.levels[i];
              return v ? value(v.count, v.percent, display) : '';
            },
          })),
        ]}
      />
    </Stack>
  );
}
