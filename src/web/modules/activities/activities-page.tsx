import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, type Activity } from "#shared/activities.ts";
import { apiPath } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { LoadMore } from "../../components/history.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { areaPath, useAreas, useSdgGoals } from "../areas/areas.queries.ts";
import { useUnits } from "../units/units.queries.ts";
import { ActivityStatusBadge, usePeriod } from "./activity-parts.tsx";
import { type ActivityFilter, activityPath, canEditActivities, useActivities } from "./activities.queries.ts";
import { addressWith } from "../../components/address.ts";

const FILTERS = ["unitCode", "areaSlug", "sdgGoal", "type", "status", "from", "to"] as const;

export function ActivitiesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const viewer = useViewer();
  const units = useUnits();
  const areas = useAreas();
  const goals = useSdgGoals();
  const [params, setParams] = useSearchParams();
  const update = (key: string, value: string | null) =>
    setParams(addressWith({ [key]: value }), { replace: true });
  const [search, setSearch] = useState(() => params.get("q") ?? "");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const q = params.get("q") ?? "";
  useEffect(() => {
    if (debounced !== q) update("q", debounced || null);
    // Only the typed words drive the address; the other filters change it themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const filter: ActivityFilter = { q: q || undefined };
  for (const key of FILTERS) filter[key] = params.get(key) || undefined;
  const activities = useActivities(filter);
  const entries = activities.data?.pages.flatMap((page) => page.entries) ?? [];
  const editor = canEditActivities(viewer.data);
  const choose = (label: string) => [{ value: "", label }];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageTitle title={t("activities.title")} />
        {editor ? (
          <Group gap="sm">
            <Button component={Link} to="/activities/import" variant="default">
              {t("activities.import")}
            </Button>
            <Button component={Link} to="/activities/new">
              {t("activities.create")}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Text>{t("activities.intro")}</Text>
      <form
        role="search"
        aria-label={t("activities.filters")}
        onSubmit={(event) => {
          event.preventDefault();
          update("q", search.trim() || null);
        }}
      >
        <Stack gap="sm">
          <TextInput
            type="search"
            label={t("activities.search")}
            description={t("activities.searchHint")}
            name="q"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            autoComplete="off"
            maw={560}
          />
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <NativeSelect
              label={t("field.unit")}
              name="unitCode"
              value={params.get("unitCode") ?? ""}
              onChange={(event) => update("unitCode", event.currentTarget.value || null)}
              data={[
                ...choose(t("activities.anyUnit")),
                ...(units.data ?? []).map((unit) => ({
                  value: unit.code,
                  label: `${unit.code} — ${localize(unit.name, unit.originalLanguage)}`,
                })),
              ]}
            />
            <NativeSelect
              label={t("activities.area")}
              name="areaSlug"
              value={params.get("areaSlug") ?? ""}
              onChange={(event) => update("areaSlug", event.currentTarget.value || null)}
              data={[
                ...choose(t("activities.anyArea")),
                ...(areas.data ?? []).map((area) => ({
                  value: area.slug,
                  label: localize(area.name, area.originalLanguage),
                })),
              ]}
            />
            <NativeSelect
              label={t("activities.sdgGoal")}
              name="sdgGoal"
              value={params.get("sdgGoal") ?? ""}
              onChange={(event) => update("sdgGoal", event.currentTarget.value || null)}
              data={[
                ...choose(t("activities.anyGoal")),
                ...(goals.data ?? []).map((goal) => ({
                  value: goal.code,
                  label: `${goal.code} — ${localize(goal.short, "en")}`,
                })),
              ]}
            />
            <NativeSelect
              label={t("activities.type")}
              name="type"
              value={params.get("type") ?? ""}
              onChange={(event) => update("type", event.currentTarget.value || null)}
              data={[
                ...choose(t("activities.anyType")),
                ...ACTIVITY_TYPES.map((type) => ({ value: type, label: t(`activityType.${type}`) })),
              ]}
            />
            <NativeSelect
              label={t("field.status")}
              name="status"
              value={params.get("status") ?? ""}
              onChange={(event) => update("status", event.currentTarget.value || null)}
              data={[
                ...choose(t("activities.anyStatus")),
                ...ACTIVITY_STATUSES.map((status) => ({
                  value: status,
                  label: t(`activityStatus.${status}`),
                })),
              ]}
            />
            <TextInput
              type="date"
              label={t("activities.from")}
              name="from"
              value={params.get("from") ?? ""}
              onChange={(event) => update("from", event.currentTarget.value || null)}
            />
            <TextInput
              type="date"
              label={t("activities.to")}
              name="to"
              value={params.get("to") ?? ""}
              onChange={(event) => update("to", event.currentTarget.value || null)}
            />
          </SimpleGrid>
        </Stack>
      </form>
      <Group gap="sm">
        <Button component="a" variant="default" href={apiPath("/activities/export.csv")} download>
          {t("activities.exportCsv")}
        </Button>
        <Button component="a" variant="default" href={apiPath("/activities/export.xlsx")} download>
          {t("activities.exportXlsx")}
        </Button>
        <Button component="a" variant="default" href={apiPath("/activities/export.json")} download>
          {t("activities.exportJson")}
        </Button>
      </Group>
      {activities.isPending ? (
        <Loading />
      ) : activities.isError ? (
        <ErrorNotice error={activities.error} onRetry={() => activities.refetch()} />
      ) : (
        <>
          <Text size="sm" aria-live="polite" className="activities-count">
            {entries.length === 0
              ? t("activities.empty")
              : activities.hasNextPage
                ? t("activities.countMore", { shown: format.number(entries.length) })
                : t("activities.count", { shown: format.number(entries.length) })}
          </Text>
          {entries.length === 0 ? (
            <EmptyNotice>{t("activities.emptyHint")}</EmptyNotice>
          ) : (
            <ActivitiesTable activities={entries} />
          )}
          <LoadMore
            hasMore={activities.hasNextPage}
            pending={activities.isFetchingNextPage}
            onLoad={() => activities.fetchNextPage()}
          />
        </>
      )}
    </Stack>
  );
}

function ActivitiesTable({ activities }: { activities: Activity[] }) {
  const { t } = useTranslation();
  const period = usePeriod();
  const localize = useLocalize();
  const areas = useAreas();
  const areaBySlug = new Map((areas.data ?? []).map((area) => [area.slug, area]));
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder className="activities-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("field.title")}</Table.Th>
            <Table.Th scope="col">{t("field.unit")}</Table.Th>
            <Table.Th scope="col">{t("activities.ref")}</Table.Th>
            <Table.Th scope="col">{t("activities.type")}</Table.Th>
            <Table.Th scope="col">{t("field.status")}</Table.Th>
            <Table.Th scope="col">{t("activities.periodLabel")}</Table.Th>
            <Table.Th scope="col">{t("activities.areas")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {activities.map((activity) => (
            <Table.Tr key={activity.id}>
              <Table.Td>
                <Anchor component={Link} to={activityPath(activity)}>
                  <LocalizedText text={activity.title} original={activity.originalLanguage} />
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/units/${encodeURIComponent(activity.unitCode)}`}>
                  {activity.unitCode}
                </Anchor>
              </Table.Td>
              <Table.Td className="activity-ref">{activity.ref}</Table.Td>
              <Table.Td>{t(`activityType.${activity.type}`)}</Table.Td>
              <Table.Td>
                <ActivityStatusBadge status={activity.status} />
              </Table.Td>
              <Table.Td>{period(activity)}</Table.Td>
              <Table.Td>
                {activity.areaSlugs.length === 0 ? (
                  t("history.none")
                ) : (
                  <Group gap={6}>
                    {activity.areaSlugs.map((slug) => {
                      const area = areaBySlug.get(slug);
                      return (
                        <Anchor key={slug} component={Link} to={areaPath({ slug })} size="sm">
                          {area ? localize(area.name, area.originalLanguage) : slug}
                        </Anchor>
                      );
                    })}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
