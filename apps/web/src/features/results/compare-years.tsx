import { formatScoreWithError, gradeLabel } from '@cers/domain';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { type CompareYears as CompareYearsData, type Population, useCompareYears } from '../../api/results';
import { type ColumnDef, DataTable } from './data-table';

type Year = CompareYearsData['years'][number];

import { Busy } from '../../components/busy';
import type { DisplayMode } from './results-url';
import { StackedBarChart } from './stacked-bar-chart';

/**
 * Compare years: the same group's (or school grade's) results on one subject and assessment type in
 * every school year, one stacked bar and one table row per year.
 */
export function CompareYears({
  population,
  subject,
  type,
  display,
}: {
  population: Population;
  subject: string;
  type: string;
  display: DisplayMode;
}) {
  const q = useCompareYears(population, subject, type, true);
  if (q.isLoading) return <Busy size="sm" label="Loading year comparison" />;
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  const years = q.data?.years ?? [];
  if (years.length === 0) return <Text c="dimmed">No results in other school years.</Text>;
  const shown = years.filter((y) => y.distribution !== null);
  const levels = shown[0]?.distribution?.levels ?? [];
  const title = `Compare years: ${subject} ${type === 'sum' ? 'Summative' : type.toUpperCase()}`;
  return (
    <Stack gap="xs" data-testid="compare-years">
      <Title order={5}>{title}</Title>
      {shown.length > 0 && (
        <StackedBarChart
          display={display}
          title={title}
          data={{
            rows: shown.map((y) => ({
              label: `${y.schoolYearLabel} (${gradeLabel(y.grade)})`,
              tested: y.distribution?.tested ?? 0,
            })),
            series: levels.map((l, i) => ({
              name: l.name,
              color: l.color,
              counts: shown.map((y) => y.distribution?.levels[i]?.count ?? 0),
              percents: shown.map((y) => y.distribution?.levels[i]?.percent ?? 0),
            })),
          }}
        />
      )}
      <DataTable
        data={years}
        caption={title}
        exportName={title}
        testId="compare-years-table"
        initialSort={[{ id: 'year', desc: false }]}
        columns={[
          { id: 'year', header: 'School Year', accessorFn: (y) => y.schoolYear, cell: ({ row }) => row.original.schoolYearLabel },
          { id: 'assessment', header: 'Assessment', accessorFn: (y) => y.label },
          {
            id: 'students',
            header: 'Students',
            accessorFn: (y) => (y.suppressed ? -1 : (y.distribution?.tested ?? 0)),
            cell: ({ row }) => (row.original.suppressed ? '*' : (row.original.distribution?.tested ?? 0)),
          },
          {
            id: 'mean',
            header: 'Average Scale Score',
            accessorFn: (y) => y.mean?.mean ?? -1,
            cell: ({ row }) =>
              row.original.suppressed ? '*' : formatScoreWithError(row.original.mean?.mean, row.original.mean?.standardError),
          },
          ...levels.map<ColumnDef<Year, unknown>>((l, i) => ({
            id: `level-${l.level}`,
            header: l.name,
            accessorFn: (y) => y.distribution?.levels[i]?.count ?? -1,
            cell: ({ row }) => {
              const v = row.original.distribution?.levels[i];
              if (row.original.suppressed || !v) return '*';
              return display === 'percent' ? `${v.percent}%` : v.count;
            },
          })),
        ]}
      />
      {years.some((y) => y.suppressed) && <Text size="xs">* 10 students or fewer tested: not shown.</Text>}
    </Stack>
  );
}
