import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Body, CreateMeetingInput, Meeting } from "#shared/bodies.ts";
import { api } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { useFormat } from "../../i18n/format.ts";
import { DEFAULT_TIME_ZONE } from "../../i18n/zoned-time.ts";
import {
  type MeetingSchedule,
  MeetingScheduleFields,
  SCHEDULE_FIELDS,
  scheduleInput,
} from "./meeting-schedule.tsx";
import { meetingPath, useMeetingName } from "./meetings.queries.ts";

/**
 * Convenes a meeting of a body: the date and time as the clocks will show them where it is held,
 * in the zone chosen (Geneva's by default), its mode and place. Its members are invited.
 */
export function ConveneMeetingForm({ body }: { body: Body }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const meetingName = useMeetingName();
  const format = useFormat();
  const [schedule, setSchedule] = useState<MeetingSchedule>({
    startsAt: "",
    endsAt: "",
    timeZone: DEFAULT_TIME_ZONE,
    mode: "in_person",
    place: "",
  });
  const [missingStart, setMissingStart] = useState(false);
  const convene = useMutation({
    mutationFn: () =>
      api.post<Meeting>("/meetings", {
        bodyId: body.id,
        ...scheduleInput(schedule),
        status: "planned",
        guests: [],
      } satisfies CreateMeetingInput),
    onSuccess: (meeting) => {
      void queryClient.invalidateQueries({ queryKey: ["meetings"] });
      queryClient.setQueryData(["meeting", meeting.id], meeting);
      navigate(meetingPath(meeting));
      announce(
        t("meetings.convenedNotice", {
          meeting: meetingName(meeting.number),
          invited: format.number(meeting.participants.length),
        }),
      );
    },
  });
  const errors = fieldErrorsOf(convene.error);
  return (
    <form
      noValidate
      aria-labelledby="convene-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (!schedule.startsAt) {
          setMissingStart(true);
          return;
        }
        setMissingStart(false);
        convene.mutate();
      }}
    >
      <Title order={3} size="h4" id="convene-title" mt="sm" mb="xs">
        {t("meetings.conveneTitle")}
      </Title>
      <Stack gap="xs" maw={760}>
        <Text size="sm">{t("meetings.conveneHint")}</Text>
        <FormErrorSummary error={convene.error} shownFields={(field) => SCHEDULE_FIELDS.test(field)} />
        <MeetingScheduleFields
          schedule={schedule}
          onChange={setSchedule}
          errors={errors}
          startError={missingStart ? t("meetings.startRequired") : undefined}
        />
        <Group>
          <Button type="submit" loading={convene.isPending}>
            {t("meetings.convene")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
