import { Checkbox, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { VISIBILITIES, type Visibility } from "#shared/access.ts";
import { LANGUAGES, type Language, type MultilingualText } from "#shared/languages.ts";
import {
  citeMandate,
  type CreateMandateInput,
  MANDATE_KINDS,
  MANDATE_SOURCES,
  type Mandate,
  type MandateKind,
  type MandateSource,
  type UpdateMandateInput,
} from "#shared/mandates.ts";
import { api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { EditRecordPage } from "../../components/edit-record-page.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { MultilingualTextFields } from "../../components/multilingual-fields.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { currentLanguage } from "../../i18n/i18n.ts";
import { listErrors } from "../areas/area-form.tsx";
import { mandatePath, useMandate } from "./mandates.queries.ts";

interface MandateFormState {
  source: MandateSource;
  kind: MandateKind;
  number: string;
  revised: boolean;
  place: string;
  year: string;
  titles: Record<Language, string>;
  originalLanguage: Language;
  link: string;
  instructs: string;
  calls: boolean;
  verified: boolean;
  sourceNote: string;
  visibility: Visibility;
}

const emptyTitles = () => Object.fromEntries(LANGUAGES.map((lang) => [lang, ""])) as Record<Language, string>;

function titleMap(titles: Record<Language, string>): MultilingualText {
  return Object.fromEntries(
    LANGUAGES.filter((lang) => titles[lang].trim() !== "").map((lang) => [lang, titles[lang].trim()]),
  ) as MultilingualText;
}

function stateOf(mandate: Mandate): MandateFormState {
  const titles = emptyTitles();
  for (const lang of LANGUAGES) titles[lang] = mandate.title[lang] ?? "";
  return {
    source: mandate.source,
    kind: mandate.kind,
    number: mandate.number,
    revised: mandate.revised,
    place: mandate.place ?? "",
    year: String(mandate.year),
    titles,
    originalLanguage: mandate.originalLanguage,
    link: mandate.link ?? "",
    instructs: mandate.instructs.join("\n"),
    calls: mandate.callsForInterSectoralCoordination,
    verified: mandate.verified,
    sourceNote: mandate.sourceNote,
    visibility: mandate.visibility,
  };
}

/** The year as typed; anything not a whole number goes to the server as is, which names the field. */
const yearOf = (form: MandateFormState) => (form.year.trim() === "" ? Number.NaN : Number(form.year));

const instructsOf = (form: MandateFormState) =>
  form.instructs
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function MandateCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [initial] = useState<MandateFormState>(() => ({
    source: "PP",
    kind: "resolution",
    number: "",
    revised: false,
    place: "",
    year: String(new Date().getFullYear()),
    titles: emptyTitles(),
    originalLanguage: currentLanguage(),
    link: "",
    instructs: "",
    calls: false,
    verified: false,
    sourceNote: "",
    visibility: "public",
  }));
  const create = useMutation({
    mutationFn: (form: MandateFormState) =>
      api.post<Mandate>("/mandates", {
        source: form.source,
        kind: form.kind,
        number: form.number.trim(),
        revised: form.revised,
        place: form.place.trim() || null,
        year: yearOf(form),
        title: titleMap(form.titles),
        originalLanguage: form.originalLanguage,
        link: form.link.trim() || null,
        instructs: instructsOf(form),
        callsForInterSectoralCoordination: form.calls,
        verified: form.verified,
        sourceNote: form.sourceNote.trim(),
        visibility: form.visibility,
      } satisfies CreateMandateInput),
    onSuccess: (mandate) => {
      void queryClient.invalidateQueries({ queryKey: ["mandates"] });
      queryClient.setQueryData(["mandate", mandate.id], mandate);
      navigate(mandatePath(mandate));
      announce(t("mandates.createdNotice", { citation: mandate.citation }));
    },
  });
  return (
    <Stack gap="md">
      <PageTitle title={t("mandates.createTitle")} />
      <MandateForm
        initial={initial}
        mode="create"
        pending={create.isPending}
        error={create.error}
        onSubmit={(form) => create.mutate(form)}
        cancelTo="/mandates"
      />
    </Stack>
  );
}

export function MandateEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const mandate = useMandate(id);
  return (
    <EditRecordPage
      record={mandate}
      loadErrorTitle={t("mandates.editTitle")}
      title={(record) => t("mandates.editTitleOf", { citation: record.citation })}

      form={(record, onReload) => <EditMandateForm mandate={record} onReload={onReload} />}
    />
  );
}

