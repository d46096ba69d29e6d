import { Anchor, Button, Group, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { MEETING_STATUSES, type Meeting, type UpdateMeetingInput } from "#shared/bodies.ts";
import { api, apiPath, segment } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { Details } from "../../components/details.tsx";
import { FormErrorSummary } from "../../components/form-errors.tsx";
import { RecordHistory } from "../../components/history.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { PageLoadError, PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { canManageBodies, useBody } from "../bodies/bodies.queries.ts";
import { ActionItemsTable } from "../decisions/action-item-parts.tsx";
import { useMeetingActionItems } from "../decisions/decisions.queries.ts";
import { MeetingAgenda } from "./meeting-agenda.tsx";
import { AttendanceForm, InviteForm, ParticipantsTable } from "./meeting-attendance.tsx";
import { MeetingDecisions } from "./meeting-decisions.tsx";
import { canApproveMinutes, MinutesStatus } from "./meeting-minutes.tsx";
import { MeetingStatusBadge, MeetingWhen } from "./meeting-parts.tsx";
import { useMeeting, useMeetingName, useMeetingUpdated } from "./meetings.queries.ts";
import { MoveMeetingForm } from "./move-meeting-form.tsx";

export function MeetingPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <Loading />;
  if (meeting.isError)
    return (
      <PageLoadError
        title={t("meetings.detailTitle")}
        error={meeting.error}
        onRetry={() => meeting.refetch()}
      />
    );
  return <MeetingDetails meeting={meeting.data} onReload={() => meeting.refetch()} />;
}

/** A decision or agenda item named in the address (`#decision-…`) is scrolled to once it is shown. */
function useScrollToHash(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const id = decodeURIComponent(hash.slice(1));
    const timer = window.setTimeout(() => document.getElementById(id)?.scrollIntoView(), 300);
    return () => window.clearTimeout(timer);
  }, [hash, ready]);
}

