import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Meeting } from "#shared/bodies.ts";
import {
  AGENDA_KINDS,
  type AgendaItem,
  type CreateAgendaItemInput,
  type Decision,
  type UpdateAgendaItemInput,
} from "#shared/decisions.ts";
import { LANGUAGES, type Language, type MultilingualText } from "#shared/languages.ts";
import { api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { MultilingualTextFields } from "../../components/multilingual-fields.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { currentLanguage, directionOf } from "../../i18n/i18n.ts";
import { useAreas } from "../areas/areas.queries.ts";
import { ActionItemsForm } from "../decisions/action-items-form.tsx";
import { DocumentSymbolLink } from "../documents/document-parts.tsx";
import { useDecisions } from "../decisions/decisions.queries.ts";
import { RecordDecisionForm } from "./meeting-decisions.tsx";
import { isMinutesApproved } from "./meeting-minutes.tsx";
import { AreaReports } from "./meeting-reports.tsx";
import { useAgenda } from "./meetings.queries.ts";

type Panel = "minutes" | "decision" | "actions" | null;

const MINUTES_LOCKED_ID = "minutes-locked-explanation";

/** The agenda in order, each item with its minutes and the decisions taken on it. */
export function MeetingAgenda({ meeting, manage }: { meeting: Meeting; manage: boolean }) {
  const { t } = useTranslation();
  const agenda = useAgenda(meeting.id);
  const decisions = useDecisions({ meetingId: meeting.id });
  const taken = decisions.data?.pages.flatMap((page) => page.entries) ?? [];
  if (agenda.isPending) return <Loading />;
  if (agenda.isError) return <ErrorNotice error={agenda.error} onRetry={() => agenda.refetch()} />;
  const items = [...agenda.data].sort((a, b) => a.position - b.position);
  return (
    <Stack gap="md">
      {manage && meeting.minutesStatus === "approved" ? (
        <Text size="sm" id={MINUTES_LOCKED_ID} className="minutes-locked">
          {t("minutes.lockedExplanation")}
        </Text>
      ) : null}
      {items.length === 0 ? (
        <EmptyNotice>{t("agenda.empty")}</EmptyNotice>
      ) : (
        <ol className="agenda-list">
          {items.map((item) => (
            <AgendaItemEntry
              key={item.id}
              meeting={meeting}
              item={item}
              decisions={taken.filter((decision) => decision.agendaItemId === item.id)}
              manage={manage}
              onReload={() => agenda.refetch()}
            />
          ))}
        </ol>
      )}
      {manage ? <AddAgendaItemForm meeting={meeting} /> : null}
    </Stack>
  );
}

function AgendaItemEntry({
  meeting,
  item,
  decisions,
  manage,
  onReload,
}: {
  meeting: Meeting;
  item: AgendaItem;
  decisions: Decision[];
  manage: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const [panel, setPanel] = useState<Panel>(null);
  const buttons = useRef<Record<Exclude<Panel, null>, HTMLButtonElement | null>>({
    minutes: null,
    decision: null,
    actions: null,
  });
  const headingId = `agenda-${item.id}-title`;
  const panelId = `agenda-${item.id}-panel`;
  const title = localize(item.title, item.originalLanguage);
  const close = () => {
    const opened = panel;
    setPanel(null);
    // Focus goes back to the button that opened the form.
    if (opened) window.setTimeout(() => buttons.current[opened]?.focus(), 0);
  };
  const toggle = (which: Exclude<Panel, null>) => (panel === which ? close() : setPanel(which));
  const locked = meeting.minutesStatus === "approved";
  const toggleButton = (which: Exclude<Panel, null>, label: string, disabled = false) => (
    <Button
      disabled={disabled}
      ref={(node) => {
        buttons.current[which] = node;
      }}
      size="compact-sm"
      variant={panel === which ? "filled" : "outline"}
      aria-expanded={panel === which}
      aria-controls={panel === which ? panelId : undefined}
      aria-describedby={disabled ? `${headingId} ${MINUTES_LOCKED_ID}` : headingId}
      onClick={() => toggle(which)}
    >
      {label}
    </Button>
  );
  return (
    <li className="agenda-item" id={`agenda-${item.id}`}>
      <Stack gap={6}>
        <Group gap="xs" align="baseline" wrap="wrap">
          <Title order={3} size="h4" id={headingId}>
            {t("agenda.itemHeading", { position: format.number(item.position) })}{" "}
            <LocalizedText text={item.title} original={item.originalLanguage} />
          </Title>
          <Badge variant="outline" color="gray.8" size="sm">
            {t(`agendaKind.${item.kind}`)}
          </Badge>
          {item.areaSlug ? (
            <Anchor component={Link} to={`/areas/${segment(item.areaSlug)}`} size="sm">
              {t("agenda.areaLink", { slug: item.areaSlug })}
            </Anchor>
          ) : null}
          {item.documentSymbol ? (
            <Text span size="sm">
              {t("agenda.documentCited")} <DocumentSymbolLink symbol={item.documentSymbol} size="sm" />
            </Text>
          ) : null}
        </Group>
        <div className="agenda-minutes">
          <Text span fw={600} size="sm">
            {t("agenda.minutes")}:{" "}
          </Text>
          {item.minutes ? (
            <Text span size="sm" className="minutes-text">
              <LocalizedText text={item.minutes} original={item.originalLanguage} />
            </Text>
          ) : (
            <Text span size="sm" fs="italic">
              {t("agenda.noMinutes")}
            </Text>
          )}
        </div>
        {decisions.length > 0 ? (
          <ul className="agenda-decisions" aria-label={t("agenda.decisionsOn", { item: title })}>
            {decisions.map((decision) => (
              <li key={decision.id}>
                <Anchor href={`#decision-${decision.id}`} fw={600} size="sm">
                  <span dir="ltr">{decision.number}</span>
                </Anchor>{" "}
                <Text span size="sm">
                  <LocalizedText text={decision.text} original={decision.originalLanguage} />
                </Text>
              </li>
            ))}
          </ul>
        ) : null}
        {item.kind === "area" && item.areaSlug ? (
          <AreaReports meeting={meeting} areaSlug={item.areaSlug} itemId={item.id} title={title} />
        ) : null}
        {manage ? (
          <Group gap="xs">
            {toggleButton("minutes", t("agenda.editMinutes"), locked)}
            {toggleButton("decision", t("decisions.record"))}
            {toggleButton("actions", t("actionItems.turnInto"))}
          </Group>
        ) : null}
        {manage && panel ? (
          <Paper withBorder p="sm" id={panelId}>
            {panel === "minutes" && locked ? (
              <Alert color="gray.8" variant="outline" title={t("minutes.lockedTitle")}>
                {t("minutes.lockedExplanation")}
              </Alert>
            ) : panel === "minutes" ? (
              <MinutesForm meeting={meeting} item={item} title={title} onDone={close} onReload={onReload} />
            ) : panel === "decision" ? (
              <RecordDecisionForm
                meeting={meeting}
                agendaItemId={item.id}
                headingId={`${panelId}-decision`}
                heading={t("decisions.recordOn", { item: title })}
                level={4}
                onDone={close}
                onCancel={close}
              />
            ) : (
              <ActionItemsForm
                source={{ agendaItemId: item.id }}
                headingId={`${panelId}-actions`}
                heading={t("actionItems.fromAgendaItem", { item: title })}
                level={4}
                onDone={close}
                onCancel={close}
              />
            )}
          </Paper>
        ) : null}
      </Stack>
    </li>
  );
}

/** The minutes of one agenda item in one language at a time; the other languages are kept. */
function MinutesForm({
  meeting,
  item,
  title,
  onDone,
  onReload,
}: {
  meeting: Meeting;
  item: AgendaItem;
  title: string;
  onDone: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [language, setLanguage] = useState<Language>(() => {
    const own = currentLanguage();
    return item.minutes && item.minutes[own] === undefined && item.minutes[item.originalLanguage]
      ? item.originalLanguage
      : own;
  });
  const [text, setText] = useState(() => item.minutes?.[language] ?? "");
  const save = useMutation({
    mutationFn: () => {
      const minutes: MultilingualText = { ...(item.minutes ?? {}) };
      if (text.trim()) minutes[language] = text.trim();
      else delete minutes[language];
      return api.patch<AgendaItem>(`/agenda-items/${segment(item.id)}`, {
        minutes: Object.keys(minutes).length > 0 ? minutes : null,
        version: item.version,
      } satisfies UpdateAgendaItemInput);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<AgendaItem[]>(["agenda", meeting.id], (previous) =>
        previous?.map((entry) => (entry.id === saved.id ? saved : entry)),
      );
      announce(t("agenda.minutesSavedNotice", { item: title }));
      onDone();
    },
    onError: (error) => {
      // Approved meanwhile: the page learns the new status and says why nothing can be written.
      if (isMinutesApproved(error)) void queryClient.invalidateQueries({ queryKey: ["meeting", meeting.id] });
    },
  });
  const errors = fieldErrorsOf(save.error);
  const headingId = `minutes-${item.id}-title`;
  return (
    <form
      noValidate
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Title order={4} size="h5" id={headingId} mb="xs">
        {t("agenda.minutesOf", { item: title })}
      </Title>
      <Stack gap="xs">
        {isMinutesApproved(save.error) ? (
          <Alert color="red.9" variant="outline" role="alert" title={t("minutes.lockedTitle")}>
            {t("minutes.lockedExplanation")}
          </Alert>
        ) : (
          <FormErrorSummary
            error={save.error}
            shownFields={(field) => field.startsWith("minutes")}
            onReload={() => void onReload().then(onDone)}
          />
        )}
        <NativeSelect
          label={t("agenda.minutesLanguage")}
          name="minutesLanguage"
          value={language}
          onChange={(event) => {
            const lang = event.currentTarget.value as Language;
            setLanguage(lang);
            setText(item.minutes?.[lang] ?? "");
          }}
          data={LANGUAGES.map((lang) => ({ value: lang, label: format.languageName(lang) }))}
          maw={320}
        />
        <Textarea
          label={t("agenda.minutesIn", { language: format.languageName(language) })}
          description={t("agenda.minutesHint")}
          name="minutes"
          lang={language}
          dir={directionOf(language)}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={errors.minutes ?? errors[`minutes.${language}`]}
          autosize
          minRows={3}
          autoFocus
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("agenda.saveMinutes")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const emptyTitles = () => Object.fromEntries(LANGUAGES.map((lang) => [lang, ""])) as Record<Language, string>;

const AGENDA_FIELDS = /^(title|originalLanguage|kind|areaSlug|documentSymbol)(\.|$)/;

function AddAgendaItemForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const localize = useLocalize();
  const queryClient = useQueryClient();
  const areas = useAreas();
  const [titles, setTitles] = useState(emptyTitles);
  const [originalLanguage, setOriginalLanguage] = useState<Language>(() => currentLanguage());
  const [kind, setKind] = useState<AgendaItem["kind"]>("other");
  const [areaSlug, setAreaSlug] = useState("");
  const [documentSymbol, setDocumentSymbol] = useState("");
  const add = useMutation({
    mutationFn: () =>
      api.post<AgendaItem>(`/meetings/${segment(meeting.id)}/agenda`, {
        title: Object.fromEntries(
          LANGUAGES.filter((lang) => titles[lang].trim()).map((lang) => [lang, titles[lang].trim()]),
        ),
        originalLanguage,
        kind,
        areaSlug: kind === "area" ? areaSlug || null : null,
        documentSymbol: documentSymbol.trim() || null,
      } satisfies CreateAgendaItemInput),
    onSuccess: (created) => {
      queryClient.setQueryData<AgendaItem[]>(["agenda", meeting.id], (previous) => [
        ...(previous ?? []),
        created,
      ]);
      announce(
        t("agenda.addedNotice", {
          item: localize(created.title, created.originalLanguage),
          position: format.number(created.position),
        }),
      );
      setTitles(emptyTitles());
      setKind("other");
      setAreaSlug("");
      setDocumentSymbol("");
    },
  });
  const errors = fieldErrorsOf(add.error);
  return (
    <form
      noValidate
      aria-labelledby="add-agenda-title"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate();
      }}
    >
      <Title order={3} size="h4" id="add-agenda-title" mt="sm" mb="xs">
        {t("agenda.addTitle")}
      </Title>
      <Stack gap="sm" maw={760}>
        <FormErrorSummary error={add.error} shownFields={(field) => AGENDA_FIELDS.test(field)} />
        <MultilingualTextFields
          legend={t("agenda.titlesLegend")}
          hint={t("agenda.titlesHint")}
          field="title"
          label={(language) => t("agenda.titleIn", { language })}
          values={titles}
          onChange={(lang, value) => setTitles((previous) => ({ ...previous, [lang]: value }))}
          errors={errors}
          originalLanguage={originalLanguage}
          onOriginalLanguageChange={setOriginalLanguage}
          errorId="agenda-title-error"
          autoComplete="off"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("field.kind")}
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as AgendaItem["kind"])}
            error={errors.kind}
            data={AGENDA_KINDS.map((value) => ({ value, label: t(`agendaKind.${value}`) }))}
          />
          {kind === "area" ? (
            <NativeSelect
              label={t("agenda.area")}
              name="areaSlug"
              value={areaSlug}
              onChange={(event) => setAreaSlug(event.currentTarget.value)}
              error={errors.areaSlug}
              required
              data={[
                { value: "", label: t("agenda.chooseArea") },
                ...(areas.data ?? []).map((area) => ({
                  value: area.slug,
                  label: localize(area.name, area.originalLanguage),
                })),
              ]}
            />
          ) : null}
          <TextInput
            label={t("field.documentSymbol")}
            description={t("agenda.documentHint")}
            name="documentSymbol"
            value={documentSymbol}
            onChange={(event) => setDocumentSymbol(event.currentTarget.value)}
            error={errors.documentSymbol}
            dir="ltr"
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t("agenda.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
