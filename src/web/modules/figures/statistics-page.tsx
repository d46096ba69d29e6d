import { Anchor, Button, Checkbox, Group, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { awaitsReview, type Metric, REPORT_SECTIONS, type ReportSection } from "#shared/figures.ts";
import { apiPath, segment } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useUnits } from "../units/units.queries.ts";
import { WarningIcon } from "./figure-parts.tsx";
import {
  canEnterFigures,
  canManageMetrics,
  dashboardPath,
  metricPath,
  useFigures,
  useMetrics,
} from "./figures.queries.ts";
import { addressWith } from "../../components/address.ts";

/** `S.6.1` as an id fragment. */
const sectionId = (section: ReportSection) => `section-${section.replaceAll(".", "-")}`;

export function StatisticsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const units = useUnits();
  const metrics = useMetrics();
  const contradicted = useFigures({ contradicted: true });
  const [params, setParams] = useSearchParams();
  const onlyContradicted = params.get("contradicted") === "true";
  const onlyUnreviewed = params.get("unreviewed") === "true";

  const contradictedByMetric = new Map<string, ContradictionCount>();
  for (const figure of contradicted.data ?? []) {
    const count = contradictedByMetric.get(figure.metricCode) ?? { figures: 0, awaitingReview: 0 };
    count.figures += 1;
    if (awaitsReview(figure)) count.awaitingReview += 1;
    contradictedByMetric.set(figure.metricCode, count);
  }
  const shown = (metrics.data ?? []).filter((metric) => {
    const count = contradictedByMetric.get(metric.code);
    if (onlyUnreviewed) return (count?.awaitingReview ?? 0) > 0;
    return !onlyContradicted || (count?.figures ?? 0) > 0;
  });
  const groups = REPORT_SECTIONS.map((section) => ({
    section,
    entries: shown.filter((metric) => metric.section === section),
  })).filter((group) => group.entries.length > 0);
  const enters = (metrics.data ?? []).some((metric) => canEnterFigures(viewer.data, metric, units.data));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageTitle title={t("figures.title")} />
        <Group gap="sm">
          {enters ? (
            <>
              <Button component={Link} to="/statistics/import" variant="default">
                {t("figures.import")}
              </Button>
              <Button component={Link} to="/statistics/figures/new">
                {t("figures.create")}
              </Button>
            </>
          ) : null}
          {canManageMetrics(viewer.data) ? (
            <Button component={Link} to="/statistics/metrics/new" variant="default">
              {t("figures.createMetric")}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Text>{t("figures.intro")}</Text>
      <Group gap="md">
        <Anchor component={Link} to={dashboardPath()}>
          {t("figures.dashboards")}
        </Anchor>
      </Group>
      <Group gap="sm">
        <Button component="a" variant="default" href={apiPath("/figures/export.csv")} download>
          {t("figures.exportCsv")}
        </Button>
        <Button component="a" variant="default" href={apiPath("/figures/export.xlsx")} download>
          {t("figures.exportXlsx")}
        </Button>
      </Group>
      <form role="search" aria-label={t("figures.filters")} onSubmit={(event) => event.preventDefault()}>
        <Checkbox
          label={t("figures.onlyContradicted")}
          description={t("figures.onlyContradictedHint")}
          name="contradicted"
          checked={onlyContradicted}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            setParams(addressWith({ contradicted: checked ? "true" : null }), { replace: true });
          }}
        />
        <Checkbox
          mt="sm"
          label={t("figures.onlyUnreviewed")}
          description={t("figures.onlyUnreviewedHint")}
          name="unreviewed"
          checked={onlyUnreviewed}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            setParams(addressWith({ unreviewed: checked ? "true" : null }), { replace: true });
          }}
        />
      </form>
      {metrics.isPending ? (
        <Loading />
      ) : metrics.isError ? (
        <ErrorNotice error={metrics.error} onRetry={() => metrics.refetch()} />
      ) : (
        <>
          <Text size="sm" aria-live="polite" className="catalogue-count">
            {metrics.data.length === 0
              ? t("figures.emptyCatalogue")
              : onlyUnreviewed && shown.length === 0
                ? t("figures.noUnreviewed")
                : onlyContradicted && shown.length === 0
                  ? t("figures.noContradictions")
                  : t("figures.catalogueCount", {
                      shown: format.number(shown.length),
                      figures: format.number(shown.reduce((sum, metric) => sum + metric.figureCount, 0)),
                    })}
          </Text>
          {contradicted.isError ? (
            <ErrorNotice error={contradicted.error} onRetry={() => contradicted.refetch()} />
          ) : null}
          {groups.length === 0 && metrics.data.length > 0 && !onlyContradicted && !onlyUnreviewed ? (
            <EmptyNotice>{t("figures.emptyCatalogue")}</EmptyNotice>
          ) : null}
          {groups.map((group) => (
            <section key={group.section} aria-labelledby={sectionId(group.section)}>
              <Title order={2} id={sectionId(group.section)} size="h3" mb="xs">
                {t("figures.sectionTitle", { section: group.section })}
              </Title>
              <MetricTable
                labelledBy={sectionId(group.section)}
                metrics={group.entries}
                contradicted={(metric) =>
                  contradicted.isPending
                    ? null
                    : (contradictedByMetric.get(metric.code) ?? { figures: 0, awaitingReview: 0 })
                }
                onlyContradicted={onlyContradicted}
              />
            </section>
          ))}
        </>
      )}
    </Stack>
  );
}

