import type { BarSeriesOption, LineSeriesOption, TreemapSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/**
 * The option of every chart ilteo draws, limited to the series and components registered in
 * `EChart.tsx`. Type-only imports: option builders stay free of ECharts' code and run in tests.
 */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | TreemapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
>;

/** The data behind a chart, as a table: its text alternative. */
export interface ChartTable {
  caption: string;
  /** Column headings; the first one heads the row labels. */
  columns: string[];
  rows: { key: string; label: string; cells: string[] }[];
}
