/**
 * The only module that imports ECharts: core + the bar chart + the components our charts use,
 * SVG renderer. Loaded on demand (dynamic import from distribution-chart.tsx) so ECharts never
 * weighs on the initial bundle.
 */
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export { echarts };
