import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import {
  type CreateFigureInput,
  type Figure,
  type FigureComparison,
  type FigureKind,
  type Metric,
  type Qualifier,
  REPORT_SECTIONS,
  type UpdateFigureInput,
} from "#shared/figures.ts";
import type { Language } from "#shared/languages.ts";
import { api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { EditRecordPage } from "../../components/edit-record-page.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { useLocalize } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { Loading } from "../../components/states.tsx";
import { currentLanguage, directionOf } from "../../i18n/i18n.ts";
import { useUnits } from "../units/units.queries.ts";
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
import {
  figurePath,
  invalidateFigures,
  metricPath,
  useFigure,
  useFigures,
  useMetrics,
} from "./figures.queries.ts";

interface ComparisonRow {
  /** Rows keep their identity while others are removed above them. */
  key: number;
  relation: FigureComparison["relation"];
  metricCode: string;
  figureId: string;
}

interface FigureFormState extends FigureDraft {
  metricCode: string;
  comparisons: ComparisonRow[];
}

let nextRowKey = 1;

function stateOf(figure: Figure, metricOf: (figureId: string) => string): FigureFormState {
  return {
    metricCode: figure.metricCode,
    kind: figure.kind,
    value: String(figure.value),
    unit: figure.unit,
    qualifier: figure.qualifier,
    outOf: figure.outOf === null ? "" : String(figure.outOf),
    periodStart: figure.periodStart,
    periodEnd: figure.periodEnd,
    periodSince: figure.periodSince ?? "",
    place: figure.scope.place ?? "",
    unitCode: figure.scope.unitCode ?? "",
    category: figure.scope.category ?? "",
    symbol: figure.source.symbol,
    section: figure.source.section ?? "",
    language: figure.source.language,
    symbolAssumed: figure.source.symbolAssumed,
    quote: figure.source.quote ?? "",
    comparisons: figure.comparisons.map((c) => ({
      key: nextRowKey++,
      relation: c.relation,
      metricCode: metricOf(c.figureId),
      figureId: c.figureId,
    })),
  };
}

function bodyOf(form: FigureFormState, metric: Metric | undefined): CreateFigureInput {
  return figureInputOf(
    form,
    form.metricCode,
    metric,
    form.comparisons
      .filter((row) => row.figureId !== "")
      .map((row) => ({ relation: row.relation, figureId: row.figureId })),
  );
}

export function FigureCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const metrics = useMetrics();
  const [params] = useSearchParams();
  const [initial] = useState<FigureFormState>(() => ({
    ...blankDraft(currentLanguage()),
    metricCode: params.get("metric") ?? "",
    comparisons: [],
  }));
  const words = useFigureWords();
  const create = useMutation({
    mutationFn: (form: FigureFormState) =>
      api.post<Figure>(
        "/figures",
        bodyOf(
          form,
          metrics.data?.find((m) => m.code === form.metricCode),
        ),
      ),
    onSuccess: (figure) => {
      invalidateFigures(queryClient, figure.metricCode);
      queryClient.setQueryData(["figure", figure.id], figure);
      navigate(figurePath(figure));
      announce(
        t("figures.createdNotice", {
          figure: words.value(figure),
          period: words.periodOf(figure),
          metric: figure.metricCode,
        }),
      );
    },
  });
  const fromMetric = params.get("metric");
  return (
    <Stack gap="md">
      <PageTitle title={t("figures.createTitle")} />
      {metrics.isPending ? (
        <Loading />
      ) : (
        <FigureForm
          initial={initial}
          mode="create"
          pending={create.isPending}
          error={create.error}
          onSubmit={(form) => create.mutate(form)}
          cancelTo={fromMetric ? metricPath({ code: fromMetric }) : "/statistics"}
        />
      )}
    </Stack>
  );
}

export function FigureEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const figure = useFigure(id);
  const all = useFigures();
  const metrics = useMetrics();
  const localize = useLocalize();
  const words = useFigureWords();
  return (
    <EditRecordPage
      record={figure}
      loadErrorTitle={t("figures.editTitle")}
      title={(record) => {
        const metric = metrics.data?.find((m) => m.code === record.metricCode);
        return t("figures.editTitleOf", {
          metric: metric ? localize(metric.name, metric.originalLanguage) : record.metricCode,
          period: words.periodOf(record),
        });
      }}
      alsoLoading={all.isPending}
      form={(record, onReload) => <EditFigureForm figure={record} all={all.data ?? []} onReload={onReload} />}
    />
  );
}

