import {
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FigureKind, Metric, Qualifier } from "#shared/figures.ts";
import type { Language } from "#shared/languages.ts";
import { ApiError } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { FormErrorSummary } from "../../components/form-errors.tsx";
import { useLocalize } from "../../components/localized-text.tsx";
import { useFormat } from "../../i18n/format.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import {
  type FigureDraft,
  SymbolInput,
  blankDraft,
  choicesOf,
  figureInputOf,
  previewOf,
  useFigureOptions,
} from "./figure-input.tsx";
import { useFigureWords } from "./figure-parts.tsx";
import { useCreateFigures } from "./figures.queries.ts";

/** One new figure: a row of the grid, keeping its identity while rows above it are removed. */
interface Row extends FigureDraft {
  key: number;
}

/** What is entered once above the grid: where the figures were read, and where they were counted. */
type Common = Pick<FigureDraft, "symbol" | "section" | "language" | "symbolAssumed" | "place">;

let nextRowKey = 1;
const rowOf = (common: Common): Row => ({
  ...blankDraft(common.language),
  ...common,
  key: nextRowKey++,
});

/** The server's path of each cell of a row (`figures.<row>.<path>`), in the order of the columns. */
const CELLS = [
  "periodStart",
  "periodEnd",
  "kind",
  "value",
  "outOf",
  "qualifier",
  "unit",
  "scope.place",
  "scope.category",
  "source.symbol",
  "source.section",
  "source.language",
] as const;
type Cell = (typeof CELLS)[number];
const isCell = (path: string): path is Cell => (CELLS as readonly string[]).includes(path);

const ROW_PROBLEM = /^figures\.(\d+)\.(.+)$/;
const cellId = (key: number, path: string) => `figure-entry-${key}-${path.replaceAll(".", "-")}`;
const SECTION_ID = "figure-entry";

/** A problem the server found in a row, placed on the row it was sent as. */
interface CellProblem {
  key: number;
  path: string;
  message: string;
}

/**
 * Several figures of one metric at once: one row per figure, the source and place entered once
 * above, all saved together or none (the server refuses the whole batch and names every bad cell).
 */
