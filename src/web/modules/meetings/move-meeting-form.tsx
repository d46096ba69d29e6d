import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Meeting, UpdateMeetingInput } from "#shared/bodies.ts";
import { api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import {
  type MeetingSchedule,
  MeetingScheduleFields,
  SCHEDULE_FIELDS,
  scheduleInput,
  scheduleOf,
} from "./meeting-schedule.tsx";
import { useMeetingName, useMeetingUpdated } from "./meetings.queries.ts";

/** Two timestamps naming the same instant, however each writes its offset. */
const sameInstant = (a: string | null, b: string | null) =>
  a === b || (a !== null && b !== null && Date.parse(a) === Date.parse(b));

/**
 * Only what changed travels, with the version read, so a change made meanwhile by someone else
 * is not overwritten silently: a stale version gets 409 and changes nothing. Null when nothing changed.
 */
function changesOf(meeting: Meeting, schedule: MeetingSchedule): UpdateMeetingInput | null {
  const next = scheduleInput(schedule);
  const body: UpdateMeetingInput = { version: meeting.version };
  if (!sameInstant(next.startsAt, meeting.startsAt)) body.startsAt = next.startsAt;
  if (!sameInstant(next.endsAt, meeting.endsAt)) body.endsAt = next.endsAt;
  if (next.timeZone !== meeting.timeZone) body.timeZone = next.timeZone;
  if (next.mode !== meeting.mode) body.mode = next.mode;
  if (next.place !== meeting.place) body.place = next.place;
  return Object.keys(body).length > 1 ? body : null;
}

/**
 * Moves a meeting: another day or time, another zone, mode or place. The times are the wall-clock
 * times where it is held; a new zone reads the times typed as that zone's.
 */
export function MoveMeetingForm({ meeting, onReload }: { meeting: Meeting; onReload: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const onUpdated = useMeetingUpdated();
  const meetingName = useMeetingName();
  const [schedule, setSchedule] = useState(() => scheduleOf(meeting));
  const [problem, setProblem] = useState<"missingStart" | "unchanged" | null>(null);
  const move = useMutation({
    mutationFn: (changes: UpdateMeetingInput) =>
      api.patch<Meeting>(`/meetings/${segment(meeting.id)}`, changes),
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(t("meetings.moveFormSavedNotice", { meeting: meetingName(updated.number) }));
    },
  });
  const errors = fieldErrorsOf(move.error);
  return (
    <form
      noValidate
      aria-labelledby="move-meeting-title"
      className="move-meeting-form"
      onSubmit={(event) => {
        event.preventDefault();
        const changes = changesOf(meeting, schedule);
        if (!schedule.startsAt) setProblem("missingStart");
        else if (!changes) setProblem("unchanged");
        else {
          setProblem(null);
          move.mutate(changes);
        }
      }}
    >
      <Title order={2} size="h3" id="move-meeting-title" mb="xs">
        {t("meetings.moveFormTitle")}
      </Title>
      <Stack gap="xs" maw={760}>
        <Text size="sm">{t("meetings.moveFormHint")}</Text>
        <FormErrorSummary
          error={move.error}
          shownFields={(field) => SCHEDULE_FIELDS.test(field)}
          onReload={onReload}
        />
        <MeetingScheduleFields
          schedule={schedule}
          onChange={(next) => {
            setSchedule(next);
            if (problem === "unchanged") setProblem(null);
          }}
          errors={errors}
          startError={problem === "missingStart" ? t("meetings.startRequired") : undefined}
        />
        {problem === "unchanged" ? (
          <Text size="sm" role="status">
            {t("meetings.moveFormUnchanged")}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" variant="default" loading={move.isPending}>
            {t("meetings.moveFormSubmit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
