import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import {
  type Figure,
  MEMBER_CATEGORIES,
  type MemberCategory,
  type Metric,
  type PeriodTotal,
  SCOPE_PLACES,
  type ScopePlace,
} from "#shared/figures.ts";
import { segment } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { Details } from "../../components/details.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { PageLoadError, PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useUnits } from "../units/units.queries.ts";
import { FigureEntryGrid } from "./figure-entry-grid.tsx";
import {
  ContradictionFlag,
  FigureLink,
  FigureRef,
  FigureValue,
  ScopeText,
  SourceText,
  useFigureWords,
} from "./figure-parts.tsx";
import {
  canEnterFigures,
  canManageMetrics,
  dashboardPath,
  figurePath,
  metricPath,
  type TotalQuery,
  useFigures,
  useMetric,
  usePeriodTotal,
} from "./figures.queries.ts";
import { addressWith } from "../../components/address.ts";

export function MetricPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const metric = useMetric(code);
  if (metric.isPending) return <Loading />;
  if (metric.isError)
    return (
      <PageLoadError title={t("figures.metricTitle")} error={metric.error} onRetry={() => metric.refetch()} />
    );
  return <MetricDetails metric={metric.data} />;
}

/** Oldest period first; of two starting the same day, the shorter first. */
export const byPeriod = (a: Figure, b: Figure) =>
  a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd);

/**
 * Figures by id, for naming the figures a figure is compared with or contradicts. Comparisons may
 * point at another metric's figures (a budget), so all figures load only when some are compared.
 */
export function useFigureIndex(own: readonly Figure[]) {
  const compared = own.some((figure) => figure.comparisons.length > 0);
  const all = useFigures({}, compared);
  const byId = new Map<string, Figure>();
  for (const figure of all.data ?? []) byId.set(figure.id, figure);
  for (const figure of own) byId.set(figure.id, figure);
  return byId;
}

function MetricDetails({ metric }: { metric: Metric }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const viewer = useViewer();
  const units = useUnits();
  const figures = useFigures({ metricCode: metric.code });
  const [params, setParams] = useSearchParams();
  const onlyContradicted = params.get("contradicted") === "true";
  const all = [...(figures.data ?? [])].sort(byPeriod);
  const shown = onlyContradicted ? all.filter((figure) => figure.contradictions.length > 0) : all;
  const byId = useFigureIndex(all);
  const enters = canEnterFigures(viewer.data, metric, units.data);
  const name = localize(metric.name, metric.originalLanguage);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/statistics" size="sm">
          {t("figures.backToCatalogue")}
        </Anchor>
        <Group justify="space-between" align="flex-end">
          <PageTitle title={name}>
            <LocalizedText text={metric.name} original={metric.originalLanguage} />
          </PageTitle>
          <Group gap="sm">
            {enters ? (
              <>
                <Button component={Link} to={`/statistics/figures/new?metric=${segment(metric.code)}`}>
                  {t("figures.create")}
                </Button>
                <Button component="a" href="#figure-entry" variant="default">
                  {t("figures.grid.title")}
                </Button>
              </>
            ) : null}
            {canManageMetrics(viewer.data) ? (
              <Button component={Link} to={`${metricPath(metric)}/edit`} variant="default">
                {t("figures.editMetric")}
              </Button>
            ) : null}
          </Group>
        </Group>
        <Text size="sm" dir="ltr" className="metric-code">
          {metric.code}
        </Text>
      </Stack>

      {metric.definition ? (
        <Text className="metric-definition">
          <LocalizedText text={metric.definition} original={metric.originalLanguage} />
        </Text>
      ) : null}

      <Details
        items={[
          { label: t("figures.unit"), value: t(`figures.metricUnit.${metric.unit}`) },
          {
            label: t("figures.additive"),
            value: metric.additive ? t("figures.additiveYes") : t("figures.additiveNo"),
          },
          { label: t("figures.section"), value: <span dir="ltr">{metric.section}</span> },
          {
            label: t("figures.ownerUnit"),
            value: (
              <Anchor component={Link} to={`/units/${segment(metric.ownerUnitCode)}`} dir="ltr">
                {metric.ownerUnitCode}
              </Anchor>
            ),
          },
          { label: t("figures.figureCount"), value: format.number(metric.figureCount) },
          {
            label: t("figures.dashboard"),
            value: (
              <Anchor component={Link} to={dashboardPath(metric)}>
                {t("figures.dashboardOf")}
              </Anchor>
            ),
          },
        ]}
      />

      <section aria-labelledby="metric-figures">
        <Title order={2} id="metric-figures" size="h3" mb="xs">
          {t("figures.figuresTitle")}
        </Title>
        <Checkbox
          label={t("figures.onlyContradicted")}
          name="contradicted"
          checked={onlyContradicted}
          mb="sm"
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            setParams(addressWith({ contradicted: checked ? "true" : null }), { replace: true });
          }}
        />
        {figures.isPending ? (
          <Loading />
        ) : figures.isError ? (
          <ErrorNotice error={figures.error} onRetry={() => figures.refetch()} />
        ) : shown.length === 0 ? (
          <EmptyNotice>
            {onlyContradicted ? t("figures.noContradictions") : t("figures.noFigures")}
          </EmptyNotice>
        ) : (
          <>
            <Text size="sm" aria-live="polite" mb="xs">
              {t("figures.figuresCount", {
                shown: format.number(shown.length),
                contradicted: format.number(all.filter((f) => f.contradictions.length > 0).length),
              })}
            </Text>
            <FigureGrid figures={shown} byId={byId} caption={t("figures.gridCaption", { metric: name })} />
          </>
        )}
      </section>

      {enters ? <FigureEntryGrid metric={metric} /> : null}

      <section aria-labelledby="metric-total">
        <Title order={2} id="metric-total" size="h3" mb="xs">
          {t("figures.totalTitle")}
        </Title>
        <PeriodTotalBox metric={metric} byId={byId} />
      </section>
    </Stack>
  );
}