export function FigureEntryGrid({ metric }: { metric: Metric }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const announce = useAnnounce();
  const words = useFigureWords();
  const options = useFigureOptions();
  const save = useCreateFigures(metric.code);
  const [common, setCommon] = useState<Common>(() => ({
    symbol: "",
    section: "",
    language: currentLanguage(),
    symbolAssumed: false,
    place: "",
  }));
  const [rows, setRows] = useState<Row[]>(() => [rowOf(common)]);
  /** The rows' keys in the order they were last sent: the server names rows by that position. */
  const [sentKeys, setSentKeys] = useState<number[]>([]);
  const [saved, setSaved] = useState<number | null>(null);
  const [noRows, setNoRows] = useState(false);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);
  // A refused batch takes the reader to the list of its problems, each a link to its cell.
  useEffect(() => {
    if (save.error) summary.current?.focus();
  }, [save.error]);

  const problems: CellProblem[] =
    save.error instanceof ApiError
      ? save.error.details.flatMap((problem) => {
          const match = ROW_PROBLEM.exec(problem.field);
          const key = match ? sentKeys[Number(match[1])] : undefined;
          return match && key !== undefined ? [{ key, path: match[2]!, message: problem.message }] : [];
        })
      : [];
  const errorOf = (key: number, path: Cell) =>
    problems.find((problem) => problem.key === key && problem.path === path)?.message;

  /** A common value changed: new rows start with it, and rows still holding the old one follow. */
  const changeCommon = <K extends keyof Common>(field: K, value: Common[K]) => {
    const previous = common[field];
    setCommon({ ...common, [field]: value });
    setRows((current) => current.map((row) => (row[field] === previous ? { ...row, [field]: value } : row)));
    setSaved(null);
  };
  const change = <K extends keyof FigureDraft>(key: number, field: K, value: FigureDraft[K]) => {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
    setSaved(null);
  };
  const addRow = () => {
    const row = rowOf(common);
    setRows((current) => [...current, row]);
    setNoRows(false);
    setSaved(null);
    setFocusTarget(cellId(row.key, "periodStart"));
  };
  const removeRow = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    setRows(next);
    // Focus stays in the grid: on the row that took this one's place, else the one above.
    const neighbour = next[index] ?? next[index - 1];
    setFocusTarget(neighbour ? `${cellId(neighbour.key, "remove")}` : `${SECTION_ID}-add`);
  };
  const submit = () => {
    setSaved(null);
    if (rows.length === 0) {
      setNoRows(true);
      return;
    }
    const sent = rows;
    setSentKeys(sent.map((row) => row.key));
    save.mutate(
      { figures: sent.map((row) => figureInputOf(row, metric.code, metric)) },
      {
        onSuccess: (figures) => {
          setRows([rowOf(common)]);
          setSentKeys([]);
          setSaved(figures.length);
          announce(t("figures.grid.savedNotice", { count: format.number(figures.length) }));
        },
      },
    );
  };

  const cellLabel = (row: number, path: Cell) =>
    t("figures.grid.cell", { row: format.number(row), column: t(`figures.field.${path.replace(".", "_")}`) });
  const fieldName = (path: string) =>
    isCell(path) || path === "periodSince" || path === "scope.unitCode" || path === "source.quote"
      ? t(`figures.field.${path.replace(".", "_")}`)
      : path;
  /** Whether a row shows an input for a path (a rank's "out of", a choice of unit). */
  const hasInput = (row: Row, path: string) =>
    isCell(path) &&
    (path === "outOf"
      ? row.kind === "rank"
      : path === "unit"
        ? choicesOf(row, metric).units.length > 1
        : true);

  return (
    <section aria-labelledby={`${SECTION_ID}-title`} id={SECTION_ID}>
      <Title order={2} id={`${SECTION_ID}-title`} size="h3" mb="xs">
        {t("figures.grid.title")}
      </Title>
      <Text mb="sm">{t("figures.grid.intro")}</Text>
      <form
        noValidate
        aria-labelledby={`${SECTION_ID}-title`}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          {save.error ? (
            <div ref={summary} tabIndex={-1} className="grid-error-summary">
              <FormErrorSummary error={save.error} shownFields={(field) => ROW_PROBLEM.test(field)} />
              {/* The batch is one transaction: a refusal means no row was saved. */}
              {save.error instanceof ApiError && save.error.code !== "network" ? (
                <Text fw={600}>{t("figures.grid.nothingSaved")}</Text>
              ) : null}
              {problems.length > 0 ? (
                <>
                  <Text mt="xs">{t("figures.grid.correctCells")}</Text>
                  <List size="sm" mt={4} className="grid-problems">
                    {problems.map((problem) => {
                      const index = rows.findIndex((row) => row.key === problem.key);
                      if (index < 0) return null;
                      const text = t("figures.grid.problem", {
                        row: format.number(index + 1),
                        field: fieldName(problem.path),
                        message: problem.message,
                      });
                      const target = cellId(problem.key, problem.path);
                      return (
                        <List.Item key={`${problem.key}-${problem.path}`}>
                          {hasInput(rows[index]!, problem.path) ? (
                            <Anchor
                              href={`#${target}`}
                              onClick={(event) => {
                                event.preventDefault();
                                document.getElementById(target)?.focus();
                              }}
                            >
                              {text}
                            </Anchor>
                          ) : (
                            text
                          )}
                        </List.Item>
                      );
                    })}
                  </List>
                </>
              ) : null}
            </div>
          ) : null}

          <Fieldset legend={t("figures.grid.commonLegend")}>
            <Text size="sm" mb="xs">
              {t("figures.grid.commonHint")}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <SymbolInput
                label={t("figures.sourceSymbol")}
                hint={t("figures.sourceSymbolHint")}
                name="commonSymbol"
                value={common.symbol}
                onChange={(value) => changeCommon("symbol", value)}
              />
              <TextInput
                label={t("figures.sourceSection")}
                description={t("figures.sourceSectionHint")}
                name="commonSection"
                value={common.section}
                onChange={(event) => changeCommon("section", event.currentTarget.value)}
                autoComplete="off"
                dir="ltr"
              />
              <NativeSelect
                label={t("figures.sourceLanguage")}
                description={t("figures.sourceLanguageHint")}
                name="commonLanguage"
                value={common.language}
                onChange={(event) => changeCommon("language", event.currentTarget.value as Language)}
                data={options.languages}
              />
              <NativeSelect
                label={t("figures.scopePlace")}
                description={t("figures.grid.placeHint")}
                name="commonPlace"
                value={common.place}
                onChange={(event) => changeCommon("place", event.currentTarget.value)}
                data={options.places}
              />
            </SimpleGrid>
            <Checkbox
              mt="sm"
              label={t("figures.symbolAssumedLabel")}
              description={t("figures.grid.symbolAssumedHint")}
              name="commonSymbolAssumed"
              checked={common.symbolAssumed}
              onChange={(event) => changeCommon("symbolAssumed", event.currentTarget.checked)}
            />
          </Fieldset>

          {rows.length === 0 ? (
            <Text role={noRows ? "alert" : undefined} className="grid-no-rows">
              {t("figures.grid.noRows")}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={1960}>
              <Table withTableBorder captionSide="top" className="figure-entry-grid">
                <Table.Caption>
                  {t("figures.grid.caption", { metric: localize(metric.name, metric.originalLanguage) })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("figures.grid.row")}</Table.Th>
                    <Table.Th scope="col">{t("figures.field.periodStart")}</Table.Th>
                    <Table.Th scope="col">{t("figures.field.periodEnd")}</Table.Th>
                    <Table.Th scope="col">{t("figures.field.kind")}</Table.Th>
                    <Table.Th scope="col">{t("figures.field.value")}</Table.Th>
                    <Table.Th scope="col">{t("figures.field.qualifier")}</Table.Th>
                    <Table.Th scope="col">{t("figures.field.unit")}</Table.Th>
                    <Table.Th scope="col">{t("figures.field.scope_place")}</Table.Th>
                    <Table.Th scope="col">{t("figures.field.scope_category")}</Table.Th>
                    <Table.Th scope="col">{t("figures.field.source_symbol")}</Table.Th>
                    <Table.Th scope="col">{t("figures.field.source_section")}</Table.Th>
                    <Table.Th scope="col">{t("figures.field.source_language")}</Table.Th>
                    <Table.Th scope="col">{t("figures.grid.preview")}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t("figures.grid.actions")}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row, index) => {
                    const number = index + 1;
                    const chosen = choicesOf(row, metric);
                    const preview = previewOf(row, metric, words);
                    const props = (path: Cell) => ({
                      id: cellId(row.key, path),
                      name: `figures.${index}.${path}`,
                      "aria-label": cellLabel(number, path),
                      error: errorOf(row.key, path),
                    });
                    return (
                      <Table.Tr key={row.key} data-row={number}>
                        <Table.Th scope="row">{format.number(number)}</Table.Th>
                        <Table.Td>
                          <TextInput
                            type="date"
                            {...props("periodStart")}
                            value={row.periodStart}
                            onChange={(event) => change(row.key, "periodStart", event.currentTarget.value)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            type="date"
                            {...props("periodEnd")}
                            value={row.periodEnd}
                            onChange={(event) => change(row.key, "periodEnd", event.currentTarget.value)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <NativeSelect
                            {...props("kind")}
                            value={row.kind}
                            onChange={(event) =>
                              change(row.key, "kind", event.currentTarget.value as FigureKind)
                            }
                            data={options.kinds}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={4}>
                            <TextInput
                              {...props("value")}
                              inputMode="decimal"
                              autoComplete="off"
                              value={row.value}
                              onChange={(event) => change(row.key, "value", event.currentTarget.value)}
                            />
                            {row.kind === "rank" ? (
                              <TextInput
                                {...props("outOf")}
                                inputMode="numeric"
                                autoComplete="off"
                                placeholder={t("figures.outOf")}
                                value={row.outOf}
                                onChange={(event) => change(row.key, "outOf", event.currentTarget.value)}
                              />
                            ) : null}
                          </Stack>
                        </Table.Td>
                        <Table.Td>
                          <NativeSelect
                            {...props("qualifier")}
                            value={chosen.qualifier}
                            onChange={(event) =>
                              change(row.key, "qualifier", event.currentTarget.value as Qualifier)
                            }
                            data={options.qualifiers(chosen.qualifiers)}
                          />
                        </Table.Td>
                        <Table.Td>
                          {chosen.units.length > 1 ? (
                            <NativeSelect
                              {...props("unit")}
                              value={chosen.unit ?? ""}
                              onChange={(event) => change(row.key, "unit", event.currentTarget.value)}
                              data={options.units(chosen.units)}
                            />
                          ) : (
                            <>
                              <Text size="sm" className="grid-fixed-unit">
                                {chosen.unit ? t(`figures.figureUnit.${chosen.unit}`) : "—"}
                              </Text>
                              {errorOf(row.key, "unit") ? (
                                <Text size="xs" c="red.9">
                                  {errorOf(row.key, "unit")}
                                </Text>
                              ) : null}
                            </>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <NativeSelect
                            {...props("scope.place")}
                            value={row.place}
                            onChange={(event) => change(row.key, "place", event.currentTarget.value)}
                            data={options.places}
                          />
                        </Table.Td>
                        <Table.Td>
                          <NativeSelect
                            {...props("scope.category")}
                            value={row.category}
                            onChange={(event) => change(row.key, "category", event.currentTarget.value)}
                            data={options.categories}
                          />
                        </Table.Td>
                        <Table.Td>
                          <SymbolInput
                            {...props("source.symbol")}
                            value={row.symbol}
                            onChange={(value) => change(row.key, "symbol", value)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            {...props("source.section")}
                            autoComplete="off"
                            dir="ltr"
                            value={row.section}
                            onChange={(event) => change(row.key, "section", event.currentTarget.value)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <NativeSelect
                            {...props("source.language")}
                            value={row.language}
                            onChange={(event) =>
                              change(row.key, "language", event.currentTarget.value as Language)
                            }
                            data={options.languages}
                          />
                        </Table.Td>
                        <Table.Td className="grid-preview">
                          {preview.figure === null && preview.period === null ? (
                            "—"
                          ) : (
                            <>
                              <span className="figure-value">{preview.figure ?? "…"}</span>
                              {t("figures.previewSeparator")}
                              {preview.period ?? "…"}
                            </>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Button
                            id={cellId(row.key, "remove")}
                            variant="default"
                            size="xs"
                            onClick={() => removeRow(index)}
                          >
                            {t("figures.grid.removeRow", { row: format.number(number) })}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}

          <Group gap="sm">
            <Button id={`${SECTION_ID}-add`} variant="default" onClick={addRow}>
              {t("figures.grid.addRow")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("figures.grid.save")}
            </Button>
            {saved !== null ? (
              <Text className="grid-saved">
                {t("figures.grid.savedNotice", { count: format.number(saved) })}
              </Text>
            ) : null}
          </Group>
        </Stack>
      </form>
    </section>
  );
}
