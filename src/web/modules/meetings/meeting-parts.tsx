import { Badge, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Meeting } from "#shared/bodies.ts";
import { formatDayInZone, formatInZone } from "../../i18n/zoned-time.ts";

const STATUS_COLORS: Record<Meeting["status"], string> = {
  planned: "blue.9",
  held: "#1e6b2e",
  cancelled: "gray.8",
};

export function MeetingStatusBadge({ status }: { status: Meeting["status"] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATUS_COLORS[status]} size="sm" className="meeting-status">
      {t(`meetingStatus.${status}`)}
    </Badge>
  );
}

/**
 * When a meeting is held, as the clocks showed it there, the zone named in words and by its IANA
 * name: "Thursday 26 January 2017, 10:00–12:00 (Central European Standard Time, Europe/Zurich)".
 */
export function MeetingWhen({ meeting }: { meeting: Pick<Meeting, "startsAt" | "endsAt" | "timeZone"> }) {
  const { t, i18n } = useTranslation();
  const start = formatInZone(i18n.language, meeting.startsAt, meeting.timeZone);
  if (!start) return <>{meeting.startsAt}</>;
  const end = meeting.endsAt ? formatInZone(i18n.language, meeting.endsAt, meeting.timeZone) : null;
  const sameDay = end !== null && end.date === start.date;
  const when = !end
    ? t("meetings.whenAt", { date: start.date, time: start.time })
    : sameDay
      ? t("meetings.whenFromTo", { date: start.date, start: start.time, end: end.time })
      : t("meetings.whenSpan", {
          startDate: start.date,
          start: start.time,
          endDate: end.date,
          end: end.time,
        });
  return (
    <span className="meeting-when">
      {when}{" "}
      <Text span size="sm" className="meeting-zone">
        {t("meetings.zone", { name: start.zoneName, zone: meeting.timeZone })}
      </Text>
    </span>
  );
}

/** The day a meeting is held, in its own zone, for lists. */
export function MeetingDay({ meeting }: { meeting: Pick<Meeting, "startsAt" | "timeZone"> }) {
  const { i18n } = useTranslation();
  return <>{formatDayInZone(i18n.language, meeting.startsAt, meeting.timeZone)}</>;
}
