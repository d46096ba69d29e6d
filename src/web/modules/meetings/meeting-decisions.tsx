import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Meeting } from "#shared/bodies.ts";
import type { CreateDecisionInput, Decision, UpdateDecisionInput } from "#shared/decisions.ts";
import { LANGUAGES, type Language, type MultilingualText } from "#shared/languages.ts";
import { api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { LoadMore, RecordHistory } from "../../components/history.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { LanguageInputs } from "../../components/multilingual-fields.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { currentLanguage, directionOf } from "../../i18n/i18n.ts";
import { ActionItemsForm } from "../decisions/action-items-form.tsx";
import { useDecisions } from "../decisions/decisions.queries.ts";
import { isMinutesApproved } from "./meeting-minutes.tsx";
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
              <DecisionEntry key={decision.id} meeting={meeting} decision={decision} manage={manage} />
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

type DecisionPanel = "actions" | "correct" | "history";

function DecisionEntry({
  meeting,
  decision,
  manage,
}: {
  meeting: Meeting;
  decision: Decision;
  manage: boolean;
}) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<DecisionPanel | null>(null);
  const buttons = useRef<Record<DecisionPanel, HTMLButtonElement | null>>({
    actions: null,
    correct: null,
    history: null,
  });
  const headingId = `decision-${decision.id}-number`;
  const panelId = `decision-${decision.id}-panel`;
  // A decision is part of the minutes: once they are approved it stays as recorded, and the
  // correction is offered again only after a new revision of the minutes.
  const correctable = manage && meeting.minutesStatus !== "approved";
  const close = () => {
    const opened = panel;
    setPanel(null);
    // Focus goes back to the button that opened the panel.
    if (opened) window.setTimeout(() => buttons.current[opened]?.focus(), 0);
  };
  const toggleButton = (which: DecisionPanel, label: string) => (
    <Button
      ref={(node) => {
        buttons.current[which] = node;
      }}
      size="compact-sm"
      variant={panel === which ? "filled" : "outline"}
      aria-expanded={panel === which}
      aria-controls={panel === which ? panelId : undefined}
      aria-describedby={headingId}
      onClick={() => (panel === which ? close() : setPanel(which))}
    >
      {label}
    </Button>
  );
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
        <Group gap="xs">
          {manage ? toggleButton("actions", t("actionItems.turnInto")) : null}
          {/* Kept while its form is open, so that a refusal (approved meanwhile) can be read. */}
          {correctable || panel === "correct" ? toggleButton("correct", t("decisions.correct")) : null}
          {toggleButton("history", t("decisions.historyToggle"))}
        </Group>
        {panel ? (
          <Paper withBorder p="sm" id={panelId}>
            {panel === "actions" ? (
              <ActionItemsForm
                source={{ decisionId: decision.id }}
                headingId={`decision-${decision.id}-actions`}
                heading={t("actionItems.fromDecision", { number: decision.number })}
                level={3}
                onDone={close}
                onCancel={close}
              />
            ) : panel === "correct" ? (
              <CorrectDecisionForm
                key={decision.version}
                meeting={meeting}
                decision={decision}
                headingId={`decision-${decision.id}-correct`}
                onDone={close}
              />
            ) : (
              <section aria-labelledby={`decision-${decision.id}-history`}>
                <Title order={3} size="h5" id={`decision-${decision.id}-history`} mb="xs">
                  {t("decisions.historyOf", { number: decision.number })}
                </Title>
                <RecordHistory
                  path={`/decisions/${segment(decision.id)}/history`}
                  queryKey={["decision-history", decision.id]}
                />
              </section>
            )}
          </Paper>
        ) : null}
      </Stack>
    </li>
  );
}

