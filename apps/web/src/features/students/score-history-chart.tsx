import { Group, Paper, Select, Text, Title } from '@mantine/core';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { Busy } from '../../components/busy';
import type { ChartSeries } from './history-model';

const ChartImpl = lazy(() => import('./score-history-chart-impl').then((m) => ({ default: m.ScoreHistoryChartImpl })));

/**
 * Score history across years with the level bands of each year's test. ECharts is lazy-loaded.
 * The figure is described in text for screen readers; the table below holds every number.
 */
export function ScoreHistoryChart({ series }: { series: ChartSeries[] }) {
  const headingId = useId();
  const [key, setKey] = useState<string | null>(null);
  const current = useMemo(() => series.find((s) => s.key === key) ?? series[0], [series, key]);
  if (!current) return null;
  const summary = current.points.map((p) => `${p.label}: ${p.score}${p.level ? ` (${p.level.name})` : ''}`).join('; ');
  return (
    <Paper component="figure" withBorder radius="md" p="sm" m={0} aria-labelledby={headingId} className="cers-chart">
      <Title order={3} size="h4" id={headingId}>
        Score History
      </Title>
      {series.length > 1 && (
        <Select
          className="cers-no-print"
          label="Assessment"
          data={series.map((s) => ({ value: s.key, label: s.title }))}
          value={current.key}
          onChange={setKey}
          allowDeselect={false}
          maw={360}
          mb="xs"
        />
      )}
      <Text size="sm" mb={4}>
        {current.title}: scale scores over time, drawn over the achievement level bands of each test.
      </Text>
      <Suspense fallback={<Busy size="sm" label="Loading chart" />}>
        <ChartImpl series={current} />
      </Suspense>
      {/* The bands told apart by name and position, not by colour alone (WCAG 1.4.1). */}
      <Group gap="md" mt={4} role="list" aria-label="Achievement level bands, from the bottom of the chart up">
        {current.levels.map((l) => (
          <Group key={l.level} gap={4} wrap="nowrap" role="listitem">
            <span aria-hidden="true" style={{ display: 'inline-block', width: 12, height: 12, background: l.color, opacity: 0.45 }} />
            <Text size="xs">{l.name}</Text>
          </Group>
        ))}
        <Group gap={4} wrap="nowrap" role="listitem">
          <span aria-hidden="true" style={{ display: 'inline-block', width: 14, height: 2, background: '#111827' }} />
          <Text size="xs">Scale score</Text>
        </Group>
      </Group>
      <figcaption>
        <Text size="xs">{summary}</Text>
      </figcaption>
    </Paper>
  );
}
