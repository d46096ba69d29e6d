import { Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import type { CreateDocumentInput, DocumentWithCitations, UpdateDocumentInput } from "#shared/documents.ts";
import { LANGUAGES, type Language, type MultilingualText } from "#shared/languages.ts";
import { api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { EditRecordPage } from "../../components/edit-record-page.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { MultilingualTextFields } from "../../components/multilingual-fields.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { useFormat } from "../../i18n/format.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { formatDayInZone } from "../../i18n/zoned-time.ts";
import { useBodies } from "../bodies/bodies.queries.ts";
import { SymbolInput } from "../figures/figure-input.tsx";
import { useMeetingName } from "../meetings/meetings.queries.ts";
import { documentPath, invalidateDocuments, useDocument, useMeetingsOfBody } from "./documents.queries.ts";

interface DocumentFormState {
  symbol: string;
  titles: Record<Language, string>;
  originalLanguage: Language;
  issuedOn: string;
  languages: Language[];
  bodyId: string;
  meetingId: string;
  link: string;
}

const emptyTitles = () => Object.fromEntries(LANGUAGES.map((lang) => [lang, ""])) as Record<Language, string>;

function blankState(symbol: string): DocumentFormState {
  return {
    symbol,
    titles: emptyTitles(),
    originalLanguage: currentLanguage(),
    issuedOn: "",
    languages: [],
    bodyId: "",
    meetingId: "",
    link: "",
  };
}

function stateOf(document: DocumentWithCitations): DocumentFormState {
  const titles = emptyTitles();
  for (const lang of LANGUAGES) titles[lang] = document.title[lang] ?? "";
  return {
    symbol: document.symbol,
    titles,
    originalLanguage: document.originalLanguage,
    issuedOn: document.issuedOn ?? "",
    languages: document.languages,
    bodyId: document.bodyId ?? "",
    meetingId: document.meetingId ?? "",
    link: document.link ?? "",
  };
}

/** What is sent: empty text as nothing (null), the title only in the languages written. */
function inputOf(form: DocumentFormState): CreateDocumentInput {
  return {
    symbol: form.symbol.trim(),
    title: Object.fromEntries(
      LANGUAGES.filter((lang) => form.titles[lang].trim() !== "").map((lang) => [
        lang,
        form.titles[lang].trim(),
      ]),
    ) as MultilingualText,
    originalLanguage: form.originalLanguage,
    issuedOn: form.issuedOn || null,
    languages: LANGUAGES.filter((lang) => form.languages.includes(lang)),
    bodyId: form.bodyId || null,
    meetingId: form.meetingId || null,
    link: form.link.trim() || null,
  };
}

export function DocumentCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  // A symbol offered from the register's empty search (or a citation) arrives already typed.
  const [initial] = useState(() => blankState(params.get("symbol") ?? ""));
  const create = useMutation({
    mutationFn: (form: DocumentFormState) =>
      api.post<DocumentWithCitations>("/documents", inputOf(form) satisfies CreateDocumentInput),
    onSuccess: (document) => {
      invalidateDocuments(queryClient);
      queryClient.setQueryData(["document", document.id], document);
      navigate(documentPath(document));
      announce(t("documents.createdNotice", { symbol: document.symbol }));
    },
  });
  return (
    <Stack gap="md">
      <PageTitle title={t("documents.createTitle")} />
      <DocumentForm
        initial={initial}
        pending={create.isPending}
        error={create.error}
        submitLabel={t("documents.createSubmit")}
        onSubmit={(form) => create.mutate(form)}
        cancelTo="/documents"
      />
    </Stack>
  );
}

export function DocumentEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const document = useDocument(id);
  return (
    <EditRecordPage
      record={document}
      loadErrorTitle={t("documents.editTitle")}
      title={(record) => t("documents.editTitleOf", { symbol: record.symbol })}

      form={(record, onReload) => <EditDocumentForm document={record} onReload={onReload} />}
    />
  );
}

