import { NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { MEETING_MODES, type Meeting } from "#shared/bodies.ts";
import { timeZones, wallClockIn, zonedIso } from "../../i18n/zoned-time.ts";

/**
 * When, where and how a meeting is held, as its forms hold it: the times as typed in
 * `datetime-local` inputs, the wall-clock time in the meeting's own zone, whatever the reader's.
 */
export interface MeetingSchedule {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  mode: Meeting["mode"];
  place: string;
}

/** The fields of a schedule the server may name in its errors; the forms show them beside the inputs. */
export const SCHEDULE_FIELDS = /^(startsAt|endsAt|timeZone|mode|place)$/;

/** A stored meeting's schedule, its times shown as the clocks read them where it is held. */
export function scheduleOf(meeting: Pick<Meeting, "startsAt" | "endsAt" | "timeZone" | "mode" | "place">) {
  return {
    startsAt: wallClockIn(meeting.startsAt, meeting.timeZone),
    endsAt: meeting.endsAt ? wallClockIn(meeting.endsAt, meeting.timeZone) : "",
    timeZone: meeting.timeZone,
    mode: meeting.mode,
    place: meeting.place ?? "",
  } satisfies MeetingSchedule;
}

/**
 * The schedule as the API takes it: times as ISO 8601 with the zone's offset on the day. A time the
 * browser cannot read goes as typed, for the server to name the field rather than the form guessing.
 */
export function scheduleInput(schedule: MeetingSchedule) {
  return {
    startsAt: zonedIso(schedule.startsAt, schedule.timeZone) ?? schedule.startsAt,
    endsAt: schedule.endsAt ? (zonedIso(schedule.endsAt, schedule.timeZone) ?? schedule.endsAt) : null,
    timeZone: schedule.timeZone,
    mode: schedule.mode,
    place: schedule.place.trim() || null,
  };
}

/**
 * The inputs of a schedule — start, end, time zone, mode, place — each with the server's error for
 * its field beside it. Shared by convening a meeting and moving one, so both read times alike.
 */
export function MeetingScheduleFields({
  schedule,
  onChange,
  errors,
  startError,
}: {
  schedule: MeetingSchedule;
  onChange: (next: MeetingSchedule) => void;
  errors: Record<string, string>;
  /** The start's error when the form has its own (a start left empty is caught before sending). */
  startError?: string;
}) {
  const { t } = useTranslation();
  const zones = useMemo(() => timeZones(), []);
  const set = <K extends keyof MeetingSchedule>(key: K, value: MeetingSchedule[K]) =>
    onChange({ ...schedule, [key]: value });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        type="datetime-local"
        label={t("meetings.startsAt")}
        description={t("meetings.wallClockHint")}
        name="startsAt"
        value={schedule.startsAt}
        onChange={(event) => set("startsAt", event.currentTarget.value)}
        error={startError ?? errors.startsAt}
        required
      />
      <TextInput
        type="datetime-local"
        label={t("meetings.endsAt")}
        description={t("meetings.endsAtHint")}
        name="endsAt"
        value={schedule.endsAt}
        onChange={(event) => set("endsAt", event.currentTarget.value)}
        error={errors.endsAt}
      />
      <NativeSelect
        label={t("field.timeZone")}
        name="timeZone"
        value={schedule.timeZone}
        onChange={(event) => set("timeZone", event.currentTarget.value)}
        error={errors.timeZone}
        required
        // A zone this browser does not list (stored by another client) stays choosable.
        data={zones.includes(schedule.timeZone) ? zones : [schedule.timeZone, ...zones]}
      />
      <NativeSelect
        label={t("field.mode")}
        name="mode"
        value={schedule.mode}
        onChange={(event) => set("mode", event.currentTarget.value as Meeting["mode"])}
        error={errors.mode}
        required
        data={MEETING_MODES.map((value) => ({ value, label: t(`meetingMode.${value}`) }))}
      />
      <TextInput
        label={t("field.place")}
        name="place"
        value={schedule.place}
        onChange={(event) => set("place", event.currentTarget.value)}
        error={errors.place}
      />
    </SimpleGrid>
  );
}
