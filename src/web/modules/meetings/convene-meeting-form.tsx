import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type Body, type CreateMeetingInput, MEETING_MODES, type Meeting } from "#shared/bodies.ts";
import { api } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { useFormat } from "../../i18n/format.ts";
import { DEFAULT_TIME_ZONE, timeZones, zonedIso } from "../../i18n/zoned-time.ts";
import { meetingPath, useMeetingName } from "./meetings.queries.ts";

const CONVENE_FIELDS = /^(startsAt|endsAt|timeZone|mode|place)$/;

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
  const zones = useMemo(() => timeZones(), []);
  const [startsAt, setStartsAt] = useState("");
  const [endsAt, setEndsAt] = useState("");
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);
  const [mode, setMode] = useState<Meeting["mode"]>("in_person");
  const [place, setPlace] = useState("");
  const [missingStart, setMissingStart] = useState(false);
  const convene = useMutation({
    mutationFn: () =>
      api.post<Meeting>("/meetings", {
        bodyId: body.id,
        // An unreadable time goes as typed, for the server to name the field.
        startsAt: zonedIso(startsAt, timeZone) ?? startsAt,
        endsAt: endsAt ? (zonedIso(endsAt, timeZone) ?? endsAt) : null,
        timeZone,
        mode,
        place: place.trim() || null,
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
  const startError = missingStart ? t("meetings.startRequired") : errors.startsAt;
  return (
    <form
      noValidate
      aria-labelledby="convene-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (!startsAt) {
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
        <FormErrorSummary error={convene.error} shownFields={(field) => CONVENE_FIELDS.test(field)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t("meetings.startsAt")}
            description={t("meetings.wallClockHint")}
            name="startsAt"
            value={startsAt}
            onChange={(event) => setStartsAt(event.currentTarget.value)}
            error={startError}
            required
          />
          <TextInput
            type="datetime-local"
            label={t("meetings.endsAt")}
            description={t("meetings.endsAtHint")}
            name="endsAt"
            value={endsAt}
            onChange={(event) => setEndsAt(event.currentTarget.value)}
            error={errors.endsAt}
          />
          <NativeSelect
            label={t("field.timeZone")}
            name="timeZone"
            value={timeZone}
            onChange={(event) => setTimeZone(event.currentTarget.value)}
            error={errors.timeZone}
            required
            data={zones}
          />
          <NativeSelect
            label={t("field.mode")}
            name="mode"
            value={mode}
            onChange={(event) => setMode(event.currentTarget.value as Meeting["mode"])}
            error={errors.mode}
            required
            data={MEETING_MODES.map((value) => ({ value, label: t(`meetingMode.${value}`) }))}
          />
          <TextInput
            label={t("field.place")}
            name="place"
            value={place}
            onChange={(event) => setPlace(event.currentTarget.value)}
            error={errors.place}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={convene.isPending}>
            {t("meetings.convene")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
