import { Anchor, Badge, Button, Checkbox, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { Activity } from "#shared/activities.ts";
import type { Notification } from "#shared/notifications.ts";
import { useViewer } from "../../api/session.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { LoadMore } from "../../components/history.tsx";
import { LocalizedText } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { activityPath } from "../activities/activities.queries.ts";
import { OverdueFlag } from "../decisions/action-item-parts.tsx";
import { actionItemPath } from "../decisions/decisions.queries.ts";
import { ActivityKey } from "../overlaps/overlap-parts.tsx";
import { issuePath } from "../issues/issues.queries.ts";
import { overlapPath } from "../overlaps/overlaps.queries.ts";
import {
  actionItemIdsOf,
  overlapPairOf,
  useMarkRead,
  useNotifications,
  useNotifiedActionItems,
  useOverlapPair,
} from "./notifications.queries.ts";

/** One sentence for each kind of notification the server sends. */
const SENTENCES = new Map([
  ["overlap.likely", "notifications.kind.overlapLikely"],
  ["action_item.assigned", "notifications.kind.actionItemAssigned"],
  ["action_item.overdue", "notifications.kind.actionItemOverdue"],
  ["coordination_issue.escalated", "notifications.kind.issueEscalated"],
]);

export function NotificationsPage() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  // The box follows the click at once; the address follows it for reloads and shared links.
  const [showAll, setShowAll] = useState(() => params.get("show") === "all");
  const notifications = useNotifications(!showAll);
  const markRead = useMarkRead();
  const entries = notifications.data?.pages.flatMap((page) => page.entries) ?? [];
  const unread = entries.filter((n) => n.readAt === null);
  return (
    <Stack gap="md">
      <PageTitle title={t("notifications.title")} />
      <Text>{t("notifications.intro")}</Text>
      <Group justify="space-between" align="center">
        <Checkbox
          name="show"
          label={t("notifications.showRead")}
          checked={showAll}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            setShowAll(checked);
            setParams(checked ? { show: "all" } : {}, { replace: true });
          }}
        />
        {unread.length > 0 ? (
          <Button
            variant="default"
            loading={markRead.isPending}
            onClick={() =>
              markRead.mutate(
                unread.map((n) => n.id),
                { onSuccess: () => announce(t("notifications.allMarkedRead")) },
              )
            }
          >
            {t("notifications.markAllRead")}
          </Button>
        ) : null}
      </Group>
      {markRead.error ? <ErrorNotice error={markRead.error} /> : null}
      {notifications.isPending ? (
        <Loading />
      ) : notifications.isError ? (
        <ErrorNotice error={notifications.error} onRetry={() => notifications.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyNotice>{showAll ? t("notifications.none") : t("notifications.noneUnread")}</EmptyNotice>
      ) : (
        <>
          <ol className="notification-list">
            {entries.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} />
            ))}
          </ol>
          <LoadMore
            hasMore={notifications.hasNextPage}
            pending={notifications.isFetchingNextPage}
            onLoad={() => notifications.fetchNextPage()}
          />
        </>
      )}
    </Stack>
  );
}