/** How many figures of a metric disagree with another, and how many of them nobody has reviewed. */
interface ContradictionCount {
  figures: number;
  awaitingReview: number;
}

function MetricTable({
  labelledBy,
  metrics,
  contradicted,
  onlyContradicted,
}: {
  labelledBy: string;
  metrics: Metric[];
  contradicted: (metric: Metric) => ContradictionCount | null;
  onlyContradicted: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped withTableBorder className="catalogue-table" aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("figures.metric")}</Table.Th>
            <Table.Th scope="col">{t("figures.unit")}</Table.Th>
            <Table.Th scope="col">{t("figures.additive")}</Table.Th>
            <Table.Th scope="col">{t("figures.ownerUnit")}</Table.Th>
            <Table.Th scope="col">{t("figures.figureCount")}</Table.Th>
            <Table.Th scope="col">{t("figures.contradictedCount")}</Table.Th>
            <Table.Th scope="col">{t("figures.dashboard")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {metrics.map((metric) => {
            const flagged = contradicted(metric);
            return (
              <Table.Tr key={metric.id} data-metric={metric.code}>
                <Table.Th scope="row" fw={400}>
                  <Anchor
                    component={Link}
                    to={`${metricPath(metric)}${onlyContradicted ? "?contradicted=true" : ""}`}
                    fw={600}
                  >
                    <LocalizedText text={metric.name} original={metric.originalLanguage} />
                  </Anchor>
                  <Text size="xs" dir="ltr" className="metric-code">
                    {metric.code}
                  </Text>
                </Table.Th>
                <Table.Td>{t(`figures.metricUnit.${metric.unit}`)}</Table.Td>
                <Table.Td>{metric.additive ? t("common.yes") : t("common.no")}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/units/${segment(metric.ownerUnitCode)}`} dir="ltr">
                    {metric.ownerUnitCode}
                  </Anchor>
                </Table.Td>
                <Table.Td>{format.number(metric.figureCount)}</Table.Td>
                <Table.Td>
                  {flagged === null ? (
                    "…"
                  ) : flagged.awaitingReview > 0 ? (
                    <Text span fw={600} className="contradiction-flag contradiction-label">
                      <WarningIcon />
                      {t("figures.contradictedShort", { shown: format.number(flagged.figures) })}{" "}
                      {t("figures.awaitingReviewCount", { shown: format.number(flagged.awaitingReview) })}
                    </Text>
                  ) : flagged.figures > 0 ? (
                    <Text span>
                      {t("figures.contradictedShort", { shown: format.number(flagged.figures) })}{" "}
                      {t("figures.allReviewed")}
                    </Text>
                  ) : (
                    format.number(0)
                  )}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={dashboardPath(metric)}>
                    {t("figures.dashboardOf")}
                    <VisuallyHidden> ({localize(metric.name, metric.originalLanguage)})</VisuallyHidden>
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
