import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Meeting } from "#shared/bodies.ts";
import type { CreateDecisionInput, Decision } from "#shared/decisions.ts";
import { LANGUAGES, type Language } from "#shared/languages.ts";
import { api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { LoadMore } from "../../components/history.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { currentLanguage, directionOf } from "../../i18n/i18n.ts";
import { ActionItemsForm } from "../decisions/action-items-form.tsx";
import { useDecisions } from "../decisions/decisions.queries.ts";
import { useAgenda } from "./meetings.queries.ts";

/** The decisions taken at a meeting, in the register's order; each can be turned into action items. */
export function MeetingDecisions({ meeting, manage }: { meeting: Meeting; manage: boolean }) {
  const { t } = useTranslation();
  const decisions = useDecisions({ meetingId: meeting.id });
  const [recording, setRecording] = useState(false);
  const recordButton = useRef<HTMLButtonElement>(null);
  const entries = decisions.data?.pages.flatMap((page) => page.entries) ?? [];
  const closeRecording = () => {
    setRecording(false);
    window.setTimeout(() => recordButton.current?.focus(), 0);
  };
  return (
    <Stack gap="sm">
      {decisions.isPending ? (
        <Loading />
      ) : decisions.isError ? (
        <ErrorNotice error={decisions.error} onRetry={() => decisions.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyNotice>{t("decisions.noneAtMeeting")}</EmptyNotice>
      ) : (
        <>
          <ol className="decision-list">
            {[...entries].reverse().map((decision) => (
              <DecisionEntry key={decision.id} decision={decision} manage={manage} />
            ))}
          </ol>
          <LoadMore
            hasMore={decisions.hasNextPage}
            pending={decisions.isFetchingNextPage}
            onLoad={() => decisions.fetchNextPage()}
          />
        </>
      )}
      {manage ? (
        <>
          <Group>
            <Button
              ref={recordButton}
              variant={recording ? "filled" : "outline"}
              aria-expanded={recording}
              aria-controls={recording ? "record-decision-panel" : undefined}
              onClick={() => (recording ? closeRecording() : setRecording(true))}
            >
              {t("decisions.recordAtMeeting")}
            </Button>
          </Group>
          {recording ? (
            <Paper withBorder p="sm" id="record-decision-panel">
              <RecordDecisionForm
                meeting={meeting}
                agendaItemId={null}
                headingId="record-decision-title"
                heading={t("decisions.recordAtMeeting")}
                level={3}
                onDone={closeRecording}
                onCancel={closeRecording}
              />
            </Paper>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

function DecisionEntry({ decision, manage }: { decision: Decision; manage: boolean }) {
  const { t } = useTranslation();
  const [spawning, setSpawning] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const headingId = `decision-${decision.id}-number`;
  const close = () => {
    setSpawning(false);
    window.setTimeout(() => button.current?.focus(), 0);
  };
  return (
    <li className="decision-item" id={`decision-${decision.id}`}>
      <Stack gap={4}>
        <Text fw={700} id={headingId}>
          <span dir="ltr">{decision.number}</span>
        </Text>
        <Text className="decision-text">
          <LocalizedText text={decision.text} original={decision.originalLanguage} />
        </Text>
        {decision.agendaItemId ? (
          <Anchor href={`#agenda-${decision.agendaItemId}`} size="sm">
            {t("decisions.onAgendaItem")}
          </Anchor>
        ) : null}
        {manage ? (
          <Group>
            <Button
              ref={button}
              size="compact-sm"
              variant={spawning ? "filled" : "outline"}
              aria-expanded={spawning}
              aria-controls={spawning ? `decision-${decision.id}-panel` : undefined}
              aria-describedby={headingId}
              onClick={() => (spawning ? close() : setSpawning(true))}
            >
              {t("actionItems.turnInto")}
            </Button>
          </Group>
        ) : null}
        {manage && spawning ? (
          <Paper withBorder p="sm" id={`decision-${decision.id}-panel`}>
            <ActionItemsForm
              source={{ decisionId: decision.id }}
              headingId={`decision-${decision.id}-actions`}
              heading={t("actionItems.fromDecision", { number: decision.number })}
              level={3}
              onDone={close}
              onCancel={close}
            />
          </Paper>
        ) : null}
      </Stack>
    </li>
  );
}

/**
 * Records a decision of the meeting, written in one language (its original), on one agenda item
 * when it comes from there. The register numbers it: `ISC-TF/17/1`.
 */
export function RecordDecisionForm({
  meeting,
  agendaItemId,
  headingId,
  heading,
  level,
  onDone,
  onCancel,
}: {
  meeting: Meeting;
  /** The agenda item it comes from; null offers a choice of item (or none). */
  agendaItemId: string | null;
  headingId: string;
  heading: string;
  /** The heading's level: one below the section or item the form opens in. */
  level: 3 | 4;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const agenda = useAgenda(meeting.id);
  const [language, setLanguage] = useState<Language>(() => currentLanguage());
  const [text, setText] = useState("");
  const [itemId, setItemId] = useState(agendaItemId ?? "");
  const record = useMutation({
    mutationFn: () =>
      api.post<Decision>(`/meetings/${segment(meeting.id)}/decisions`, {
        text: text.trim() ? { [language]: text.trim() } : {},
        originalLanguage: language,
        agendaItemId: itemId || null,
      } satisfies CreateDecisionInput),
    onSuccess: (decision) => {
      void queryClient.invalidateQueries({ queryKey: ["decisions"] });
      announce(t("decisions.recordedNotice", { number: decision.number }));
      onDone();
    },
  });
  const errors = fieldErrorsOf(record.error);
  return (
    <form
      noValidate
      aria-labelledby={headingId}
      className="decision-form"
      onSubmit={(event) => {
        event.preventDefault();
        record.mutate();
      }}
    >
      <Title order={level} size="h5" id={headingId} mb="xs">
        {heading}
      </Title>
      <Stack gap="xs">
        <FormErrorSummary
          error={record.error}
          shownFields={(field) => /^(text|agendaItemId)(\.|$)/.test(field)}
        />
        {agendaItemId === null ? (
          <NativeSelect
            label={t("decisions.agendaItem")}
            name="agendaItemId"
            value={itemId}
            onChange={(event) => setItemId(event.currentTarget.value)}
            error={errors.agendaItemId}
            data={[
              { value: "", label: t("decisions.noAgendaItem") },
              ...[...(agenda.data ?? [])]
                .sort((a, b) => a.position - b.position)
                .map((item) => ({
                  value: item.id,
                  label: `${format.number(item.position)}. ${localize(item.title, item.originalLanguage)}`,
                })),
            ]}
          />
        ) : null}
        <NativeSelect
          label={t("decisions.language")}
          name="decisionLanguage"
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value as Language)}
          data={LANGUAGES.map((lang) => ({ value: lang, label: format.languageName(lang) }))}
          maw={320}
        />
        <Textarea
          label={t("decisions.text")}
          name="decisionText"
          lang={language}
          dir={directionOf(language)}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={errors.text ?? errors[`text.${language}`]}
          required
          autosize
          minRows={3}
          autoFocus
        />
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t("decisions.recordSubmit")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
