import { LineChart, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, type GridComponentOption, TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartSeries } from './history-model';

/*
 * ECharts, loaded only when a student page draws its chart (bench: web keeps it out of the
 * initial JavaScript). Only the line chart, grid, tooltip and the SVG renderer are bundled.
 */
use([LineChart, GridComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption>;

/** Level bands drawn as stacked areas: each year's own cut scores (cuts differ by grade). */
export function chartOption(series: ChartSeries): Option {
  const points = series.points;
  const labels = points.map((p) => p.label);
  const bandCount = Math.max(0, ...points.map((p) => p.cuts.length + 1));
  const bands: LineSeriesOption[] = [
    {
      type: 'line',
      stack: 'levels',
      data: points.map((p) => p.min),
      lineStyle: { opacity: 0 },
      symbol: 'none',
      silent: true,
      tooltip: { show: false },
    },
  ];
  for (let i = 0; i < bandCount; i++) {
    const level = series.levels[i];
    bands.push({
      type: 'line',
      name: level?.name ?? `Level ${i + 1}`,
      stack: 'levels',
      data: points.map((p) => {
        const bounds = [p.min, ...p.cuts, p.max];
        return (bounds[i + 1] ?? p.max) - (bounds[i] ?? p.min);
      }),
      lineStyle: { opacity: 0 },
      areaStyle: { color: level?.color ?? '#9ca3af', opacity: 0.22 },
      symbol: 'none',
      silent: true,
      tooltip: { show: false },
    });
  }
  const yMin = Math.min(...points.map((p) => p.min));
  const yMax = Math.max(...points.map((p) => p.max));
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 16, bottom: 32 },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const p = points[(params as { dataIndex: number }).dataIndex];
        if (!p) return '';
        const sem = p.sem === null ? '' : ` ± ${p.sem}`;
        return `${p.label}: ${p.score}${sem}<br/>${p.level?.name ?? ''}`;
      },
    },
    xAxis: { type: 'category', data: labels, boundaryGap: false },
    yAxis: { type: 'value', min: yMin, max: yMax, name: 'Scale score', nameLocation: 'middle', nameGap: 44 },
    series: [
      ...bands,
      {
        type: 'line',
        name: 'Scale score',
        data: points.map((p) => p.score),
        symbol: 'circle',
        symbolSize: 9,
        lineStyle: { color: '#111827', width: 2 },
        itemStyle: { color: '#111827' },
        label: { show: true, position: 'top', color: '#111827' },
        z: 10,
      },
    ],
  };
}

export function ScoreHistoryChartImpl({ series, height = 280 }: { series: ChartSeries; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'svg' });
    chart.setOption(chartOption(series));
    const resize = () => chart.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [series]);
  return <div ref={ref} style={{ width: '100%', height }} aria-hidden="true" />;
}
