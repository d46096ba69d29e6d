import { BarChart, CustomChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { LabelLayout } from "echarts/features";
import { SVGRenderer } from "echarts/renderers";

/**
 * Only the parts the dashboards draw with: the whole of ECharts is about 1 MB, these a fraction.
 * SVG rather than canvas: text stays text (shaped by the browser, Arabic and Chinese included),
 * it scales without blurring, and the browser tests can count the shapes.
 */
echarts.use([
  BarChart,
  CustomChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  LabelLayout,
  SVGRenderer,
]);

export { echarts };
export type { EChartsCoreOption, EChartsType } from "echarts/core";
