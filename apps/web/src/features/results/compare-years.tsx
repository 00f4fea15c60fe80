import { formatScoreWithError } from '@cers/domain';
import { Alert, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { type Population, useCompareYears } from '../../api/results';
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
  if (q.isLoading) return <Loader size="sm" aria-label="Loading year comparison" />;
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
              label: `${y.schoolYearLabel} (Grade ${Number(y.grade) || y.grade})`,
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
      <Table withTableBorder fz="sm">
        <Table.Caption className="cers-visually-hidden">{title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">School Year</Table.Th>
            <Table.Th scope="col">Assessment</Table.Th>
            <Table.Th scope="col">Students</Table.Th>
            <Table.Th scope="col">Average Scale Score</Table.Th>
            {levels.map((l) => (
              <Table.Th key={l.level} scope="col">
                {l.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {years.map((y) => (
            <Table.Tr key={y.assessmentId}>
              <Table.Th scope="row">{y.schoolYearLabel}</Table.Th>
              <Table.Td>{y.label}</Table.Td>
              <Table.Td>{y.suppressed ? '*' : (y.distribution?.tested ?? 0)}</Table.Td>
              <Table.Td>{y.suppressed ? '*' : formatScoreWithError(y.mean?.mean, y.mean?.standardError)}</Table.Td>
              {levels.map((l, i) => {
                const v = y.distribution?.levels[i];
                return <Table.Td key={l.level}>{y.suppressed || !v ? '*' : display === 'percent' ? `${v.percent}%` : v.count}</Table.Td>;
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {years.some((y) => y.suppressed) && <Text size="xs">* 10 students or fewer tested: not shown.</Text>}
    </Stack>
  );
}