function EditDocumentForm({ document, onReload }: { document: DocumentWithCitations; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [initial] = useState(() => stateOf(document));
  const update = useMutation({
    mutationFn: (form: DocumentFormState) =>
      api.patch<DocumentWithCitations>(`/documents/${segment(document.id)}`, {
        ...inputOf(form),
        version: document.version,
      } satisfies UpdateDocumentInput),
    onSuccess: (saved) => {
      queryClient.setQueryData(["document", saved.id], saved);
      invalidateDocuments(queryClient, saved.id);
      navigate(documentPath(saved));
      announce(t("documents.savedNotice", { symbol: saved.symbol }));
    },
  });
  return (
    <DocumentForm
      initial={initial}
      pending={update.isPending}
      error={update.error}
      submitLabel={t("common.save")}
      onSubmit={(form) => update.mutate(form)}
      onReload={onReload}
      cancelTo={documentPath(document)}
    />
  );
}

const SHOWN_FIELDS =
  /^(symbol|title(\.[a-z]{2})?|originalLanguage|issuedOn|languages(\.\d+)?|bodyId|meetingId|link)$/;

function DocumentForm({
  initial,
  pending,
  error,
  submitLabel,
  onSubmit,
  onReload,
  cancelTo,
}: {
  initial: DocumentFormState;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (form: DocumentFormState) => void;
  onReload?: () => void;
  cancelTo: string;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const meetingName = useMeetingName();
  const bodies = useBodies();
  const [form, setForm] = useState(initial);
  const meetings = useMeetingsOfBody(form.bodyId);
  const errors = fieldErrorsOf(error);
  const set = <K extends keyof DocumentFormState>(key: K, value: DocumentFormState[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));
  const languagesError =
    errors.languages ??
    Object.entries(errors).find(([field]) => /^languages\.\d+$/.test(field))?.[1] ??
    undefined;

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
        <SymbolInput
          label={t("documents.symbol")}
          hint={t("documents.symbolHint")}
          name="symbol"
          value={form.symbol}
          onChange={(value) => set("symbol", value)}
          error={errors.symbol}
          required
        />
        <MultilingualTextFields
          legend={t("documents.titlesLegend")}
          hint={t("documents.titlesHint")}
          field="title"
          label={(language) => t("documents.titleIn", { language })}
          values={form.titles}
          onChange={(lang, value) =>
            setForm((previous) => ({ ...previous, titles: { ...previous.titles, [lang]: value } }))
          }
          errors={errors}
          originalLanguage={form.originalLanguage}
          onOriginalLanguageChange={(lang) => set("originalLanguage", lang)}
          errorId="document-title-error"
          autoComplete="off"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t("documents.issuedOn")}
            description={t("documents.issuedOnHint")}
            name="issuedOn"
            value={form.issuedOn}
            onChange={(event) => set("issuedOn", event.currentTarget.value)}
            error={errors.issuedOn}
          />
          <TextInput
            type="url"
            label={t("documents.link")}
            description={t("documents.linkHint")}
            name="link"
            value={form.link}
            onChange={(event) => set("link", event.currentTarget.value)}
            error={errors.link}
            autoComplete="off"
            dir="ltr"
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t("documents.languages")}
          description={t("documents.languagesHint")}
          value={form.languages}
          onChange={(value) => set("languages", value as Language[])}
          error={languagesError}
        >
          <Group gap="md" mt={4}>
            {LANGUAGES.map((lang) => (
              <Checkbox key={lang} value={lang} name="languages" label={format.languageName(lang)} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("documents.body")}
            description={t("documents.bodyHint")}
            name="bodyId"
            value={form.bodyId}
            // Another body's meetings are no longer a choice.
            onChange={(event) => {
              // Read now: the event's target is gone by the time React runs the update.
              const bodyId = event.currentTarget.value;
              setForm((previous) => ({ ...previous, bodyId, meetingId: "" }));
            }}
            error={errors.bodyId}
            data={[
              { value: "", label: t("documents.noBody") },
              ...(bodies.data ?? []).map((body) => ({ value: body.id, label: body.code })),
            ]}
          />
          <NativeSelect
            label={t("documents.meeting")}
            description={form.bodyId ? t("documents.meetingHint") : t("documents.meetingNeedsBody")}
            name="meetingId"
            value={form.meetingId}
            onChange={(event) => set("meetingId", event.currentTarget.value)}
            error={errors.meetingId}
            disabled={!form.bodyId}
            data={[
              { value: "", label: t("documents.noMeeting") },
              ...(meetings.data ?? []).map((meeting) => ({
                value: meeting.id,
                label: `${meetingName(meeting.number)} — ${formatDayInZone(i18n.language, meeting.startsAt, meeting.timeZone)}`,
              })),
            ]}
          />
        </SimpleGrid>
        <FormActions pending={pending} submitLabel={submitLabel} cancelTo={cancelTo} />
      </Stack>
    </form>
  );
}
