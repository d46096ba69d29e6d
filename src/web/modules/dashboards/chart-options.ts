// Types only (erased from the build): the full `echarts` entry is never bundled.
import type {
  CustomSeriesRenderItemAPI,
  CustomSeriesRenderItemParams,
  CustomSeriesRenderItemReturn,
} from "echarts";
import type { BarSeriesOption, CustomSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { formatAmount, formatFigure, formatPeriod } from "#shared/figure-format.ts";
import type { Figure, FigureUnit } from "#shared/figures.ts";
import {
  type BudgetComparison,
  type BudgetDashboard,
  type ChartFamily,
  dayStart,
  isoDay,
  roundPercent,
  type ScopeSeries,
  spanEnd,
} from "./dashboard-data.ts";
import { CONTRADICTED_MARK, type FigureWords } from "./figure-words.ts";

export type DashboardChartOption = ComposeOption<
  BarSeriesOption | CustomSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/**
 * Series colours, each at least 4.5:1 on white (so a label in it is readable text, and a line
 * well above the 3:1 asked of graphics). Scopes are told apart by their legend shape too.
 */
export const SERIES_COLOURS = ["#1f5fa6", "#9c4100", "#2e6b30", "#6a3d9a", "#a0214f", "#4d4d4d"] as const;
const SERIES_ICONS = ["rect", "circle", "triangle", "diamond", "roundRect", "pin"] as const;
const TEXT_COLOUR = "#1a1a1a";
const AXIS_COLOUR = "#595959";
const GRID_LINE_COLOUR = "#d9d9d9";

/**
 * The fonts the app uses, with the Arabic and Chinese Noto families named: ECharts measures text
 * itself (for layout and overlap), and measures it wrongly in a font the browser then replaces.
 */
export const CHART_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans SC", "Helvetica Neue", Arial, sans-serif';

/** The width of a drawn figure's value line, which also lets tests count the drawn figures. */
export const FIGURE_LINE_WIDTH = 3.5;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

function translucent(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** A date on the time axis the way periods are written: a year on 1 January, else a month or a day. */
function timeLabel(timestamp: number, words: FigureWords): string {
  const day = isoDay(timestamp);
  const [year, month] = day.split("-");
  if (day.endsWith("-01-01")) return words.year(Number(year));
  if (day.endsWith("-01")) {
    const last = isoDay(Date.UTC(Number(year), Number(month), 0));
    return formatPeriod(day, last, words.lang);
  }
  return formatPeriod(day, day, words.lang);
}

function tooltipBase(words: FigureWords): TooltipComponentOption {
  return {
    confine: true,
    backgroundColor: "#ffffff",
    borderColor: AXIS_COLOUR,
    textStyle: { color: TEXT_COLOUR, fontFamily: CHART_FONT },
    extraCssText: words.rtl ? "direction: rtl; text-align: right;" : "",
  };
}

function legendBase(words: FigureWords): LegendComponentOption {
  return {
    top: 0,
    type: "plain",
    // Mirrored in Arabic: read from the right, the icon on the right of its name.
    ...(words.rtl ? { right: 8, align: "right" as const } : { left: 8, align: "left" as const }),
    textStyle: { color: TEXT_COLOUR, fontFamily: CHART_FONT },
  };
}

const lines = (items: (string | null | undefined)[]) =>
  items
    .filter((item): item is string => Boolean(item))
    .map(escapeHtml)
    .join("<br>");

export interface SpanChartInput {
  /** The drawn figures, one series per scope. */
  series: ScopeSeries[];
  family: ChartFamily;
  /** Every figure of the metric (flags name the figures a contradicted one disagrees with). */
  sameMetric: readonly Figure[];
  unit: FigureUnit;
  /** A time range shared with neighbouring charts; otherwise the figures' own years. */
  range: { min: number; max: number } | null;
  scopeNames: string[];
  words: FigureWords;
}

/**
 * Figures over time, each drawn across its true span: a band from the first to the last day of its
 * period, up to its value, topped by a line at the value. Overlapping periods overlap on the
 * screen; a level (a count at a date) is a diamond at its period's end. Bounds ("more than") carry
 * an arrow pointing where the true value lies, estimates ("about") say so in their label, and a
 * contradicted figure is dashed and marked ⚠ — shape and words, never colour alone.
 */
export function spanChartOption(input: SpanChartInput): DashboardChartOption {
  const { words, family, unit } = input;
  // Longest spans first: they are drawn first, so shorter ones stay visible on top of them.
  const ordered = input.series.map((s) =>
    [...s.figures].sort(
      (a, b) =>
        dayStart(b.periodEnd) - dayStart(b.periodStart) - (dayStart(a.periodEnd) - dayStart(a.periodStart)),
    ),
  );

  const renderItem =
    (seriesIndex: number, colour: string) =>
    (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn => {
      const figure = ordered[seriesIndex]?.[params.dataIndex];
      if (!figure) return null;
      const value = Number(api.value(2));
      const [xStart = 0, y = 0] = api.coord([api.value(0), value]);
      const [xEnd = 0] = api.coord([api.value(1), value]);
      const [, yBase = 0] = api.coord([api.value(0), 0]);
      const contradicted = figure.contradictions.length > 0;
      const dash = contradicted ? [6, 4] : undefined;
      const up = figure.qualifier === "more_than" || figure.qualifier === "at_least";
      const down = figure.qualifier === "less_than" || figure.qualifier === "at_most";
      const isLevel = figure.kind === "level";
      const x = isLevel ? xEnd : (xStart + xEnd) / 2;
      const children: NonNullable<CustomSeriesRenderItemReturn>[] = [];

      if (isLevel) {
        const r = 7;
        children.push({
          type: "polygon",
          shape: {
            points: [
              [x, y - r],
              [x + r, y],
              [x, y + r],
              [x - r, y],
            ],
          },
          style: { fill: colour, stroke: colour, lineWidth: 2, lineDash: dash },
        });
      } else {
        const left = Math.min(xStart, xEnd);
        const width = Math.max(Math.abs(xEnd - xStart), 2);
        children.push(
          {
            type: "rect",
            shape: { x: left, y: Math.min(y, yBase), width, height: Math.abs(yBase - y) },
            style: {
              fill: translucent(colour, 0.12),
              stroke: translucent(colour, 0.45),
              lineWidth: 1,
              lineDash: dash,
            },
          },
          {
            type: "line",
            shape: { x1: xStart, y1: y, x2: xEnd, y2: y },
            style: { stroke: colour, lineWidth: FIGURE_LINE_WIDTH, lineDash: dash },
          },
          ...[xStart, xEnd].map((cap) => ({
            type: "line" as const,
            shape: { x1: cap, y1: y - 5, x2: cap, y2: y + 5 },
            style: { stroke: colour, lineWidth: 2 },
          })),
        );
      }
      if (up || down) {
        const tip = up ? y - 16 : y + 16;
        const foot = up ? y - 7 : y + 7;
        children.push({
          type: "polygon",
          shape: {
            points: [
              [x, tip],
              [x + 5, foot],
              [x - 5, foot],
            ],
          },
          style: { fill: colour },
        });
      }
      children.push({
        type: "text",
        x,
        y: up ? y - 18 : y - 8,
        style: {
          text: `${contradicted ? `${CONTRADICTED_MARK} ` : ""}${words.value(figure)}`,
          fill: TEXT_COLOUR,
          stroke: "#ffffff",
          lineWidth: 3,
          fontSize: 12,
          fontFamily: CHART_FONT,
          align: "center",
          verticalAlign: "bottom",
        },
      });
      return { type: "group", children };
    };

  const series: CustomSeriesOption[] = input.series.map((s, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
    return {
      type: "custom",
      name: input.scopeNames[i] ?? s.key,
      legendIcon: SERIES_ICONS[i % SERIES_ICONS.length],
      itemStyle: { color: colour },
      encode: { x: [0, 1], y: 2 },
      data: (ordered[i] ?? []).map((figure) => ({
        value: [dayStart(figure.periodStart), spanEnd(figure.periodEnd), figure.value],
        figureId: figure.id,
      })),
      renderItem: renderItem(i, colour),
      cursor: "pointer",
    };
  });

  return {
    animation: false,
    useUTC: true,
    textStyle: { fontFamily: CHART_FONT, color: TEXT_COLOUR },
    legend: legendBase(words),
    // Room at both ends for a level's diamond and label drawn on the last day of the range.
    grid: { top: 44, bottom: 48, left: 28, right: 28 },
    tooltip: {
      ...tooltipBase(words),
      trigger: "item",
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const figure = p ? ordered[p.seriesIndex ?? -1]?.[p.dataIndex] : undefined;
        if (!figure) return "";
        const flags = words.flags(figure, family, input.sameMetric);
        return `<strong>${escapeHtml(words.value(figure))}</strong><br>${lines([
          words.period(figure),
          words.scope(figure.scope),
          `${words.t("dashboards.table.source")}: ${words.source(figure)}`,
          ...flags,
          words.t("dashboards.chart.openHint"),
        ])}`;
      },
    },
    xAxis: {
      type: "time",
      inverse: words.rtl,
      ...(input.range ? { min: input.range.min, max: input.range.max } : {}),
      axisLine: { lineStyle: { color: AXIS_COLOUR } },
      axisLabel: {
        color: TEXT_COLOUR,
        hideOverlap: true,
        formatter: (value: number) => timeLabel(value, words),
      },
      splitLine: { show: true, lineStyle: { color: GRID_LINE_COLOUR } },
    },
    yAxis: {
      type: "value",
      position: words.rtl ? "right" : "left",
      min: (extent) => Math.min(0, extent.min),
      axisLine: { show: true, lineStyle: { color: AXIS_COLOUR } },
      axisLabel: { color: TEXT_COLOUR, formatter: (value: number) => formatAmount(value, unit, words.lang) },
      splitLine: { lineStyle: { color: GRID_LINE_COLOUR } },
    },
    series,
  };
}

const varianceQualifier = (row: BudgetComparison) => (row.varianceExact ? "exact" : "about");

/** Actual − budget as the shared rules write a change: "+CHF 520 000", "增加52万瑞郎". */
export function varianceAmountText(row: BudgetComparison, words: FigureWords): string | null {
  if (row.variance === null) return null;
  return formatFigure(
    { kind: "change", value: row.variance, unit: "chf", qualifier: varianceQualifier(row), outOf: null },
    words.lang,
  );
}

/** The variance as a share of the budget, to one decimal: "+2.8%". */
export function variancePercentText(row: BudgetComparison, words: FigureWords): string | null {
  if (row.variancePercent === null) return null;
  return formatFigure(
    {
      kind: "change",
      value: roundPercent(row.variancePercent),
      unit: "percent",
      qualifier: varianceQualifier(row),
      outOf: null,
    },
    words.lang,
  );
}

/**
 * Actual against budget, in two panels: calendar years, and the longer periods (a biennium) each
 * with its own value axis — a biennium is about twice a year's amount and is not the sum of its
 * years, so it must not stand in the row of years. Actual bars are solid, budget bars outlined
 * (told apart by more than colour); the variance is on top of each actual bar and in the tooltip.
 */
export function budgetChartOption(dashboard: BudgetDashboard, words: FigureWords): DashboardChartOption {
  const { t } = words;
  const groups = [dashboard.years, dashboard.longer].filter((rows) => rows.length > 0);
  const twoPanels = groups.length === 2;
  const actualName = t("dashboards.publications.actual");
  const budgetName = t("dashboards.publications.budget");
  const panelName = (rows: BudgetComparison[]) =>
    rows === dashboard.years
      ? t("dashboards.publications.years")
      : dashboard.longerAreBiennia
        ? t("dashboards.publications.biennium")
        : t("dashboards.publications.otherPeriods");
  // The years take the wider panel; in Arabic the panels and the years read from the right.
  const grids: GridComponentOption[] = groups.map((_, i) => {
    const [near, far] = twoPanels ? (i === 0 ? [12, "36%"] : ["70%", 12]) : [12, 12];
    return words.rtl
      ? { top: 44, bottom: 56, right: near, left: far }
      : { top: 44, bottom: 56, left: near, right: far };
  });
  const outer = (i: number) => (i === 0) !== words.rtl;

  const series: BarSeriesOption[] = groups.flatMap((rows, i) => [
    {
      type: "bar" as const,
      name: actualName,
      xAxisIndex: i,
      yAxisIndex: i,
      barMaxWidth: 48,
      itemStyle: { color: SERIES_COLOURS[0] },
      label: {
        show: true,
        position: "top" as const,
        color: TEXT_COLOUR,
        fontFamily: CHART_FONT,
        formatter: (p: { dataIndex: number }) => {
          const row = rows[p.dataIndex];
          if (!row) return "";
          const mark = row.actual.contradictions.length ? `${CONTRADICTED_MARK} ` : "";
          return mark + (variancePercentText(row, words) ?? "");
        },
      },
      data: rows.map((row) => ({
        value: row.actual.value,
        figureId: row.actual.id,
        itemStyle: row.actual.contradictions.length
          ? { borderColor: TEXT_COLOUR, borderWidth: 2, borderType: "dashed" as const }
          : {},
      })),
    },
    {
      type: "bar" as const,
      name: budgetName,
      xAxisIndex: i,
      yAxisIndex: i,
      barMaxWidth: 48,
      itemStyle: { color: "#ffffff", borderColor: "#4d4d4d", borderWidth: 2 },
      data: rows.map((row) => ({ value: row.budget?.value ?? 0, figureId: row.budget?.id })),
    },
  ]);

  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT, color: TEXT_COLOUR },
    legend: { ...legendBase(words), data: [actualName, budgetName] },
    grid: grids,
    tooltip: {
      ...tooltipBase(words),
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        if (!first) return "";
        const rows = groups[Math.floor((first.seriesIndex ?? 0) / 2)] ?? [];
        const row = rows[first.dataIndex];
        if (!row) return "";
        const amount = varianceAmountText(row, words);
        const percent = variancePercentText(row, words);
        const variance = amount && percent ? `${amount} (${percent})` : amount;
        return `<strong>${escapeHtml(words.period(row.actual))}</strong><br>${lines([
          `${actualName}: ${words.value(row.actual)}`,
          row.budget ? `${budgetName}: ${words.value(row.budget)}` : null,
          variance ? `${t("dashboards.publications.variance")}: ${variance}` : null,
          row.statedVariance
            ? t("dashboards.publications.statedVariance", { value: words.value(row.statedVariance) })
            : null,
          ...row.otherActuals.map((other) =>
            t("dashboards.publications.otherStatement", { value: words.value(other) }),
          ),
        ])}`;
      },
    },
    xAxis: groups.map((rows, i) => ({
      type: "category" as const,
      gridIndex: i,
      inverse: words.rtl,
      data: rows.map((row) => words.period(row.actual)),
      name: panelName(rows),
      nameLocation: "middle" as const,
      nameGap: 32,
      nameTextStyle: { color: TEXT_COLOUR, fontWeight: "bold" as const },
      axisLine: { lineStyle: { color: AXIS_COLOUR } },
      axisLabel: { color: TEXT_COLOUR },
    })),
    yAxis: groups.map((_, i) => ({
      type: "value" as const,
      gridIndex: i,
      min: 0,
      position: outer(i) ? ("left" as const) : ("right" as const),
      axisLine: { show: true, lineStyle: { color: AXIS_COLOUR } },
      axisLabel: {
        color: TEXT_COLOUR,
        formatter: (value: number) => formatAmount(value, "chf", words.lang),
      },
      splitLine: { lineStyle: { color: GRID_LINE_COLOUR } },
    })),
    series,
  };
}
