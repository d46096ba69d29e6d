import { Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { AuditEvent } from "#shared/audit.ts";
import { api, type Page } from "../../api/client.ts";
import { AuditEventList, LoadMore } from "../../components/history.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { addressWith } from "../../components/address.ts";

export const AUDIT_ENTITIES = [
  "unit",
  "person",
  "post",
  "role_assignment",
  "area",
  "mandate",
  "activity",
  "overlap",
  "overlap_scan",
  "body",
  "meeting",
  "agenda_item",
  "decision",
  "action_item",
  "area_report",
  "coordination_issue",
  "reminder",
  "document",
  "figure",
  "contradiction_review",
  "metric",
  "session",
  "access_token",
] as const;
export const AUDIT_ACTIONS = [
  "create",
  "update",
  "delete",
  "close",
  "activate",
  "deactivate",
  "end",
  "grant",
  "revoke",
  "tag",
  "import",
  "confirmed",
  "dismissed",
  "reopen",
  "scan",
  "add_member",
  "end_member",
  "invite",
  "withdraw_invitations",
  "attendance",
  "approve_minutes",
  "revise_minutes",
  "escalate",
  "resolve",
  "remind",
  "sign_in",
  "sign_out",
  "set_password",
  "set_language",
] as const;

export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = {
    entity: params.get("entity") ?? "",
    action: params.get("action") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  };
  const update = (key: keyof typeof filter, value: string) =>
    setParams(addressWith({ [key]: value }), { replace: true });
  const events = useInfiniteQuery({
    queryKey: ["audit", filter],
    queryFn: ({ pageParam }) =>
      api.get<Page<AuditEvent>>("/audit", {
        entity: filter.entity,
        action: filter.action,
        from: filter.from,
        to: filter.to,
        limit: 30,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
    retry: (count, error) =>
      count < 2 && !("status" in error && (error.status === 403 || error.status === 400)),
  });
  const entries = events.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <Stack gap="md">
      <PageTitle title={t("audit.title")} />
      <Text>{t("audit.intro")}</Text>
      <Group align="flex-end" gap="md" role="search" aria-label={t("audit.filters")}>
        <NativeSelect
          label={t("audit.entity")}
          name="entity"
          value={filter.entity}
          onChange={(event) => update("entity", event.currentTarget.value)}
          data={[
            { value: "", label: t("audit.allEntities") },
            // The statistics name their own records (figures.entity), as the history does.
            ...AUDIT_ENTITIES.map((entity) => ({
              value: entity,
              label: t([`entity.${entity}`, `figures.entity.${entity}`]),
            })),
          ]}
        />
        <NativeSelect
          label={t("audit.action")}
          name="action"
          value={filter.action}
          onChange={(event) => update("action", event.currentTarget.value)}
          data={[
            { value: "", label: t("audit.allActions") },
            ...AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`action.${action}`) })),
          ]}
        />
        <TextInput
          type="date"
          label={t("audit.from")}
          name="from"
          value={filter.from}
          onChange={(event) => update("from", event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t("audit.to")}
          name="to"
          value={filter.to}
          onChange={(event) => update("to", event.currentTarget.value)}
        />
      </Group>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <ErrorNotice error={events.error} />
      ) : entries.length === 0 ? (
        <EmptyNotice>{t("audit.empty")}</EmptyNotice>
      ) : (
        <>
          <AuditEventList events={entries} showEntity />
          <LoadMore
            hasMore={events.hasNextPage}
            pending={events.isFetchingNextPage}
            onLoad={() => events.fetchNextPage()}
          />
        </>
      )}
    </Stack>
  );
}
