import "./dashboards.css";
import { Anchor, Group, Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import { Link, useParams } from "react-router";
import { useLocalize } from "../../components/localized-text.tsx";
import { PageLoadError, PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, Loading } from "../../components/states.tsx";
import { segment } from "../../api/client.ts";
import { chartFamily, isDrawn, sharedRange } from "./dashboard-data.ts";
import { DASHBOARDS_PATH, useDashboardFigures, useMetricCatalogue } from "./dashboards.queries.ts";
import { useFigureWords } from "./figure-words.ts";
import { MetricPanel } from "./metric-panel.tsx";

/** One metric over time: every figure across its true period, by scope, with its source. */
export function MetricDashboardPage() {
  const { metricCode = "" } = useParams();
  const words = useFigureWords();
  const { t } = words;
  const localize = useLocalize();
  const catalogue = useMetricCatalogue();
  const figures = useDashboardFigures({ metricCode });
  const metric = catalogue.data?.find((m) => m.code === metricCode);
  const range = useMemo(() => {
    const own = figures.data ?? [];
    const family = chartFamily(own);
    return sharedRange(own.filter((f) => isDrawn(f, family)));
  }, [figures.data]);

  if (catalogue.isPending || (metric && figures.isPending)) return <Loading />;
  if (catalogue.isError)
    return (
      <PageLoadError
        title={t("dashboards.title")}
        error={catalogue.error}
        onRetry={() => catalogue.refetch()}
      />
    );
  if (!metric)
    return (
      <Stack gap="md">
        <PageTitle title={t("dashboards.metric.notFoundTitle")} />
        <Text>{t("dashboards.metric.notFound", { code: metricCode })}</Text>
        <Anchor component={Link} to={DASHBOARDS_PATH}>
          {t("dashboards.allDashboards")}
        </Anchor>
      </Stack>
    );
  const name = localize(metric.name, metric.originalLanguage);
  if (figures.isError)
    return <PageLoadError title={name} error={figures.error} onRetry={() => figures.refetch()} />;
  const own = figures.data ?? [];

  return (
    <Stack gap="md" className="dashboards">
      <PageTitle title={name} />
      <Group gap="lg">
        <Anchor component={Link} to={DASHBOARDS_PATH}>
          {t("dashboards.allDashboards")}
        </Anchor>
        <Anchor component={Link} to={`/statistics/metrics/${segment(metric.code)}`}>
          {t("dashboards.metric.catalogueEntry")}
        </Anchor>
      </Group>
      <Text size="sm" className="metric-facts">
        {t("dashboards.metric.facts", {
          unit: t(`dashboards.unit.${metric.unit}`),
          section: metric.section,
          owner: metric.ownerUnitCode,
        })}{" "}
        {metric.additive ? t("dashboards.metric.additive") : t("dashboards.metric.notAdditive")}
      </Text>
      {own.length === 0 ? (
        <EmptyNotice>{t("dashboards.noFigures")}</EmptyNotice>
      ) : (
        <MetricPanel metric={metric} figures={own} words={words} height={380} range={range} />
      )}
    </Stack>
  );
}