function NotificationItem({ notification }: { notification: Notification }) {
  const { t } = useTranslation();
  const format = useFormat();
  const markRead = useMarkRead();
  const unread = notification.readAt === null;
  const textId = `notification-${notification.id}`;
  const markThisRead = () => {
    if (unread) markRead.mutate([notification.id]);
  };
  return (
    <li className="notification-item" data-unread={unread ? "" : undefined}>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap" id={textId}>
          {unread ? (
            <Badge variant="filled" color="blue.9" size="sm">
              {t("notifications.unread")}
            </Badge>
          ) : null}
          <Text span fw={unread ? 700 : 400}>
            {t(SENTENCES.get(notification.kind) ?? "notifications.kind.other", {
              kind: notification.kind,
              date:
                typeof notification.subject.dueDate === "string"
                  ? format.day(notification.subject.dueDate)
                  : "",
            })}
          </Text>
          <Text span size="sm">
            {format.moment(notification.createdAt)}
          </Text>
        </Group>
        {notification.kind === "overlap.likely" ? (
          <OverlapNotice notification={notification} onOpen={markThisRead} />
        ) : null}
        {notification.kind === "coordination_issue.escalated" &&
        typeof notification.subject.issueId === "string" ? (
          <Anchor
            component={Link}
            to={issuePath({ id: notification.subject.issueId })}
            onClick={markThisRead}
          >
            {t("notifications.openIssue")}
          </Anchor>
        ) : null}
        {notification.kind.startsWith("action_item.") ? (
          <ActionItemsNotice ids={actionItemIdsOf(notification)} onOpen={markThisRead} />
        ) : null}
        {unread ? (
          <Group>
            <Button
              variant="default"
              size="xs"
              loading={markRead.isPending}
              aria-describedby={textId}
              onClick={markThisRead}
            >
              {t("notifications.markRead")}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </li>
  );
}

/** The two activities of a likely duplicate, and the way to the candidate (or to the inbox). */
function OverlapNotice({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const personId = viewer.data?.personId;
  const pair = overlapPairOf(notification);
  const found = useOverlapPair(pair, (activity) =>
    personId ? activity.contactIds.includes(personId) : false,
  );
  if (!pair) return null;
  if (found.isPending) return <Loading label={t("notifications.finding")} />;
  if (found.isError) return <ErrorNotice error={found.error} onRetry={() => found.refetch()} />;
  const { activities, candidateId, unitCode } = found.data;
  const shown = activities.filter((a): a is Activity => a !== null);
  return (
    <Stack gap={4}>
      {shown.length > 0 ? (
        <ul className="notification-activities">
          {shown.map((activity) => (
            <li key={activity.id}>
              <Anchor component={Link} to={activityPath(activity)} size="sm">
                <ActivityKey side={activity} />
                {" — "}
                <LocalizedText text={activity.title} original={activity.originalLanguage} />
              </Anchor>
              {personId && activity.contactIds.includes(personId) ? (
                <Text span size="sm">
                  {" "}
                  {t("notifications.yours")}
                </Text>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {candidateId ? (
        <Anchor component={Link} to={overlapPath({ id: candidateId })} onClick={onOpen} fw={600}>
          {t("notifications.openCandidate")}
        </Anchor>
      ) : unitCode ? (
        <Anchor
          component={Link}
          to={`/overlaps?${new URLSearchParams({ unitCode, likely: "true" }).toString()}`}
          onClick={onOpen}
          fw={600}
        >
          {t("notifications.openInbox", { unit: unitCode })}
        </Anchor>
      ) : null}
    </Stack>
  );
}

/** The action items a notification is about, each linked to its page (where progress is reported). */
function ActionItemsNotice({ ids, onOpen }: { ids: string[]; onOpen: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const items = useNotifiedActionItems(ids);
  if (ids.length === 0) return null;
  return (
    <ul className="notification-activities">
      {items.map((query, index) => {
        const item = query.data;
        return (
          <li key={ids[index]}>
            {item ? (
              <>
                <Anchor component={Link} to={actionItemPath(item)} onClick={onOpen} size="sm" fw={600}>
                  <LocalizedText text={item.title} original={item.originalLanguage} />
                </Anchor>
                <Text span size="sm">
                  {" "}
                  {t("notifications.actionItemDue", { date: format.day(item.dueDate) })}{" "}
                </Text>
                <OverdueFlag overdue={item.overdue} />
              </>
            ) : query.isError ? (
              <Text span size="sm" fs="italic">
                {t("notifications.actionItemHidden")}
              </Text>
            ) : (
              <Text span size="sm">
                {t("common.loading")}
              </Text>
            )}
          </li>
        );
      })}
    </ul>
  );
}
