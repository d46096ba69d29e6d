import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Viewer } from "#shared/auth.ts";
import type { Body, Meeting } from "#shared/bodies.ts";
import { ApiError, api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { FormErrorSummary } from "../../components/form-errors.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useMeetingName, useMeetingUpdated } from "./meetings.queries.ts";

/** The body's chair or an administrator of the whole organization approves the minutes. */
export const canApproveMinutes = (viewer: Viewer | null | undefined, body: Body | undefined) =>
  viewer != null &&
  ((body?.chairPersonId != null && body.chairPersonId === viewer.personId) ||
    viewer.roles.some((grant) => grant.role === "administrator" && grant.unitId === null));

/** The server refused to change minutes because they are approved (422 `minutes_approved`). */
export const isMinutesApproved = (error: unknown) =>
  error instanceof ApiError && error.status === 422 && error.code === "invalid_transition";

/** "Minutes: draft, revision 2" or "approved on …", with the chair's and the secretariat's actions. */
export function MinutesStatus({
  meeting,
  approve,
  revise,
  onReload,
}: {
  meeting: Meeting;
  approve: boolean;
  revise: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const onUpdated = useMeetingUpdated();
  const meetingName = useMeetingName();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const approved = meeting.minutesStatus === "approved";
  const approveMutation = useMutation({
    mutationFn: () =>
      api.post<Meeting>(`/meetings/${segment(meeting.id)}/minutes/approve`, { version: meeting.version }),
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(t("minutes.approvedNotice", { meeting: meetingName(updated.number) }));
    },
  });
  const reviseMutation = useMutation({
    mutationFn: () =>
      api.post<Meeting>(`/meetings/${segment(meeting.id)}/minutes/revise`, {
        version: meeting.version,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
    onSuccess: (updated) => {
      onUpdated(updated);
      setConfirming(false);
      setReason("");
      announce(
        t("minutes.revisionOpenedNotice", {
          meeting: meetingName(updated.number),
          revision: format.number(updated.minutesRevision),
        }),
      );
    },
  });
  const revision = format.number(meeting.minutesRevision);
  return (
    <section aria-labelledby="meeting-minutes-status" className="minutes-status">
      <Stack gap="xs">
        <Group gap="xs" align="baseline">
          <Text fw={600} id="meeting-minutes-status">
            {t("minutes.label")}:
          </Text>
          <Text span className="minutes-summary">
            {approved && meeting.minutesApprovedAt
              ? t("minutes.approvedSummary", {
                  revision,
                  date: format.moment(meeting.minutesApprovedAt),
                })
              : t("minutes.draftSummary", { revision })}
          </Text>
        </Group>
        {approve && !approved ? (
          <Stack gap="xs">
            <FormErrorSummary
              error={approveMutation.error}
              shownFields={() => false}
              onReload={() => void onReload()}
            />
            <Group>
              <Button loading={approveMutation.isPending} onClick={() => approveMutation.mutate()}>
                {t("minutes.approve")}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {revise && approved ? (
          <Group>
            <Button variant="outline" onClick={() => setConfirming(true)}>
              {t("minutes.openRevision")}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t("minutes.reviseTitle")}
        message={t("minutes.reviseMessage", { revision: format.number(meeting.minutesRevision + 1) })}
        confirmLabel={t("minutes.openRevision")}
        danger={false}
        pending={reviseMutation.isPending}
        error={reviseMutation.error}
        onConfirm={() => reviseMutation.mutate()}
        onClose={() => {
          reviseMutation.reset();
          setConfirming(false);
        }}
      >
        <Textarea
          label={t("minutes.reason")}
          description={t("minutes.reasonHint")}
          name="revisionReason"
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          autosize
          minRows={2}
        />
      </ConfirmDialog>
    </section>
  );
}