function MeetingDetails({ meeting, onReload }: { meeting: Meeting; onReload: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const meetingName = useMeetingName();
  const viewer = useViewer();
  const manage = canManageBodies(viewer.data);
  const body = useBody(meeting.bodyId);
  const name = meetingName(meeting.number);
  const bodyName = localize(meeting.bodyName, "en");
  const attended = meeting.participants.filter(
    (p) => p.attendance === "in_person" || p.attendance === "remote",
  ).length;
  useScrollToHash(true);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={`/bodies/${segment(meeting.bodyCode)}`} size="sm">
          {t("meetings.backToBody", { body: bodyName })}
        </Anchor>
        <PageTitle title={`${name} — ${bodyName}`}>{name}</PageTitle>
        <Text size="lg">
          <LocalizedText text={meeting.bodyName} original="en" />
        </Text>
        <Anchor
          href={apiPath(`/meetings/${segment(meeting.id)}/invitation.ics`)}
          download={`meeting-${meeting.bodyCode}-${meeting.number}.ics`}
          size="sm"
          className="invitation-link"
        >
          {t("calendar.downloadInvitation")}
        </Anchor>
        <Group gap="md">
          {(["docx", "pdf"] as const).map((format) => (
            <Anchor
              key={format}
              href={apiPath(`/meetings/${segment(meeting.id)}/minutes.${format}?lang=${i18n.language}`)}
              download={`minutes-${meeting.bodyCode}-${meeting.number}-${i18n.language}.${format}`}
              size="sm"
            >
              {t(format === "pdf" ? "minutes.downloadPdf" : "minutes.downloadWord")}
            </Anchor>
          ))}
        </Group>
      </Stack>

      <Details
        items={[
          { label: t("meetings.when"), value: <MeetingWhen meeting={meeting} /> },
          { label: t("field.mode"), value: t(`meetingMode.${meeting.mode}`) },
          {
            label: t("field.place"),
            value: meeting.place ? <span dir="auto">{meeting.place}</span> : t("history.none"),
          },
          { label: t("field.status"), value: <MeetingStatusBadge status={meeting.status} /> },
          {
            label: t("meetings.participantCount"),
            value: t("meetings.participantSummary", {
              invited: format.number(meeting.participants.length),
              attended: format.number(attended),
            }),
          },
        ]}
      />
      {manage ? <StatusForm key={`status-${meeting.version}`} meeting={meeting} onReload={onReload} /> : null}
      {/* Keyed by version: after a save or a reload the form starts again from the stored meeting. */}
      {manage ? (
        <MoveMeetingForm key={`move-${meeting.version}`} meeting={meeting} onReload={() => void onReload()} />
      ) : null}

      <section aria-labelledby="meeting-participants">
        <Title order={2} id="meeting-participants" size="h3" mb="xs">
          {t("meetings.participantsTitle")}
        </Title>
        {meeting.participants.length === 0 ? (
          <EmptyNotice>{t("meetings.noParticipants")}</EmptyNotice>
        ) : manage ? (
          <AttendanceForm meeting={meeting} onReload={onReload} />
        ) : (
          <ParticipantsTable meeting={meeting} />
        )}
        {manage ? <InviteForm meeting={meeting} onReload={onReload} /> : null}
      </section>

      <section aria-labelledby="meeting-agenda">
        <Title order={2} id="meeting-agenda" size="h3" mb="xs">
          {t("agenda.title")}
        </Title>
        <MinutesStatus
          meeting={meeting}
          approve={canApproveMinutes(viewer.data, body.data)}
          revise={manage}
          onReload={onReload}
        />
        <MeetingAgenda meeting={meeting} manage={manage} />
      </section>

      <section aria-labelledby="meeting-decisions">
        <Title order={2} id="meeting-decisions" size="h3" mb="xs">
          {t("decisions.meetingTitle")}
        </Title>
        <MeetingDecisions meeting={meeting} manage={manage} />
      </section>

      <section aria-labelledby="meeting-action-items">
        <Title order={2} id="meeting-action-items" size="h3" mb="xs">
          {t("actionItems.title")}
        </Title>
        <MeetingActionItems meeting={meeting} />
      </section>

      <section aria-labelledby="meeting-history">
        <Title order={2} id="meeting-history" size="h3" mb="xs">
          {t("history.title")}
        </Title>
        <RecordHistory
          path={`/meetings/${segment(meeting.id)}/history`}
          queryKey={["meeting-history", meeting.id]}
        />
      </section>
    </Stack>
  );
}

/** Planned, held or cancelled: the one change to a meeting made here. */
function StatusForm({ meeting, onReload }: { meeting: Meeting; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const onUpdated = useMeetingUpdated();
  const meetingName = useMeetingName();
  const [status, setStatus] = useState(meeting.status);
  const save = useMutation({
    mutationFn: () =>
      api.patch<Meeting>(`/meetings/${segment(meeting.id)}`, {
        status,
        version: meeting.version,
      } satisfies UpdateMeetingInput),
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(
        t("meetings.statusChangedNotice", {
          meeting: meetingName(updated.number),
          status: t(`meetingStatus.${updated.status}`),
        }),
      );
    },
  });
  return (
    <form
      noValidate
      aria-label={t("meetings.statusFormLabel")}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <FormErrorSummary error={save.error} shownFields={() => false} onReload={() => void onReload()} />
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t("meetings.changeStatus")}
          name="meetingStatus"
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as Meeting["status"])}
          data={MEETING_STATUSES.map((value) => ({ value, label: t(`meetingStatus.${value}`) }))}
          w={220}
        />
        <Button type="submit" variant="default" loading={save.isPending} disabled={status === meeting.status}>
          {t("meetings.saveStatus")}
        </Button>
      </Group>
    </form>
  );
}

function MeetingActionItems({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const items = useMeetingActionItems(meeting.bodyId, meeting.id);
  if (items.isPending) return <Loading />;
  if (items.isError) return <ErrorNotice error={items.error} onRetry={() => items.refetch()} />;
  if (items.data.length === 0) return <EmptyNotice>{t("actionItems.noneForMeeting")}</EmptyNotice>;
  return <ActionItemsTable items={items.data} />;
}
