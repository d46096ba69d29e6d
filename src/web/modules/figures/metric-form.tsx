import { Checkbox, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import {
  type CreateMetricInput,
  METRIC_UNITS,
  type Metric,
  type MetricUnit,
  REPORT_SECTIONS,
  type ReportSection,
  type UpdateMetricInput,
} from "#shared/figures.ts";
import { LANGUAGES, type Language, type MultilingualText } from "#shared/languages.ts";
import { api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { EditRecordPage } from "../../components/edit-record-page.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { useLocalize } from "../../components/localized-text.tsx";
import { MultilingualTextFields } from "../../components/multilingual-fields.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { useFormat } from "../../i18n/format.ts";
import { currentLanguage, directionOf } from "../../i18n/i18n.ts";
import { useUnits } from "../units/units.queries.ts";
import { metricPath, useMetric } from "./figures.queries.ts";

interface MetricFormState {
  code: string;
  names: Record<Language, string>;
  originalLanguage: Language;
  definition: string;
  unit: MetricUnit;
  additive: boolean;
  section: ReportSection;
  ownerUnitCode: string;
}

const emptyNames = () => Object.fromEntries(LANGUAGES.map((lang) => [lang, ""])) as Record<Language, string>;

function nameMap(names: Record<Language, string>): MultilingualText {
  return Object.fromEntries(
    LANGUAGES.filter((lang) => names[lang].trim() !== "").map((lang) => [lang, names[lang].trim()]),
  ) as MultilingualText;
}

function stateOf(metric: Metric): MetricFormState {
  const names = emptyNames();
  for (const lang of LANGUAGES) names[lang] = metric.name[lang] ?? "";
  return {
    code: metric.code,
    names,
    originalLanguage: metric.originalLanguage,
    definition: metric.definition?.[metric.originalLanguage] ?? "",
    unit: metric.unit,
    additive: metric.additive,
    section: metric.section,
    ownerUnitCode: metric.ownerUnitCode,
  };
}

/** The definition is edited in the original language; its translations are kept as they are. */
function definitionOf(form: MetricFormState, previous: MultilingualText | null): MultilingualText | null {
  const text = form.definition.trim();
  const others = { ...(previous ?? {}) };
  delete others[form.originalLanguage];
  if (!text) return Object.keys(others).length > 0 ? others : null;
  return { ...others, [form.originalLanguage]: text };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function MetricCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const localize = useLocalize();
  const queryClient = useQueryClient();
  const [initial] = useState<MetricFormState>(() => ({
    code: "",
    names: emptyNames(),
    originalLanguage: currentLanguage(),
    definition: "",
    unit: "count",
    additive: true,
    section: "S.1",
    ownerUnitCode: "",
  }));
  const create = useMutation({
    mutationFn: (form: MetricFormState) =>
      api.post<Metric>("/metrics", {
        code: form.code.trim(),
        name: nameMap(form.names),
        definition: definitionOf(form, null),
        originalLanguage: form.originalLanguage,
        unit: form.unit,
        additive: form.additive,
        section: form.section,
        ownerUnitCode: form.ownerUnitCode,
      } satisfies CreateMetricInput),
    onSuccess: (metric) => {
      void queryClient.invalidateQueries({ queryKey: ["metrics"] });
      queryClient.setQueryData(["metric", metric.code], metric);
      navigate(metricPath(metric));
      announce(t("figures.metricCreatedNotice", { metric: localize(metric.name, metric.originalLanguage) }));
    },
  });
  return (
    <Stack gap="md">
      <PageTitle title={t("figures.createMetricTitle")} />
      <MetricForm
        initial={initial}
        mode="create"
        pending={create.isPending}
        error={create.error}
        onSubmit={(form) => create.mutate(form)}
        cancelTo="/statistics"
      />
    </Stack>
  );
}

export function MetricEditPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const metric = useMetric(code);
  const localize = useLocalize();
  return (
    <EditRecordPage
      record={metric}
      loadErrorTitle={t("figures.editMetric")}
      title={(record) =>
        t("figures.editMetricTitleOf", {
          metric: localize(record.name, record.originalLanguage),
        })
      }

      form={(record, onReload) => <EditMetricForm metric={record} onReload={onReload} />}
    />
  );
}

function EditMetricForm({ metric, onReload }: { metric: Metric; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const localize = useLocalize();
  const queryClient = useQueryClient();
  const [initial] = useState(() => stateOf(metric));
  const update = useMutation({
    mutationFn: (form: MetricFormState) => {
      const body: UpdateMetricInput = { version: metric.version };
      if (!same(nameMap(form.names), nameMap(initial.names))) body.name = nameMap(form.names);
      if (form.originalLanguage !== initial.originalLanguage) body.originalLanguage = form.originalLanguage;
      const definition = definitionOf(form, metric.definition);
      if (!same(definition, metric.definition)) body.definition = definition;
      if (form.unit !== initial.unit) body.unit = form.unit;
      if (form.additive !== initial.additive) body.additive = form.additive;
      if (form.section !== initial.section) body.section = form.section;
      if (form.ownerUnitCode !== initial.ownerUnitCode) body.ownerUnitCode = form.ownerUnitCode;
      return api.patch<Metric>(`/metrics/${segment(metric.code)}`, body);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(["metric", saved.code], saved);
      void queryClient.invalidateQueries({ queryKey: ["metrics"] });
      // Whether periods add up decides which figures contradict each other.
      void queryClient.invalidateQueries({ queryKey: ["figures"] });
      void queryClient.invalidateQueries({ queryKey: ["metric-total", saved.code] });
      navigate(metricPath(saved));
      announce(t("figures.metricSavedNotice", { metric: localize(saved.name, saved.originalLanguage) }));
    },
  });
  return (
    <MetricForm
      initial={initial}
      mode="edit"
      pending={update.isPending}
      error={update.error}
      onSubmit={(form) => update.mutate(form)}
      onReload={onReload}
      cancelTo={metricPath(metric)}
    />
  );
}

const SHOWN_FIELDS =
  /^(code|name(\.\w+)?|originalLanguage|definition(\.\w+)?|unit|additive|section|ownerUnitCode)$/;

function MetricForm({
  initial,
  mode,
  pending,
  error,
  onSubmit,
  onReload,
  cancelTo,
}: {
  initial: MetricFormState;
  mode: "create" | "edit";
  pending: boolean;
  error: unknown;
  onSubmit: (form: MetricFormState) => void;
  onReload?: () => void;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const units = useUnits();
  const [form, setForm] = useState(initial);
  const errors = fieldErrorsOf(error);
  const set = <K extends keyof MetricFormState>(key: K, value: MetricFormState[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));
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
        <TextInput
          label={t("figures.metricCode")}
          description={t("figures.metricCodeHint")}
          name="code"
          value={form.code}
          onChange={(event) => set("code", event.currentTarget.value)}
          error={errors.code}
          disabled={mode === "edit"}
          required
          autoComplete="off"
          dir="ltr"
          maw={420}
        />
        <MultilingualTextFields
          legend={t("figures.metricNames")}
          hint={t("figures.metricNamesHint")}
          field="name"
          label={(language) => t("figures.metricNameIn", { language })}
          values={form.names}
          onChange={(lang, value) =>
            setForm((previous) => ({ ...previous, names: { ...previous.names, [lang]: value } }))
          }
          errors={errors}
          originalLanguage={form.originalLanguage}
          onOriginalLanguageChange={(lang) => set("originalLanguage", lang)}
          errorId="metric-name-error"
          autoComplete="off"
        >
          <Textarea
            label={t("figures.definitionIn", { language: format.languageName(form.originalLanguage) })}
            description={t("figures.definitionHint")}
            name="definition"
            lang={form.originalLanguage}
            dir={directionOf(form.originalLanguage)}
            value={form.definition}
            onChange={(event) => set("definition", event.currentTarget.value)}
            error={errors.definition ?? errors[`definition.${form.originalLanguage}`]}
            autosize
            minRows={2}
          />
        </MultilingualTextFields>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t("figures.unit")}
            description={mode === "edit" ? t("figures.metricUnitHint") : undefined}
            name="unit"
            value={form.unit}
            onChange={(event) => set("unit", event.currentTarget.value as MetricUnit)}
            error={errors.unit}
            data={METRIC_UNITS.map((unit) => ({ value: unit, label: t(`figures.metricUnit.${unit}`) }))}
          />
          <NativeSelect
            label={t("figures.section")}
            name="section"
            value={form.section}
            onChange={(event) => set("section", event.currentTarget.value as ReportSection)}
            error={errors.section}
            data={REPORT_SECTIONS.map((section) => ({
              value: section,
              label: t("figures.sectionTitle", { section }),
            }))}
          />
          <NativeSelect
            label={t("figures.ownerUnit")}
            name="ownerUnitCode"
            value={form.ownerUnitCode}
            onChange={(event) => set("ownerUnitCode", event.currentTarget.value)}
            error={errors.ownerUnitCode}
            required
            data={[
              { value: "", label: t("figures.chooseUnit") },
              ...(units.data ?? []).map((unit) => ({
                value: unit.code,
                label: `${unit.code} — ${localize(unit.name, unit.originalLanguage)}`,
              })),
            ]}
          />
        </SimpleGrid>
        <Checkbox
          label={t("figures.additiveLabel")}
          description={t("figures.additiveHint")}
          name="additive"
          checked={form.additive}
          onChange={(event) => set("additive", event.currentTarget.checked)}
          error={errors.additive}
        />
        <FormActions
          pending={pending}
          submitLabel={mode === "create" ? t("figures.createMetricSubmit") : t("common.save")}
          cancelTo={cancelTo}
        />
      </Stack>
    </form>
  );
}