function FigureGrid({
  figures,
  byId,
  caption,
}: {
  figures: Figure[];
  byId: ReadonlyMap<string, Figure>;
  caption: string;
}) {
  const { t } = useTranslation();
  const words = useFigureWords();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table withTableBorder captionSide="top" className="figures-table">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("figures.period")}</Table.Th>
            <Table.Th scope="col">{t("figures.kindLabel")}</Table.Th>
            <Table.Th scope="col">{t("figures.value")}</Table.Th>
            <Table.Th scope="col">{t("figures.qualifierLabel")}</Table.Th>
            <Table.Th scope="col">{t("figures.scope")}</Table.Th>
            <Table.Th scope="col">{t("figures.source")}</Table.Th>
            <Table.Th scope="col">{t("figures.comparisons")}</Table.Th>
            <Table.Th scope="col">{t("figures.contradictions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {figures.map((figure) => (
            <Table.Tr
              key={figure.id}
              data-figure={figure.id}
              data-contradicted={figure.contradictions.length > 0 ? "" : undefined}
            >
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={figurePath(figure)} fw={600}>
                  {words.periodOf(figure)}
                </Anchor>
              </Table.Th>
              <Table.Td>{t(`figures.kind.${figure.kind}`)}</Table.Td>
              <Table.Td>
                <FigureValue figure={figure} />
              </Table.Td>
              <Table.Td>{t(`figures.qualifier.${figure.qualifier}`)}</Table.Td>
              <Table.Td>
                <ScopeText scope={figure.scope} />
              </Table.Td>
              <Table.Td>
                <SourceText source={figure.source} />
              </Table.Td>
              <Table.Td>
                <Comparisons figure={figure} byId={byId} />
              </Table.Td>
              <Table.Td>
                {figure.contradictions.length > 0 ? (
                  <ContradictionFlag figure={figure} byId={byId} compact />
                ) : (
                  t("figures.noContradiction")
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** What a figure is compared with: the budget it reached, or the same metric before. */
export function Comparisons({ figure, byId }: { figure: Figure; byId: ReadonlyMap<string, Figure> }) {
  const { t } = useTranslation();
  if (figure.comparisons.length === 0) return <>{t("history.none")}</>;
  return (
    <ul className="comparison-list">
      {figure.comparisons.map((comparison) => (
        <li key={`${comparison.relation}-${comparison.figureId}`}>
          {t(`figures.relation.${comparison.relation}`)}
          {t("figures.relationSeparator")}
          <FigureRef
            id={comparison.figureId}
            byId={byId}
            withMetric={byId.get(comparison.figureId)?.metricCode !== figure.metricCode}
          />
        </li>
      ))}
    </ul>
  );
}

interface TotalForm {
  from: string;
  to: string;
  place: string;
  unitCode: string;
  category: string;
}

/** The total over a period the reader names: a value with the figures it comes from, or why none. */
function PeriodTotalBox({ metric, byId }: { metric: Metric; byId: ReadonlyMap<string, Figure> }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const units = useUnits();
  const [form, setForm] = useState<TotalForm>({ from: "", to: "", place: "", unitCode: "", category: "" });
  const [asked, setAsked] = useState<TotalQuery | null>(null);
  const total = usePeriodTotal(metric.code, asked);
  const errors = fieldErrorsOf(total.error);
  const set = (key: keyof TotalForm, value: string) => setForm((previous) => ({ ...previous, [key]: value }));
  return (
    <Stack gap="sm">
      <Text size="sm">{t("figures.totalIntro")}</Text>
      <form
        noValidate
        aria-labelledby="metric-total"
        onSubmit={(event) => {
          event.preventDefault();
          setAsked({
            from: form.from,
            to: form.to,
            ...(form.place ? { place: form.place as ScopePlace } : {}),
            ...(form.unitCode ? { unitCode: form.unitCode } : {}),
            ...(form.category ? { category: form.category as MemberCategory } : {}),
          });
        }}
      >
        <Stack gap="sm" maw={860}>
          {total.isError && Object.keys(errors).length === 0 ? (
            <ErrorNotice error={total.error} />
          ) : total.isError ? (
            <FormErrorSummary
              error={total.error}
              shownFields={(field) => /^(from|to|place|unitCode|category)$/.test(field)}
            />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
            <TextInput
              type="date"
              label={t("figures.totalFrom")}
              name="totalFrom"
              value={form.from}
              onChange={(event) => set("from", event.currentTarget.value)}
              error={errors.from}
              required
            />
            <TextInput
              type="date"
              label={t("figures.totalTo")}
              name="totalTo"
              value={form.to}
              onChange={(event) => set("to", event.currentTarget.value)}
              error={errors.to}
              required
            />
            <NativeSelect
              label={t("figures.scopePlace")}
              name="totalPlace"
              value={form.place}
              onChange={(event) => set("place", event.currentTarget.value)}
              error={errors.place}
              data={[
                { value: "", label: t("figures.noPlace") },
                ...SCOPE_PLACES.map((place) => ({ value: place, label: t(`figures.place.${place}`) })),
              ]}
            />
            <NativeSelect
              label={t("figures.scopeUnit")}
              name="totalUnitCode"
              value={form.unitCode}
              onChange={(event) => set("unitCode", event.currentTarget.value)}
              error={errors.unitCode}
              data={[
                { value: "", label: t("figures.noUnit") },
                ...(units.data ?? []).map((unit) => ({
                  value: unit.code,
                  label: `${unit.code} — ${localize(unit.name, unit.originalLanguage)}`,
                })),
              ]}
            />
            <NativeSelect
              label={t("figures.scopeCategory")}
              name="totalCategory"
              value={form.category}
              onChange={(event) => set("category", event.currentTarget.value)}
              error={errors.category}
              data={[
                { value: "", label: t("figures.noCategory") },
                ...MEMBER_CATEGORIES.map((c) => ({ value: c, label: t(`figures.category.${c}`) })),
              ]}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" variant="default" loading={total.isFetching}>
              {t("figures.totalSubmit")}
            </Button>
          </Group>
        </Stack>
      </form>
      <div aria-live="polite" className="total-result">
        {asked && total.data ? (
          <TotalAnswer metric={metric} asked={asked} total={total.data} byId={byId} />
        ) : null}
      </div>
    </Stack>
  );
}

function TotalAnswer({
  metric,
  asked,
  total,
  byId,
}: {
  metric: Metric;
  asked: TotalQuery;
  total: PeriodTotal;
  byId: ReadonlyMap<string, Figure>;
}) {
  const { t } = useTranslation();
  const words = useFigureWords();
  const period = words.period(asked.from, asked.to) ?? `${asked.from} – ${asked.to}`;
  if (total.status === "computed") {
    return (
      <Alert color="blue.9" variant="outline" title={t("figures.totalComputed", { period })}>
        <Text fw={700} size="lg" className="figure-value total-value">
          {words.qualified(total.value, metric.unit, total.qualifier)}
        </Text>
        <Text size="sm" mt="xs">
          {t("figures.totalFromFigures")}
        </Text>
        <ul className="total-figures">
          {total.figureIds.map((id) => {
            const figure = byId.get(id);
            return (
              <li key={id}>{figure ? <FigureLink figure={figure} /> : <FigureRef id={id} byId={byId} />}</li>
            );
          })}
        </ul>
      </Alert>
    );
  }
  return (
    <Alert color="red.9" variant="outline" title={t("figures.totalNotComputable", { period })}>
      <ul className="total-reasons">
        {total.reasons.map((reason, index) => (
          <li key={`${reason.reason}-${index}`}>
            {t(`figures.reason.${reason.reason}`, {
              period:
                reason.from && reason.to
                  ? (words.period(reason.from, reason.to) ?? `${reason.from} – ${reason.to}`)
                  : period,
            })}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
