import {
  Anchor,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ACTION_STATUSES, type ActionItem, type UpdateActionItemInput } from "#shared/decisions.ts";
import { LANGUAGES, type Language, type MultilingualText } from "#shared/languages.ts";
import { api, segment } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { Details } from "../../components/details.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { RecordHistory } from "../../components/history.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { PageLoadError, PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { directionOf } from "../../i18n/i18n.ts";
import { canManageBodies } from "../bodies/bodies.queries.ts";
import { meetingPath } from "../meetings/meetings.queries.ts";
import { personPath } from "../people/people.queries.ts";
import { ActionStatusBadge, OverdueFlag } from "./action-item-parts.tsx";
import { actionItemPath, useActionItem, useDecision } from "./decisions.queries.ts";

export function ActionItemPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const item = useActionItem(id);
  const [generation, setGeneration] = useState(0);
  if (item.isPending) return <Loading />;
  if (item.isError)
    return (
      <PageLoadError title={t("actionItems.detailTitle")} error={item.error} onRetry={() => item.refetch()} />
    );
  return (
    <ActionItemDetails
      key={generation}
      item={item.data}
      onReload={async () => {
        await item.refetch();
        setGeneration((n) => n + 1);
      }}
    />
  );
}

function useActionItemUpdated() {
  const queryClient = useQueryClient();
  return (updated: ActionItem) => {
    queryClient.setQueryData(["action-item", updated.id], updated);
    void queryClient.invalidateQueries({ queryKey: ["action-items"] });
    void queryClient.invalidateQueries({ queryKey: ["action-item-history", updated.id] });
  };
}

