import { Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import { formatNumber } from "#shared/figure-format.ts";
import type { Figure, Metric } from "#shared/figures.ts";
import { useLocalize } from "../../components/localized-text.tsx";
import { EmptyNotice } from "../../components/states.tsx";
import { Chart } from "./chart.tsx";
import { spanChartOption } from "./chart-options.ts";
import { chartFamily, extentOf, isDrawn, seriesByScope } from "./dashboard-data.ts";
import { FigureTable } from "./figure-table.tsx";
import type { FigureWords } from "./figure-words.ts";

/** How to read the marks of a span chart: shown under every one, since the marks carry meaning. */
export function ChartKey({ words, levels }: { words: FigureWords; levels: boolean }) {
  const { t } = words;
  return (
    <ul className="chart-key">
      <li>{t("dashboards.key.span")}</li>
      {levels ? <li>{t("dashboards.key.level")}</li> : null}
      <li>{t("dashboards.key.bounds")}</li>
      <li>{t("dashboards.key.contradicted")}</li>
      <li>{t("dashboards.key.open")}</li>
    </ul>
  );
}

/**
 * One metric's figures: the chart of those that can be drawn, then the table of all of them.
 * `range` puts neighbouring charts on the same time scale.
 */
export function MetricPanel({
  metric,
  figures,
  words,
  height,
  range,
}: {
  metric: Metric;
  figures: readonly Figure[];
  words: FigureWords;
  height: number;
  range: { min: number; max: number } | null;
}) {
  const { t } = words;
  const localize = useLocalize();
  const name = localize(metric.name, metric.originalLanguage);
  const family = chartFamily(figures);
  const drawn = useMemo(() => figures.filter((f) => isDrawn(f, family)), [figures, family]);
  const series = useMemo(() => seriesByScope(drawn), [drawn]);
  const scopeNames = series.map((s) => words.scope(s.scope));
  const scopeKey = scopeNames.join("\u0000");
  const option = useMemo(
    () =>
      spanChartOption({
        series,
        family,
        sameMetric: figures,
        unit: drawn[0]?.unit ?? metric.unit,
        range,
        scopeNames: scopeKey.split("\u0000"),
        words,
      }),
    [series, family, figures, drawn, metric.unit, range, scopeKey, words],
  );
  const extent = extentOf(drawn);
  const label = extent
    ? t("dashboards.chart.label", {
        metric: name,
        number: formatNumber(drawn.length, words.lang),
        from: words.period({ periodStart: extent.from, periodEnd: extent.from, periodSince: null }),
        to: words.period({ periodStart: extent.to, periodEnd: extent.to, periodSince: null }),
        scopes: scopeNames.join(", "),
      })
    : "";

  if (figures.length === 0) return <EmptyNotice>{t("dashboards.noFigures")}</EmptyNotice>;
  return (
    <Stack gap="xs" className="metric-panel" data-metric={metric.code} data-drawn={drawn.length}>
      {drawn.length > 0 ? (
        <>
          <Chart option={option} label={label} height={height} className="span-chart" />
          <ChartKey words={words} levels={drawn.some((f) => f.kind === "level")} />
        </>
      ) : (
        <Text size="sm">{t("dashboards.chart.nothingDrawn")}</Text>
      )}
      <FigureTable
        figures={figures}
        family={family}
        caption={t("dashboards.table.caption", { metric: name })}
        words={words}
      />
    </Stack>
  );
}
