import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { VISIBILITIES, type Visibility } from "#shared/access.ts";
import { LANGUAGES, type Language } from "#shared/languages.ts";
import {
  type CreateMandateInput,
  MANDATE_KINDS,
  MANDATE_SOURCES,
  type Mandate,
  type MandateKind,
  type MandateSource,
} from "#shared/mandates.ts";
import { api } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { LocalizedText } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { currentLanguage, directionOf } from "../../i18n/i18n.ts";
import { DARK_GREEN } from "../areas/area-parts.tsx";
import { canManageAreas } from "../areas/areas.queries.ts";
import { useMandates } from "./mandates.queries.ts";

const isSource = (value: string | null): value is MandateSource =>
  value !== null && (MANDATE_SOURCES as readonly string[]).includes(value);

export function MandatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const sourceParam = params.get("source");
  const source = isSource(sourceParam) ? sourceParam : undefined;
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const mandates = useMandates({ source, q: debounced || undefined });

  const groups = MANDATE_SOURCES.map((s) => ({
    source: s,
    entries: (mandates.data ?? []).filter((mandate) => mandate.source === s),
  })).filter((group) => group.entries.length > 0);

  return (
    <Stack gap="md">
      <PageTitle title={t("mandates.title")} />
      <Text>{t("mandates.intro")}</Text>
      <Group align="flex-end" gap="md" role="search" aria-label={t("mandates.filters")}>
        <NativeSelect
          label={t("mandates.source")}
          name="source"
          value={source ?? ""}
          onChange={(event) =>
            setParams(
              (current) => {
                const next = new URLSearchParams(current);
                if (event.currentTarget.value) next.set("source", event.currentTarget.value);
                else next.delete("source");
                return next;
              },
              { replace: true },
            )
          }
          data={[
            { value: "", label: t("mandates.allSources") },
            ...MANDATE_SOURCES.map((s) => ({ value: s, label: t(`mandateSource.${s}`) })),
          ]}
          w={300}
        />
        <TextInput
          type="search"
          label={t("mandates.search")}
          name="q"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={280}
        />
      </Group>
      {mandates.isPending ? (
        <Loading />
      ) : mandates.isError ? (
        <ErrorNotice error={mandates.error} onRetry={() => mandates.refetch()} />
      ) : mandates.data.length === 0 ? (
        <EmptyNotice>{t("mandates.empty")}</EmptyNotice>
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {t("mandates.count", {
              shown: format.number(mandates.data.length),
              verified: format.number(mandates.data.filter((m) => m.verified).length),
            })}
          </Text>
          {groups.map((group) => (
            <section key={group.source} aria-labelledby={`mandates-${group.source}`}>
              <Title order={2} id={`mandates-${group.source}`} size="h3" mb="xs">
                {t(`mandateSource.${group.source}`)}
              </Title>
              <MandatesTable mandates={group.entries} />
            </section>
          ))}
        </>
      )}
      {canManageAreas(viewer.data) ? <CreateMandateForm /> : null}
    </Stack>
  );
}