function EditFigureForm({ figure, all, onReload }: { figure: Figure; all: Figure[]; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const metrics = useMetrics();
  const words = useFigureWords();
  const [initial] = useState(() =>
    stateOf(figure, (figureId) => all.find((f) => f.id === figureId)?.metricCode ?? ""),
  );
  const update = useMutation({
    mutationFn: (form: FigureFormState) =>
      api.put<Figure>(`/figures/${segment(figure.id)}`, {
        ...bodyOf(
          form,
          metrics.data?.find((m) => m.code === form.metricCode),
        ),
        version: figure.version,
      } satisfies UpdateFigureInput),
    onSuccess: (saved) => {
      queryClient.setQueryData(["figure", saved.id], saved);
      invalidateFigures(queryClient);
      void queryClient.invalidateQueries({ queryKey: ["figure-history", saved.id] });
      navigate(figurePath(saved));
      announce(
        t("figures.savedNotice", {
          figure: words.value(saved),
          period: words.periodOf(saved),
          metric: saved.metricCode,
        }),
      );
    },
  });
  return (
    <FigureForm
      initial={initial}
      mode="edit"
      figureId={figure.id}
      pending={update.isPending}
      error={update.error}
      onSubmit={(form) => update.mutate(form)}
      onReload={onReload}
      cancelTo={figurePath(figure)}
    />
  );
}

const SHOWN_FIELDS =
  /^(metricCode|kind|value|unit|qualifier|outOf|periodStart|periodEnd|periodSince|scope(\.(place|unitCode|category))?|source(\.(symbol|section|language|symbolAssumed|quote))?|comparisons(\.\d+(\.(relation|figureId))?)?)$/;

function FigureForm({
  initial,
  mode,
  figureId,
  pending,
  error,
  onSubmit,
  onReload,
  cancelTo,
}: {
  initial: FigureFormState;
  mode: "create" | "edit";
  figureId?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (form: FigureFormState) => void;
  onReload?: () => void;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const words = useFigureWords();
  const options = useFigureOptions();
  const metrics = useMetrics();
  const units = useUnits();
  const [form, setForm] = useState(initial);
  const errors = fieldErrorsOf(error);
  const set = <K extends keyof FigureFormState>(key: K, value: FigureFormState[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));
  const metric = metrics.data?.find((m) => m.code === form.metricCode);
  const chosen = choicesOf(form, metric);

  const metricOptions = REPORT_SECTIONS.map((section) => ({
    group: t("figures.sectionTitle", { section }),
    items: (metrics.data ?? [])
      .filter((m) => m.section === section)
      .map((m) => ({ value: m.code, label: `${localize(m.name, m.originalLanguage)} (${m.code})` })),
  })).filter((group) => group.items.length > 0);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(form);
      }}
    >
      <Stack gap="md" maw={860}>
        <FormErrorSummary
          error={error}
          shownFields={(field) => SHOWN_FIELDS.test(field)}
          onReload={onReload}
        />
        <NativeSelect
          label={t("figures.metric")}
          name="metricCode"
          value={form.metricCode}
          onChange={(event) => set("metricCode", event.currentTarget.value)}
          error={errors.metricCode}
          required
          data={[{ value: "", label: t("figures.chooseMetric") }, ...metricOptions]}
        />
        {metric?.definition ? (
          <Text size="sm" className="metric-definition">
            {localize(metric.definition, metric.originalLanguage)}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("figures.kindLabel")}
            description={t(`figures.kindHint.${form.kind}`)}
            name="kind"
            value={form.kind}
            onChange={(event) => set("kind", event.currentTarget.value as FigureKind)}
            error={errors.kind}
            data={options.kinds}
          />
          <NativeSelect
            label={t("figures.qualifierLabel")}
            description={form.kind === "rank" ? t("figures.rankQualifierHint") : t("figures.qualifierHint")}
            name="qualifier"
            value={chosen.qualifier}
            onChange={(event) => set("qualifier", event.currentTarget.value as Qualifier)}
            error={errors.qualifier}
            data={options.qualifiers(chosen.qualifiers)}
          />
          <TextInput
            label={t("figures.value")}
            description={form.kind === "rank" ? t("figures.rankValueHint") : t("figures.valueHint")}
            name="value"
            inputMode="decimal"
            value={form.value}
            onChange={(event) => set("value", event.currentTarget.value)}
            error={errors.value}
            required
            autoComplete="off"
          />
          <NativeSelect
            label={t("figures.unit")}
            description={metric ? t("figures.unitHint") : t("figures.unitNeedsMetric")}
            name="unit"
            value={chosen.unit ?? ""}
            onChange={(event) => set("unit", event.currentTarget.value)}
            error={errors.unit}
            disabled={chosen.units.length === 0}
            data={chosen.units.length === 0 ? [{ value: "", label: "—" }] : options.units(chosen.units)}
          />
          {form.kind === "rank" ? (
            <TextInput
              label={t("figures.outOf")}
              description={t("figures.outOfHint")}
              name="outOf"
              inputMode="numeric"
              value={form.outOf}
              onChange={(event) => set("outOf", event.currentTarget.value)}
              error={errors.outOf}
              required
              autoComplete="off"
            />
          ) : null}
        </SimpleGrid>

        <Fieldset legend={t("figures.periodLegend")}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label={t("figures.periodStart")}
              name="periodStart"
              value={form.periodStart}
              onChange={(event) => set("periodStart", event.currentTarget.value)}
              error={errors.periodStart}
              required
            />
            <TextInput
              type="date"
              label={t("figures.periodEnd")}
              description={t("figures.periodEndHint")}
              name="periodEnd"
              value={form.periodEnd}
              onChange={(event) => set("periodEnd", event.currentTarget.value)}
              error={errors.periodEnd}
              required
            />
            <TextInput
              label={t("figures.periodSince")}
              description={t("figures.periodSinceHint")}
              name="periodSince"
              value={form.periodSince}
              onChange={(event) => set("periodSince", event.currentTarget.value)}
              error={errors.periodSince}
              autoComplete="off"
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t("figures.scopeLegend")}>
          <Text size="sm" mb="xs">
            {t("figures.scopeHint")}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t("figures.scopePlace")}
              name="place"
              value={form.place}
              onChange={(event) => set("place", event.currentTarget.value)}
              error={errors["scope.place"]}
              data={options.places}
            />
            <NativeSelect
              label={t("figures.scopeUnit")}
              name="scopeUnitCode"
              value={form.unitCode}
              onChange={(event) => set("unitCode", event.currentTarget.value)}
              error={errors["scope.unitCode"]}
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
              name="category"
              value={form.category}
              onChange={(event) => set("category", event.currentTarget.value)}
              error={errors["scope.category"]}
              data={options.categories}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t("figures.sourceLegend")}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <SymbolInput
                label={t("figures.sourceSymbol")}
                hint={t("figures.sourceSymbolHint")}
                name="sourceSymbol"
                value={form.symbol}
                onChange={(value) => set("symbol", value)}
                error={errors["source.symbol"]}
                required
              />
              <TextInput
                label={t("figures.sourceSection")}
                description={t("figures.sourceSectionHint")}
                name="sourceSection"
                value={form.section}
                onChange={(event) => set("section", event.currentTarget.value)}
                error={errors["source.section"]}
                autoComplete="off"
                dir="ltr"
              />
              <NativeSelect
                label={t("figures.sourceLanguage")}
                description={t("figures.sourceLanguageHint")}
                name="sourceLanguage"
                value={form.language}
                onChange={(event) => set("language", event.currentTarget.value as Language)}
                error={errors["source.language"]}
                data={options.languages}
              />
            </SimpleGrid>
            <Checkbox
              label={t("figures.symbolAssumedLabel")}
              description={t("figures.symbolAssumedHint")}
              name="symbolAssumed"
              checked={form.symbolAssumed}
              onChange={(event) => set("symbolAssumed", event.currentTarget.checked)}
              error={errors["source.symbolAssumed"]}
            />
            <Textarea
              label={t("figures.quote")}
              description={t("figures.quoteHint")}
              name="quote"
              lang={form.language}
              dir={directionOf(form.language)}
              value={form.quote}
              onChange={(event) => set("quote", event.currentTarget.value)}
              error={errors["source.quote"]}
              autosize
              minRows={2}
            />
          </Stack>
        </Fieldset>

        <ComparisonFields
          rows={form.comparisons}
          figureId={figureId}
          errors={errors}
          onChange={(rows) => set("comparisons", rows)}
        />

        <Preview form={form} metric={metric} words={words} />

        <FormActions
          pending={pending}
          submitLabel={mode === "create" ? t("figures.createSubmit") : t("common.save")}
          cancelTo={cancelTo}
        />
      </Stack>
    </form>
  );
}

