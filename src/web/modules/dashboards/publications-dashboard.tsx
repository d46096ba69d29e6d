import { Stack, Table, Text } from "@mantine/core";
import { Fragment, useMemo } from "react";
import type { Figure } from "#shared/figures.ts";
import { EmptyNotice } from "../../components/states.tsx";
import { Chart } from "./chart.tsx";
import { budgetChartOption, variancePercentText, varianceAmountText } from "./chart-options.ts";
import { type BudgetComparison, compareWithBudget } from "./dashboard-data.ts";
import { FlagList, SourceLink } from "./figure-table.tsx";
import type { FigureWords } from "./figure-words.ts";

export const SALES_METRIC = "publications.sales";
export const SALES_BUDGET_METRIC = "publications.sales-budget";

/** Publication sales against budget: the chart of the periods that have both, and the table of all. */
export function PublicationsDashboard({
  figures,
  words,
}: {
  figures: readonly Figure[];
  words: FigureWords;
}) {
  const { t } = words;
  const sales = useMemo(() => figures.filter((f) => f.metricCode === SALES_METRIC), [figures]);
  const dashboard = useMemo(
    () =>
      compareWithBudget(
        sales,
        figures.filter((f) => f.metricCode === SALES_BUDGET_METRIC),
      ),
    [sales, figures],
  );
  const option = useMemo(() => budgetChartOption(dashboard, words), [dashboard, words]);
  const charted = [...dashboard.years, ...dashboard.longer];
  if (charted.length === 0 && dashboard.withoutBudget.length === 0)
    return <EmptyNotice>{t("dashboards.publications.empty")}</EmptyNotice>;

  const summary = charted
    .map((row) =>
      t("dashboards.publications.summaryItem", {
        period: words.period(row.actual),
        actual: words.value(row.actual),
        budget: row.budget ? words.value(row.budget) : "",
        variance: varianceAmountText(row, words) ?? "",
      }),
    )
    .join(t("dashboards.separator"));
  // Years, with and without a budget, in order; then the longer periods, apart.
  const years = [...dashboard.years, ...dashboard.withoutBudget].sort((a, b) =>
    a.periodStart.localeCompare(b.periodStart),
  );
  const groups = [
    { name: t("dashboards.publications.years"), rows: years },
    {
      name: dashboard.longerAreBiennia
        ? t("dashboards.publications.biennium")
        : t("dashboards.publications.otherPeriods"),
      rows: dashboard.longer,
    },
  ].filter((group) => group.rows.length > 0);

  return (
    <Stack gap="xs">
      {charted.length > 0 ? (
        <Chart
          option={option}
          label={t("dashboards.publications.chartLabel", { summary })}
          height={340}
          className="budget-chart"
        />
      ) : null}
      <Text size="sm">{t("dashboards.publications.key")}</Text>
      <div className="dashboard-table">
        <Table withTableBorder striped captionSide="top" className="budget-table">
          <Table.Caption>{t("dashboards.publications.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("dashboards.table.period")}</Table.Th>
              <Table.Th scope="col">{t("dashboards.publications.actual")}</Table.Th>
              <Table.Th scope="col">{t("dashboards.publications.budget")}</Table.Th>
              <Table.Th scope="col">{t("dashboards.publications.variance")}</Table.Th>
              <Table.Th scope="col">{t("dashboards.publications.variancePercent")}</Table.Th>
              <Table.Th scope="col">{t("dashboards.table.scope")}</Table.Th>
              <Table.Th scope="col">{t("dashboards.table.source")}</Table.Th>
              <Table.Th scope="col">{t("dashboards.table.flags")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((group) => (
              <Fragment key={group.name}>
                <Table.Tr className="table-group">
                  <Table.Th scope="rowgroup" colSpan={8}>
                    {group.name}
                  </Table.Th>
                </Table.Tr>
                {group.rows.map((row) => (
                  <BudgetRow key={row.actual.id} row={row} sales={sales} words={words} />
                ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}

function BudgetRow({
  row,
  sales,
  words,
}: {
  row: BudgetComparison;
  sales: readonly Figure[];
  words: FigureWords;
}) {
  const { t } = words;
  const flags = [
    ...(row.budget ? [] : [t("dashboards.publications.noBudget")]),
    ...words.flags(row.actual, "amounts", sales),
    ...(row.statedVariance
      ? [t("dashboards.publications.statedVariance", { value: words.value(row.statedVariance) })]
      : []),
    // A restatement already named as a contradiction is not repeated.
    ...row.otherActuals
      .filter((other) => !row.actual.contradictions.includes(other.id))
      .map((other) => t("dashboards.publications.otherStatement", { value: words.value(other) })),
  ];
  return (
    <Table.Tr
      data-period={`${row.periodStart}/${row.periodEnd}`}
      data-charted={row.budget ? true : undefined}
    >
      <Table.Th scope="row" fw="normal">
        {words.period(row.actual)}
      </Table.Th>
      <Table.Td className="budget-actual">{words.value(row.actual)}</Table.Td>
      <Table.Td className="budget-budget">
        {row.budget ? words.value(row.budget) : t("dashboards.publications.noBudgetCell")}
      </Table.Td>
      <Table.Td className="budget-variance">
        {varianceAmountText(row, words) ?? t("dashboards.publications.noVarianceCell")}
      </Table.Td>
      <Table.Td className="budget-variance-percent">
        {variancePercentText(row, words) ?? t("dashboards.publications.noVarianceCell")}
      </Table.Td>
      <Table.Td>{words.scope(row.actual.scope)}</Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <SourceLink figure={row.actual} words={words} role={t("dashboards.publications.actual")} />
          {row.budget ? (
            <SourceLink figure={row.budget} words={words} role={t("dashboards.publications.budget")} />
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        <FlagList flags={flags} />
      </Table.Td>
    </Table.Tr>
  );
}