function ActionItemDetails({ item, onReload }: { item: ActionItem; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const viewer = useViewer();
  const manage = canManageBodies(viewer.data);
  const owner = viewer.data?.personId === item.ownerPersonId;
  const decision = useDecision(item.decisionId);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/action-items" size="sm">
          {t("actionItems.backToList")}
        </Anchor>
        <PageTitle title={localize(item.title, item.originalLanguage)}>
          <LocalizedText text={item.title} original={item.originalLanguage} />
        </PageTitle>
      </Stack>
      <Details
        items={[
          {
            label: t("field.status"),
            value: (
              <Group gap="xs">
                <ActionStatusBadge status={item.status} />
                <OverdueFlag overdue={item.overdue} />
              </Group>
            ),
          },
          {
            label: t("field.dueDate"),
            value: item.overdue
              ? t("actionItems.dueOverdue", { date: format.day(item.dueDate) })
              : format.day(item.dueDate),
          },
          {
            label: t("actionItems.owner"),
            value: (
              <Anchor component={Link} to={personPath({ id: item.ownerPersonId })}>
                {item.ownerName}
              </Anchor>
            ),
          },
          {
            label: t("actionItems.ownerUnit"),
            value: (
              <Anchor component={Link} to={`/units/${segment(item.ownerUnitCode)}`}>
                {item.ownerUnitCode}
              </Anchor>
            ),
          },
          {
            label: t("actionItems.body"),
            value: (
              <Anchor component={Link} to={`/bodies/${segment(item.bodyCode)}`}>
                <span dir="ltr">{item.bodyCode}</span>
              </Anchor>
            ),
          },
          {
            label: t("actionItems.origin"),
            value: item.decisionId ? (
              <Anchor
                component={Link}
                to={`${meetingPath({ id: item.meetingId ?? "" })}#decision-${item.decisionId}`}
              >
                {t("actionItems.fromDecisionShort", { number: decision.data?.number ?? "…" })}
              </Anchor>
            ) : item.meetingId ? (
              <Anchor
                component={Link}
                to={`${meetingPath({ id: item.meetingId })}${item.agendaItemId ? `#agenda-${item.agendaItemId}` : ""}`}
              >
                {t("actionItems.fromMeeting")}
              </Anchor>
            ) : (
              t("history.none")
            ),
          },
        ]}
      />

      <section aria-labelledby="action-notes">
        <Title order={2} id="action-notes" size="h3" mb="xs">
          {t("actionItems.notesTitle")}
        </Title>
        {item.notes.length === 0 ? (
          <EmptyNotice>{t("actionItems.noNotes")}</EmptyNotice>
        ) : (
          <ol className="history action-notes">
            {[...item.notes].reverse().map((note) => (
              <li key={`${note.at}-${note.note}`} className="history-entry">
                <Text size="sm">
                  {t("history.byOn", { actor: note.by ?? t("history.system"), when: format.moment(note.at) })}
                </Text>
                <Text dir="auto" className="note-text">
                  {note.note}
                </Text>
              </li>
            ))}
          </ol>
        )}
        {owner || manage ? <ProgressForm item={item} onReload={onReload} /> : null}
      </section>

      {manage ? (
        <section aria-labelledby="action-edit">
          <Title order={2} id="action-edit" size="h3" mb="xs">
            {t("actionItems.editTitle")}
          </Title>
          <EditActionItemForm item={item} onReload={onReload} />
        </section>
      ) : null}

      <section aria-labelledby="action-history">
        <Title order={2} id="action-history" size="h3" mb="xs">
          {t("history.title")}
        </Title>
        <RecordHistory path={`${actionItemPath(item)}/history`} queryKey={["action-item-history", item.id]} />
      </section>
    </Stack>
  );
}

/** The owner (or the secretariat) reports progress: a note, a new status, or both. */
function ProgressForm({ item, onReload }: { item: ActionItem; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const onUpdated = useActionItemUpdated();
  const [status, setStatus] = useState(item.status);
  const [note, setNote] = useState("");
  const [nothing, setNothing] = useState(false);
  const report = useMutation({
    mutationFn: () => {
      const body: UpdateActionItemInput = { version: item.version };
      if (status !== item.status) body.status = status;
      if (note.trim()) body.note = note.trim();
      return api.patch<ActionItem>(`/action-items/${segment(item.id)}`, body);
    },
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(t("actionItems.progressNotice"));
      setNote("");
    },
  });
  const errors = fieldErrorsOf(report.error);
  return (
    <form
      noValidate
      aria-labelledby="progress-title"
      onSubmit={(event) => {
        event.preventDefault();
        const empty = status === item.status && !note.trim();
        setNothing(empty);
        if (!empty) report.mutate();
      }}
    >
      <Title order={3} size="h4" id="progress-title" mt="md" mb="xs">
        {t("actionItems.progressTitle")}
      </Title>
      <Stack gap="xs" maw={640}>
        <FormErrorSummary
          error={report.error}
          shownFields={(field) => field === "status" || field === "note"}
          onReload={() => void onReload()}
        />
        {nothing ? (
          <Text size="sm" c="red.9" role="alert">
            {t("actionItems.progressNothing")}
          </Text>
        ) : null}
        <NativeSelect
          label={t("field.status")}
          name="status"
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as ActionItem["status"])}
          error={errors.status}
          data={ACTION_STATUSES.map((value) => ({ value, label: t(`actionStatus.${value}`) }))}
          maw={320}
        />
        <Textarea
          label={t("actionItems.note")}
          description={t("actionItems.noteHint")}
          name="note"
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.note}
          autosize
          minRows={3}
        />
        <Group>
          <Button type="submit" loading={report.isPending}>
            {t("actionItems.reportProgress")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const titlesOf = (title: MultilingualText) =>
  Object.fromEntries(LANGUAGES.map((lang) => [lang, title[lang] ?? ""])) as Record<Language, string>;

/**
 * The secretariat changes the title (in any of the six languages) and the due date. The original
 * language stays what it was: the API does not take a new one for an action item.
 */
function EditActionItemForm({ item, onReload }: { item: ActionItem; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const localize = useLocalize();
  const onUpdated = useActionItemUpdated();
  const [titles, setTitles] = useState(() => titlesOf(item.title));
  const [dueDate, setDueDate] = useState(item.dueDate);
  const save = useMutation({
    mutationFn: () => {
      const title = Object.fromEntries(
        LANGUAGES.filter((lang) => titles[lang].trim()).map((lang) => [lang, titles[lang].trim()]),
      );
      const body: UpdateActionItemInput = { version: item.version };
      if (JSON.stringify(title) !== JSON.stringify(titlesOfMap(item.title))) body.title = title;
      if (dueDate !== item.dueDate) body.dueDate = dueDate;
      return api.patch<ActionItem>(`/action-items/${segment(item.id)}`, body);
    },
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(t("actionItems.savedNotice", { title: localize(updated.title, updated.originalLanguage) }));
    },
  });
  const errors = fieldErrorsOf(save.error);
  return (
    <form
      noValidate
      aria-labelledby="action-edit"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm" maw={760}>
        <FormErrorSummary
          error={save.error}
          shownFields={(field) => /^(title|dueDate)(\.|$)/.test(field)}
          onReload={() => void onReload()}
        />
        <Fieldset legend={t("actionItems.titlesLegend")}>
          <Stack gap="sm">
            <Text size="sm">{t("actionItems.titlesHint")}</Text>
            {errors.title ? (
              <Text size="sm" c="red.9" id="action-title-error">
                {errors.title}
              </Text>
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {LANGUAGES.map((lang) => (
                <TextInput
                  key={lang}
                  label={t("actionItems.titleIn", { language: format.languageName(lang) })}
                  name={`title.${lang}`}
                  lang={lang}
                  dir={directionOf(lang)}
                  value={titles[lang]}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setTitles((previous) => ({ ...previous, [lang]: value }));
                  }}
                  error={errors[`title.${lang}`]}
                  required={lang === item.originalLanguage}
                  aria-describedby={errors.title ? "action-title-error" : undefined}
                  autoComplete="off"
                />
              ))}
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t("field.dueDate")}
            name="dueDate"
            value={dueDate}
            onChange={(event) => setDueDate(event.currentTarget.value)}
            error={errors.dueDate}
            required
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The stored title with its languages in the order the form sends them. */
function titlesOfMap(title: MultilingualText): MultilingualText {
  return Object.fromEntries(
    LANGUAGES.filter((lang) => title[lang] !== undefined).map((lang) => [lang, title[lang]]),
  );
}