function EditMandateForm({ mandate, onReload }: { mandate: Mandate; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [initial] = useState(() => stateOf(mandate));
  const update = useMutation({
    mutationFn: (form: MandateFormState) => {
      // Only what changed travels, with the version read: a stale version gets 409 and changes nothing.
      const body: UpdateMandateInput = { version: mandate.version };
      if (form.source !== initial.source) body.source = form.source;
      if (form.kind !== initial.kind) body.kind = form.kind;
      if (form.number.trim() !== initial.number) body.number = form.number.trim();
      if (form.revised !== initial.revised) body.revised = form.revised;
      if (form.place.trim() !== initial.place) body.place = form.place.trim() || null;
      if (form.year.trim() !== initial.year) body.year = yearOf(form);
      if (!same(titleMap(form.titles), titleMap(initial.titles))) body.title = titleMap(form.titles);
      if (form.originalLanguage !== initial.originalLanguage) body.originalLanguage = form.originalLanguage;
      if (form.link.trim() !== initial.link) body.link = form.link.trim() || null;
      if (!same(instructsOf(form), mandate.instructs)) body.instructs = instructsOf(form);
      if (form.calls !== initial.calls) body.callsForInterSectoralCoordination = form.calls;
      if (form.verified !== initial.verified) body.verified = form.verified;
      if (form.sourceNote.trim() !== initial.sourceNote) body.sourceNote = form.sourceNote.trim();
      if (form.visibility !== initial.visibility) body.visibility = form.visibility;
      return api.patch<Mandate>(`/mandates/${segment(mandate.id)}`, body);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(["mandate", saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ["mandates"] });
      void queryClient.invalidateQueries({ queryKey: ["mandate-history", saved.id] });
      navigate(mandatePath(saved));
      announce(t("mandates.savedNotice", { citation: saved.citation }));
    },
  });
  return (
    <MandateForm
      initial={initial}
      mode="edit"
      pending={update.isPending}
      error={update.error}
      onSubmit={(form) => update.mutate(form)}
      onReload={onReload}
      cancelTo={mandatePath(mandate)}
    />
  );
}

const SHOWN_FIELDS =
  /^(source|kind|number|revised|place|year|title(\.\w+)?|originalLanguage|link|instructs(\.\d+)?|callsForInterSectoralCoordination|verified|sourceNote|visibility)$/;

function MandateForm({
  initial,
  mode,
  pending,
  error,
  onSubmit,
  onReload,
  cancelTo,
}: {
  initial: MandateFormState;
  mode: "create" | "edit";
  pending: boolean;
  error: unknown;
  onSubmit: (form: MandateFormState) => void;
  onReload?: () => void;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const errors = fieldErrorsOf(error);
  const set = <K extends keyof MandateFormState>(key: K, value: MandateFormState[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));
  const year = yearOf(form);
  const citation =
    form.number.trim() && Number.isInteger(year)
      ? citeMandate({
          source: form.source,
          kind: form.kind,
          number: form.number.trim(),
          revised: form.revised,
          place: form.place.trim() || null,
          year,
        })
      : null;
  const instructErrors = listErrors(errors, "instructs", instructsOf(form), (v) => v);

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
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("mandates.source")}
            name="source"
            value={form.source}
            onChange={(event) => set("source", event.currentTarget.value as MandateSource)}
            error={errors.source}
            data={MANDATE_SOURCES.map((s) => ({ value: s, label: t(`mandateSource.${s}`) }))}
          />
          <NativeSelect
            label={t("field.kind")}
            name="kind"
            value={form.kind}
            onChange={(event) => set("kind", event.currentTarget.value as MandateKind)}
            error={errors.kind}
            data={MANDATE_KINDS.map((k) => ({ value: k, label: t(`mandateKind.${k}`) }))}
          />
          <TextInput
            label={t("mandates.number")}
            name="number"
            value={form.number}
            onChange={(event) => set("number", event.currentTarget.value)}
            error={errors.number}
            required
            autoComplete="off"
          />
          <TextInput
            type="number"
            label={t("mandates.year")}
            name="year"
            value={form.year}
            onChange={(event) => set("year", event.currentTarget.value)}
            error={errors.year}
            required
            min={1865}
            max={2100}
          />
          <TextInput
            label={t("mandates.place")}
            description={t("mandates.placeHint")}
            name="place"
            value={form.place}
            onChange={(event) => set("place", event.currentTarget.value)}
            error={errors.place}
            autoComplete="off"
          />
          <NativeSelect
            label={t("field.visibility")}
            name="visibility"
            value={form.visibility}
            onChange={(event) => set("visibility", event.currentTarget.value as Visibility)}
            error={errors.visibility}
            data={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
          />
        </SimpleGrid>
        <Checkbox
          label={t("mandates.revised")}
          name="revised"
          checked={form.revised}
          onChange={(event) => set("revised", event.currentTarget.checked)}
          error={errors.revised}
        />
        <Text size="sm" className="citation-preview">
          {citation ? t("mandates.citationPreview", { citation }) : t("mandates.citationPending")}
        </Text>
        <MultilingualTextFields
          legend={t("mandates.titlesTitle")}
          hint={t("mandates.titlesHint")}
          field="title"
          label={(language) => t("mandates.titleIn", { language })}
          values={form.titles}
          onChange={(lang, value) =>
            setForm((previous) => ({ ...previous, titles: { ...previous.titles, [lang]: value } }))
          }
          errors={errors}
          originalLanguage={form.originalLanguage}
          onOriginalLanguageChange={(lang) => set("originalLanguage", lang)}
          errorId="mandate-title-error"
          autoComplete="off"
        />
        <TextInput
          type="url"
          label={t("mandates.link")}
          description={t("mandates.linkHint")}
          name="link"
          value={form.link}
          onChange={(event) => set("link", event.currentTarget.value)}
          error={errors.link}
          autoComplete="off"
          dir="ltr"
        />
        <Textarea
          label={t("mandates.instructs")}
          description={t("mandates.instructsHint")}
          name="instructs"
          value={form.instructs}
          onChange={(event) => set("instructs", event.currentTarget.value)}
          error={instructErrors.length > 0 ? instructErrors.join(" ") : undefined}
          autosize
          minRows={2}
        />
        <Checkbox
          label={t("mandates.callsForCoordination")}
          name="callsForInterSectoralCoordination"
          checked={form.calls}
          onChange={(event) => set("calls", event.currentTarget.checked)}
          error={errors.callsForInterSectoralCoordination}
        />
        <Checkbox
          label={t("mandates.verifiedLabel")}
          name="verified"
          checked={form.verified}
          onChange={(event) => set("verified", event.currentTarget.checked)}
          error={errors.verified}
        />
        <Textarea
          label={t("mandates.sourceNote")}
          description={t("mandates.sourceNoteHint")}
          name="sourceNote"
          value={form.sourceNote}
          onChange={(event) => set("sourceNote", event.currentTarget.value)}
          error={errors.sourceNote}
          autosize
          minRows={2}
        />
        <FormActions
          pending={pending}
          submitLabel={mode === "create" ? t("mandates.createSubmit") : t("common.save")}
          cancelTo={cancelTo}
        />
      </Stack>
    </form>
  );
}
