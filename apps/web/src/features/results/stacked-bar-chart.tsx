import { useEffect, useRef, useState } from 'react';
import type { DisplayMode } from './results-url';

/** One horizontal stacked bar per row (a distribution), one series per level. */
export type StackedBars = {
  rows: { label: string; tested: number }[];
  series: { name: string; color: string; counts: number[]; percents: number[] }[];
};

type EChartsModule = typeof import('./echarts-setup');
let loading: Promise<EChartsModule> | undefined;
/** ECharts is lazy-loaded once, on the first chart drawn. */
export function loadCharts(): Promise<EChartsModule> {
  loading ??= import('./echarts-setup');
  return loading;
}

// Decal patterns so levels differ by texture as well as colour (WCAG 1.4.1).
const DECALS = [
  { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4 },
  { symbol: 'circle', symbolSize: 0.6, dashArrayX: [[4, 4]], dashArrayY: [4, 4] },
  { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4 },
  { symbol: 'rect', dashArrayX: [[6, 2]], dashArrayY: [3, 3] },
  { symbol: 'triangle', symbolSize: 0.7, dashArrayX: [[5, 5]], dashArrayY: [5, 5] },
  { symbol: 'diamond', symbolSize: 0.7, dashArrayX: [[5, 5]], dashArrayY: [5, 5] },
];

/**
 * Accessible stacked bar chart: ECharts aria description and decal patterns; the same numbers are
 * always in a data table next to it (the chart is aria-hidden apart from its description).
 */
export function StackedBarChart({ data, display, title }: { data: StackedBars; display: DisplayMode; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose: () => void; resize: () => void } | undefined;
    const onResize = () => chart?.resize();
    loadCharts()
      .then(({ echarts }) => {
        if (disposed || !ref.current) return;
        const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
        chart = instance;
        const percent = display === 'percent';
        instance.setOption({
          aria: { enabled: true, label: { description: title }, decal: { show: true, decals: DECALS } },
          animation: false,
          grid: { left: 8, right: 8, top: 4, bottom: 4, containLabel: true },
          tooltip: { trigger: 'item', valueFormatter: (v: unknown) => (percent ? `${v}%` : String(v)) },
          xAxis: { type: 'value', max: percent ? 100 : undefined, show: false },
          yAxis: { type: 'category', data: data.rows.map((r) => r.label), inverse: true, axisTick: { show: false } },
          series: data.series.map((s) => ({
            name: s.name,
            type: 'bar',
            stack: 'levels',
            barMaxWidth: 28,
            itemStyle: { color: s.color, borderColor: '#ffffff', borderWidth: 1 },
            label: {
              show: true,
              color: '#111',
              formatter: (p: { value: number }) => (p.value > 0 ? (percent ? `${p.value}%` : String(p.value)) : ''),
            },
            data: percent ? s.percents : s.counts,
          })),
        });
        window.addEventListener('resize', onResize);
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [data, display, title]);
  if (failed) return null;
  const height = Math.max(48, data.rows.length * 40 + 8);
  return <div ref={ref} className="cers-chart" style={{ width: '100%', height }} data-testid="distribution-chart" />;
}
