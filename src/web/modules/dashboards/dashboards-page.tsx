import "./dashboards.css";
import { Anchor, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useId, useMemo } from "react";
import { Link } from "react-router";
import { formatNumber } from "#shared/figure-format.ts";
import type { Figure, Metric, ReportSection } from "#shared/figures.ts";
import { LocalizedText } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { chartFamily, isDrawn, sharedRange, yearsWithoutFigures } from "./dashboard-data.ts";
import { metricDashboardPath, useDashboardFigures, useMetricCatalogue } from "./dashboards.queries.ts";
import { type FigureWords, useFigureWords } from "./figure-words.ts";
import { MetricPanel } from "./metric-panel.tsx";
import { PublicationsDashboard } from "./publications-dashboard.tsx";

/** The conference-services counts the dashboard follows period by period (S.2 of the report). */
const CONFERENCE_METRICS = [
  "conference.events",
  "conference.meeting-days",
  "conference.participants",
  "conference.pages",
  "conference.interpretation-days",
];
const MEMBERSHIP_PREFIX = "membership.";

export function DashboardsPage() {
  const words = useFigureWords();
  const { t } = words;
  const catalogue = useMetricCatalogue();
  return (
    <Stack gap="lg" className="dashboards">
      <PageTitle title={t("dashboards.title")} />
      <Text>{t("dashboards.intro")}</Text>
      {catalogue.isPending ? (
        <Loading />
      ) : catalogue.isError ? (
        <ErrorNotice error={catalogue.error} onRetry={() => catalogue.refetch()} />
      ) : (
        <>
          <Dashboard title={t("dashboards.publications.title")} intro={t("dashboards.publications.intro")}>
            <SectionFigures section="S.3">
              {(figures) => <PublicationsDashboard figures={figures} words={words} />}
            </SectionFigures>
          </Dashboard>
          <Dashboard title={t("dashboards.membership.title")} intro={t("dashboards.membership.intro")}>
            <SectionFigures section="S.10">
              {(figures) => (
                <MetricPanels
                  metrics={catalogue.data.filter((m) => m.code.startsWith(MEMBERSHIP_PREFIX))}
                  figures={figures}
                  words={words}
                  coverage
                />
              )}
            </SectionFigures>
          </Dashboard>
          <Dashboard title={t("dashboards.conference.title")} intro={t("dashboards.conference.intro")}>
            <SectionFigures section="S.2">
              {(figures) => (
                <MetricPanels
                  metrics={CONFERENCE_METRICS.map((code) =>
                    catalogue.data.find((m) => m.code === code),
                  ).filter((m): m is Metric => m !== undefined)}
                  figures={figures}
                  words={words}
                />
              )}
            </SectionFigures>
          </Dashboard>
        </>
      )}
    </Stack>
  );
}

function Dashboard({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="dashboard">
      <Stack gap="sm">
        <Title order={2} id={id}>
          {title}
        </Title>
        <Text>{intro}</Text>
        {children}
      </Stack>
    </section>
  );
}

/** The figures of one report section, with the usual waiting and failing. */
function SectionFigures({
  section,
  children,
}: {
  section: ReportSection;
  children: (figures: Figure[]) => ReactNode;
}) {
  const figures = useDashboardFigures({ section });
  if (figures.isPending) return <Loading />;
  if (figures.isError) return <ErrorNotice error={figures.error} onRetry={() => figures.refetch()} />;
  return <>{children(figures.data)}</>;
}

/**
 * One panel per metric, all on the same time scale so that a period sits at the same place in
 * each. With `coverage`, each says how many figures it has and which years have none: sparse
 * data is shown as sparse, not joined up into a trend.
 */
function MetricPanels({
  metrics,
  figures,
  words,
  coverage = false,
}: {
  metrics: Metric[];
  figures: readonly Figure[];
  words: FigureWords;
  coverage?: boolean;
}) {
  const { t } = words;
  const format = useFormat();
  const byMetric = useMemo(
    () => new Map(metrics.map((m) => [m.code, figures.filter((f) => f.metricCode === m.code)])),
    [metrics, figures],
  );
  const range = useMemo(() => {
    const drawn = [...byMetric.values()].flatMap((own) => own.filter((f) => isDrawn(f, chartFamily(own))));
    return sharedRange(drawn);
  }, [byMetric]);
  const shown = metrics.filter((m) => (byMetric.get(m.code)?.length ?? 0) > 0);
  if (shown.length === 0) return <EmptyNotice>{t("dashboards.noFigures")}</EmptyNotice>;

  return (
    <Stack gap="xl">
      {shown.map((metric) => {
        const own = byMetric.get(metric.code) ?? [];
        const missing = range ? yearsWithoutFigures(own, range.firstYear, range.lastYear) : [];
        return (
          <article key={metric.code} className="dashboard-metric" aria-labelledby={`metric-${metric.code}`}>
            <Stack gap="xs">
              <Title order={3} size="h4" id={`metric-${metric.code}`}>
                <Anchor component={Link} to={metricDashboardPath(metric)}>
                  <LocalizedText text={metric.name} original={metric.originalLanguage} />
                </Anchor>
              </Title>
              {coverage && range ? (
                <Text size="sm" className="metric-coverage">
                  {t("dashboards.membership.coverage", { number: formatNumber(own.length, words.lang) })}{" "}
                  {missing.length
                    ? t("dashboards.membership.missingYears", {
                        years: format.list(missing.map((year) => words.year(year))),
                      })
                    : t("dashboards.membership.everyYear", {
                        from: words.year(range.firstYear),
                        to: words.year(range.lastYear),
                      })}
                </Text>
              ) : null}
              <MetricPanel metric={metric} figures={own} words={words} height={240} range={range} />
            </Stack>
          </article>
        );
      })}
    </Stack>
  );
}