/** The meeting's agenda as choices: "2. Progress on web editing", in the agenda's order. */
function useAgendaChoices(meeting: Meeting) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const agenda = useAgenda(meeting.id);
  return [
    { value: "", label: t("decisions.noAgendaItem") },
    ...[...(agenda.data ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((item) => ({
        value: item.id,
        label: `${format.number(item.position)}. ${localize(item.title, item.originalLanguage)}`,
      })),
  ];
}

const textsOf = (text: MultilingualText) =>
  Object.fromEntries(LANGUAGES.map((lang) => [lang, text[lang] ?? ""])) as Record<Language, string>;

/**
 * Corrects a decision as recorded: a wrong word, a language added, the agenda item it answers. Its
 * number stays. Refused once the minutes are approved (by the chair, maybe while this was open).
 */
function CorrectDecisionForm({
  meeting,
  decision,
  headingId,
  onDone,
}: {
  meeting: Meeting;
  decision: Decision;
  headingId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const choices = useAgendaChoices(meeting);
  const [texts, setTexts] = useState(() => textsOf(decision.text));
  const [originalLanguage, setOriginalLanguage] = useState<Language>(decision.originalLanguage);
  const [itemId, setItemId] = useState(decision.agendaItemId ?? "");
  const correct = useMutation({
    mutationFn: () =>
      api.patch<Decision>(`/decisions/${segment(decision.id)}`, {
        text: Object.fromEntries(
          LANGUAGES.filter((lang) => texts[lang].trim() !== "").map((lang) => [lang, texts[lang].trim()]),
        ),
        originalLanguage,
        agendaItemId: itemId || null,
        version: decision.version,
      } satisfies UpdateDecisionInput),
    onSuccess: (saved) => {
      queryClient.setQueryData(["decision", saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ["decisions"] });
      void queryClient.invalidateQueries({ queryKey: ["decision-history", saved.id] });
      announce(t("decisions.correctedNotice", { number: saved.number }));
      onDone();
    },
    onError: (error) => {
      // Approved meanwhile: the page learns the new status, which withdraws the correction.
      if (isMinutesApproved(error)) void queryClient.invalidateQueries({ queryKey: ["meeting", meeting.id] });
    },
  });
  const errors = fieldErrorsOf(correct.error);
  const errorId = `${headingId}-text-error`;
  return (
    <form
      noValidate
      aria-labelledby={headingId}
      className="decision-form"
      onSubmit={(event) => {
        event.preventDefault();
        correct.mutate();
      }}
    >
      <Title order={3} size="h5" id={headingId} mb="xs">
        {t("decisions.correctTitle", { number: decision.number })}
      </Title>
      <Stack gap="xs">
        <Text size="sm">{t("decisions.correctHint")}</Text>
        {isMinutesApproved(correct.error) ? (
          <Alert color="red.9" variant="outline" role="alert" title={t("minutes.lockedTitle")}>
            {t("decisions.correctLocked")}
          </Alert>
        ) : (
          <FormErrorSummary
            error={correct.error}
            shownFields={(field) => /^(text|originalLanguage|agendaItemId)(\.|$)/.test(field)}
            onReload={() => void queryClient.invalidateQueries({ queryKey: ["decisions"] })}
          />
        )}
        <NativeSelect
          label={t("decisions.agendaItem")}
          name="agendaItemId"
          value={itemId}
          onChange={(event) => setItemId(event.currentTarget.value)}
          error={errors.agendaItemId}
          data={choices}
        />
        <Fieldset legend={t("decisions.textsLegend")}>
          <Stack gap="sm">
            {errors.text ? (
              <Text size="sm" c="red.9" id={errorId}>
                {errors.text}
              </Text>
            ) : null}
            <NativeSelect
              label={t("field.originalLanguage")}
              name="originalLanguage"
              value={originalLanguage}
              onChange={(event) => setOriginalLanguage(event.currentTarget.value as Language)}
              error={errors.originalLanguage}
              data={LANGUAGES.map((lang) => ({ value: lang, label: format.languageName(lang) }))}
              maw={320}
            />
            <LanguageInputs
              field="text"
              label={(language) => t("decisions.textIn", { language })}
              values={texts}
              onChange={(lang, value) => setTexts((previous) => ({ ...previous, [lang]: value }))}
              errors={errors}
              requiredLanguage={originalLanguage}
              describedBy={errors.text ? errorId : undefined}
              multiline
            />
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={correct.isPending}>
            {t("decisions.correctSubmit")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
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
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const choices = useAgendaChoices(meeting);
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
            data={choices}
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