function MandatesTable({ mandates }: { mandates: Mandate[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder className="mandates-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("mandates.citation")}</Table.Th>
            <Table.Th scope="col">{t("mandates.titleField")}</Table.Th>
            <Table.Th scope="col">{t("mandates.coordination")}</Table.Th>
            <Table.Th scope="col">{t("mandates.verification")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mandates.map((mandate) => (
            <Table.Tr key={mandate.id}>
              <Table.Th scope="row" fw={600}>
                {mandate.link ? (
                  <a href={mandate.link} rel="noreferrer">
                    {mandate.citation}
                  </a>
                ) : (
                  mandate.citation
                )}
              </Table.Th>
              <Table.Td>
                <LocalizedText text={mandate.title} original={mandate.originalLanguage} />
              </Table.Td>
              <Table.Td>
                {mandate.callsForInterSectoralCoordination ? t("common.yes") : t("common.no")}
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="outline"
                  color={mandate.verified ? DARK_GREEN : "red.9"}
                  size="sm"
                  className="verification"
                >
                  {mandate.verified ? t("mandates.verified") : t("mandates.unverified")}
                </Badge>
                {mandate.sourceNote ? (
                  <Text size="xs" mt={4} dir="auto">
                    {mandate.sourceNote}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface MandateFormState {
  source: MandateSource;
  kind: MandateKind;
  number: string;
  revised: boolean;
  place: string;
  year: string;
  title: string;
  titleLanguage: Language;
  calls: boolean;
  verified: boolean;
  sourceNote: string;
  visibility: Visibility;
}

const MANDATE_FIELDS =
  /^(source|kind|number|revised|place|year|title(\.\w+)?|originalLanguage|callsForInterSectoralCoordination|verified|sourceNote|visibility)$/;

function blankMandate(): MandateFormState {
  return {
    source: "PP",
    kind: "resolution",
    number: "",
    revised: false,
    place: "",
    year: String(new Date().getFullYear()),
    title: "",
    titleLanguage: currentLanguage(),
    calls: false,
    verified: false,
    sourceNote: "",
    visibility: "public",
  };
}

function CreateMandateForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(blankMandate);
  const set = <K extends keyof MandateFormState>(key: K, value: MandateFormState[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));
  const create = useMutation({
    mutationFn: () => {
      const body: CreateMandateInput = {
        source: form.source,
        kind: form.kind,
        number: form.number.trim(),
        revised: form.revised,
        place: form.place.trim() || null,
        year: Number(form.year),
        title: form.title.trim() ? { [form.titleLanguage]: form.title.trim() } : {},
        originalLanguage: form.titleLanguage,
        link: null,
        instructs: [],
        callsForInterSectoralCoordination: form.calls,
        verified: form.verified,
        sourceNote: form.sourceNote.trim(),
        visibility: form.visibility,
      };
      return api.post<Mandate>("/mandates", body);
    },
    onSuccess: (mandate) => {
      void queryClient.invalidateQueries({ queryKey: ["mandates"] });
      announce(t("mandates.createdNotice", { citation: mandate.citation }));
      setForm(blankMandate());
    },
  });
  const errors = fieldErrorsOf(create.error);
  return (
    <form
      noValidate
      aria-labelledby="create-mandate-title"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <Title order={2} id="create-mandate-title" size="h3" mt="md" mb="xs">
        {t("mandates.createTitle")}
      </Title>
      <Stack gap="sm" maw={760}>
        <FormErrorSummary error={create.error} shownFields={(field) => MANDATE_FIELDS.test(field)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("mandates.source")}
            name="mandateSource"
            value={form.source}
            onChange={(event) => set("source", event.currentTarget.value as MandateSource)}
            error={errors.source}
            data={MANDATE_SOURCES.map((s) => ({ value: s, label: t(`mandateSource.${s}`) }))}
          />
          <NativeSelect
            label={t("field.kind")}
            name="mandateKind"
            value={form.kind}
            onChange={(event) => set("kind", event.currentTarget.value as MandateKind)}
            error={errors.kind}
            data={MANDATE_KINDS.map((k) => ({ value: k, label: t(`mandateKind.${k}`) }))}
          />
          <TextInput
            label={t("mandates.number")}
            name="mandateNumber"
            value={form.number}
            onChange={(event) => set("number", event.currentTarget.value)}
            error={errors.number}
            required
            autoComplete="off"
          />
          <TextInput
            type="number"
            label={t("mandates.year")}
            name="mandateYear"
            value={form.year}
            onChange={(event) => set("year", event.currentTarget.value)}
            error={errors.year}
            required
          />
          <TextInput
            label={t("mandates.place")}
            name="mandatePlace"
            value={form.place}
            onChange={(event) => set("place", event.currentTarget.value)}
            error={errors.place}
            autoComplete="off"
          />
          <NativeSelect
            label={t("field.visibility")}
            name="mandateVisibility"
            value={form.visibility}
            onChange={(event) => set("visibility", event.currentTarget.value as Visibility)}
            error={errors.visibility}
            data={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
          />
          <TextInput
            label={t("mandates.titleField")}
            name="mandateTitle"
            lang={form.titleLanguage}
            dir={directionOf(form.titleLanguage)}
            value={form.title}
            onChange={(event) => set("title", event.currentTarget.value)}
            error={errors.title ?? errors[`title.${form.titleLanguage}`]}
            required
            autoComplete="off"
          />
          <NativeSelect
            label={t("people.titleLanguage")}
            name="mandateTitleLanguage"
            value={form.titleLanguage}
            onChange={(event) => set("titleLanguage", event.currentTarget.value as Language)}
            error={errors.originalLanguage}
            data={LANGUAGES.map((lang) => ({ value: lang, label: format.languageName(lang) }))}
          />
        </SimpleGrid>
        <Checkbox
          label={t("mandates.revised")}
          name="mandateRevised"
          checked={form.revised}
          onChange={(event) => set("revised", event.currentTarget.checked)}
        />
        <Checkbox
          label={t("mandates.callsForCoordination")}
          name="mandateCalls"
          checked={form.calls}
          onChange={(event) => set("calls", event.currentTarget.checked)}
        />
        <Checkbox
          label={t("mandates.verifiedLabel")}
          name="mandateVerified"
          checked={form.verified}
          onChange={(event) => set("verified", event.currentTarget.checked)}
        />
        <Textarea
          label={t("mandates.sourceNote")}
          description={t("mandates.sourceNoteHint")}
          name="mandateSourceNote"
          value={form.sourceNote}
          onChange={(event) => set("sourceNote", event.currentTarget.value)}
          error={errors.sourceNote}
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t("mandates.createSubmit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
