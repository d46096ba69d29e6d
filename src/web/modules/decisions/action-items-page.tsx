import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ACTION_STATUSES } from "#shared/decisions.ts";
import { api } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { LoadMore } from "../../components/history.tsx";
import { useLocalize } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { canManageBodies, useBodies } from "../bodies/bodies.queries.ts";
import { ActionItemsTable } from "./action-item-parts.tsx";
import { type ActionItemFilter, useActionItems } from "./decisions.queries.ts";
import { addressWith } from "../../components/address.ts";

/** Action items across bodies, soonest due first: one's own, by status, overdue or not. */
export function ActionItemsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const viewer = useViewer();
  const bodies = useBodies();
  const [params, setParams] = useSearchParams();
  const update = (key: string, value: string | null) =>
    setParams(addressWith({ [key]: value }), { replace: true });
  // The box follows the click at once; the address follows it for reloads and shared links.
  const [mine, setMine] = useState(() => params.get("mine") === "true");
  const filter: ActionItemFilter = {
    ownerPersonId: mine ? viewer.data?.personId : undefined,
    status: params.get("status") || undefined,
    overdue: params.get("overdue") || undefined,
    bodyId: params.get("bodyId") || undefined,
  };
  const items = useActionItems(filter);
  const entries = items.data?.pages.flatMap((page) => page.entries) ?? [];
  const overdue = entries.filter((item) => item.overdue).length;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageTitle title={t("actionItems.title")} />
        {canManageBodies(viewer.data) ? <RemindButton /> : null}
      </Group>
      <Text>{t("actionItems.intro")}</Text>
      <form role="search" aria-label={t("actionItems.filters")} onSubmit={(event) => event.preventDefault()}>
        <Stack gap="sm">
          <Checkbox
            name="mine"
            label={t("actionItems.mine")}
            checked={mine}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              setMine(checked);
              update("mine", checked ? "true" : null);
            }}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t("field.status")}
              name="status"
              value={params.get("status") ?? ""}
              onChange={(event) => update("status", event.currentTarget.value || null)}
              data={[
                { value: "", label: t("actionItems.anyStatus") },
                ...ACTION_STATUSES.map((status) => ({ value: status, label: t(`actionStatus.${status}`) })),
              ]}
            />
            <NativeSelect
              label={t("actionItems.overdueFilter")}
              name="overdue"
              value={params.get("overdue") ?? ""}
              onChange={(event) => update("overdue", event.currentTarget.value || null)}
              data={[
                { value: "", label: t("actionItems.overdueAny") },
                { value: "true", label: t("actionItems.overdueOnly") },
                { value: "false", label: t("actionItems.overdueNot") },
              ]}
            />
            <NativeSelect
              label={t("actionItems.body")}
              name="bodyId"
              value={params.get("bodyId") ?? ""}
              onChange={(event) => update("bodyId", event.currentTarget.value || null)}
              data={[
                { value: "", label: t("decisions.anyBody") },
                ...(bodies.data ?? []).map((body) => ({
                  value: body.id,
                  label: localize(body.name, body.originalLanguage),
                })),
              ]}
            />
          </SimpleGrid>
        </Stack>
      </form>
      {items.isPending ? (
        <Loading />
      ) : items.isError ? (
        <ErrorNotice error={items.error} onRetry={() => items.refetch()} />
      ) : (
        <>
          <Text size="sm" aria-live="polite" className="action-items-count">
            {entries.length === 0
              ? t("actionItems.noneFound")
              : t(items.hasNextPage ? "actionItems.countMore" : "actionItems.count", {
                  shown: format.number(entries.length),
                  overdue: format.number(overdue),
                })}
          </Text>
          {entries.length === 0 ? (
            <EmptyNotice>{t("actionItems.emptyHint")}</EmptyNotice>
          ) : (
            <ActionItemsTable items={entries} showBody />
          )}
          <LoadMore
            hasMore={items.hasNextPage}
            pending={items.isFetchingNextPage}
            onLoad={() => items.fetchNextPage()}
          />
        </>
      )}
    </Stack>
  );
}

/** Reminds the owners of overdue items now (the server also does it every hour, once a week per item). */
function RemindButton() {
  const { t } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const remind = useMutation({
    mutationFn: () => api.post<{ reminded: number }>("/action-items/reminders"),
    onSuccess: ({ reminded }) => {
      void queryClient.invalidateQueries({ queryKey: ["notifications"] });
      announce(t("actionItems.remindedNotice", { shown: format.number(reminded) }));
    },
  });
  return (
    <Stack gap={4} align="flex-end">
      <Button variant="default" loading={remind.isPending} onClick={() => remind.mutate()}>
        {t("actionItems.remind")}
      </Button>
      {remind.error ? <ErrorNotice error={remind.error} /> : null}
    </Stack>
  );
}
