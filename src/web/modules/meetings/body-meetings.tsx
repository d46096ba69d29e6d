import { Anchor, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Body } from "#shared/bodies.ts";
import { LoadMore } from "../../components/history.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { ConveneMeetingForm } from "./convene-meeting-form.tsx";
import { MeetingDay, MeetingStatusBadge } from "./meeting-parts.tsx";
import { meetingPath, useMeetingName, useMeetings } from "./meetings.queries.ts";

/** A body's meetings, latest first, each linked; for managers, the form to convene the next. */
export function BodyMeetings({ body, manage }: { body: Body; manage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const meetingName = useMeetingName();
  const meetings = useMeetings(body.id);
  const entries = meetings.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <Stack gap="sm">
      {meetings.isPending ? (
        <Loading />
      ) : meetings.isError ? (
        <ErrorNotice error={meetings.error} onRetry={() => meetings.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyNotice>{t("meetings.empty")}</EmptyNotice>
      ) : (
        <>
          <Text size="sm">
            {meetings.hasNextPage
              ? t("meetings.countMore", { shown: format.number(entries.length) })
              : t("meetings.count", { shown: format.number(entries.length) })}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder className="meetings-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("meetings.meeting")}</Table.Th>
                  <Table.Th scope="col">{t("meetings.date")}</Table.Th>
                  <Table.Th scope="col">{t("field.mode")}</Table.Th>
                  <Table.Th scope="col">{t("field.place")}</Table.Th>
                  <Table.Th scope="col">{t("field.status")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((meeting) => (
                  <Table.Tr key={meeting.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={meetingPath(meeting)}>
                        {meetingName(meeting.number)}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <MeetingDay meeting={meeting} />
                    </Table.Td>
                    <Table.Td>{t(`meetingMode.${meeting.mode}`)}</Table.Td>
                    <Table.Td>
                      <span dir="auto">{meeting.place ?? t("history.none")}</span>
                    </Table.Td>
                    <Table.Td>
                      <MeetingStatusBadge status={meeting.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore
            hasMore={meetings.hasNextPage}
            pending={meetings.isFetchingNextPage}
            onLoad={() => meetings.fetchNextPage()}
          />
        </>
      )}
      {manage ? <ConveneMeetingForm body={body} /> : null}
    </Stack>
  );
}
