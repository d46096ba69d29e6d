import { Anchor, Table, VisuallyHidden } from "@mantine/core";
import { Link } from "react-router";
import type { Figure } from "#shared/figures.ts";
import type { ChartFamily } from "./dashboard-data.ts";
import { figurePath } from "./dashboards.queries.ts";
import type { FigureWords } from "./figure-words.ts";

/** A link to a figure's page named by its source, with the period for those who hear links listed alone. */
export function SourceLink({ figure, words, role }: { figure: Figure; words: FigureWords; role?: string }) {
  return (
    <Anchor component={Link} to={figurePath(figure)} className="figure-source-link">
      {role ? `${role}: ` : null}
      {words.source(figure)}
      <VisuallyHidden> ({words.period(figure)})</VisuallyHidden>
    </Anchor>
  );
}

export function FlagList({ flags }: { flags: string[] }) {
  if (flags.length === 0) return null;
  return (
    <ul className="figure-flags">
      {flags.map((flag) => (
        <li key={flag}>{flag}</li>
      ))}
    </ul>
  );
}

/**
 * The accessible equivalent of a chart: every figure of the metric, drawn or not, as its source
 * states it, with a link to the figure's page.
 */
export function FigureTable({
  figures,
  family,
  caption,
  words,
}: {
  figures: readonly Figure[];
  family: ChartFamily;
  caption: string;
  words: FigureWords;
}) {
  const { t } = words;
  return (
    <div className="dashboard-table">
      <Table withTableBorder striped captionSide="top" className="figure-table">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("dashboards.table.period")}</Table.Th>
            <Table.Th scope="col">{t("dashboards.table.value")}</Table.Th>
            <Table.Th scope="col">{t("dashboards.table.scope")}</Table.Th>
            <Table.Th scope="col">{t("dashboards.table.source")}</Table.Th>
            <Table.Th scope="col">{t("dashboards.table.flags")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {figures.map((figure) => (
            <Table.Tr
              key={figure.id}
              data-figure-id={figure.id}
              data-contradicted={figure.contradictions.length > 0 || undefined}
            >
              <Table.Th scope="row" fw="normal">
                {words.period(figure)}
              </Table.Th>
              <Table.Td className="figure-value">{words.value(figure)}</Table.Td>
              <Table.Td>{words.scope(figure.scope)}</Table.Td>
              <Table.Td>
                <SourceLink figure={figure} words={words} />
              </Table.Td>
              <Table.Td>
                <FlagList flags={words.flags(figure, family, figures)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