/** How the figure will read in the interface language, as it is typed. */
function Preview({
  form,
  metric,
  words,
}: {
  form: FigureFormState;
  metric: Metric | undefined;
  words: ReturnType<typeof useFigureWords>;
}) {
  const { t } = useTranslation();
  const { figure, period } = previewOf(form, metric, words);
  return (
    <div className="figure-preview">
      <Text size="sm" fw={600}>
        {t("figures.previewLabel")}
      </Text>
      <Text className="figure-preview-text">
        {figure === null && period === null ? (
          t("figures.previewEmpty")
        ) : (
          <>
            <span className="figure-value">{figure ?? "…"}</span>
            {t("figures.previewSeparator")}
            {period ?? "…"}
          </>
        )}
      </Text>
    </div>
  );
}

/** Figures this one is compared with: what was budgeted, or the same metric before. */
function ComparisonFields({
  rows,
  figureId,
  errors,
  onChange,
}: {
  rows: ComparisonRow[];
  figureId?: string;
  errors: Record<string, string>;
  onChange: (rows: ComparisonRow[]) => void;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const words = useFigureWords();
  const metrics = useMetrics();
  const figures = useFigures({}, rows.length > 0);
  const update = (key: number, change: Partial<ComparisonRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <Fieldset legend={t("figures.comparisons")}>
      <Stack gap="sm">
        <Text size="sm">{t("figures.comparisonsHint")}</Text>
        {errors.comparisons ? (
          <Text size="sm" c="red.9">
            {errors.comparisons}
          </Text>
        ) : null}
        {rows.map((row, index) => {
          const options = (figures.data ?? [])
            .filter((f) => f.metricCode === row.metricCode && f.id !== figureId)
            .map((f) => ({ value: f.id, label: `${words.periodOf(f)} — ${words.value(f)}` }));
          const number = index + 1;
          return (
            <Group key={row.key} align="flex-end" gap="sm" wrap="wrap" className="comparison-row">
              <NativeSelect
                label={t("figures.relationLabel", { number })}
                name={`comparisons.${index}.relation`}
                value={row.relation}
                onChange={(event) =>
                  update(row.key, { relation: event.currentTarget.value as ComparisonRow["relation"] })
                }
                error={errors[`comparisons.${index}.relation`]}
                data={(["budget", "previous"] as const).map((r) => ({
                  value: r,
                  label: t(`figures.relation.${r}`),
                }))}
              />
              <NativeSelect
                label={t("figures.comparedMetric", { number })}
                name={`comparisons.${index}.metric`}
                value={row.metricCode}
                onChange={(event) => update(row.key, { metricCode: event.currentTarget.value, figureId: "" })}
                data={[
                  { value: "", label: t("figures.chooseMetric") },
                  ...(metrics.data ?? []).map((m) => ({
                    value: m.code,
                    label: `${localize(m.name, m.originalLanguage)} (${m.code})`,
                  })),
                ]}
                maw={320}
              />
              <NativeSelect
                label={t("figures.comparedFigure", { number })}
                name={`comparisons.${index}.figureId`}
                value={row.figureId}
                onChange={(event) => update(row.key, { figureId: event.currentTarget.value })}
                error={errors[`comparisons.${index}.figureId`]}
                disabled={!row.metricCode}
                data={[{ value: "", label: t("figures.chooseFigure") }, ...options]}
                maw={360}
              />
              <Button variant="default" onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
                {t("figures.removeComparison", { number })}
              </Button>
            </Group>
          );
        })}
        <Group>
          <Button
            variant="default"
            onClick={() =>
              onChange([...rows, { key: nextRowKey++, relation: "budget", metricCode: "", figureId: "" }])
            }
          >
            {t("figures.addComparison")}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
