import { Anchor, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { OVERLAP_STATUSES, type OverlapCandidate } from "#shared/overlaps.ts";
import { useViewer } from "../../api/session.ts";
import { LoadMore } from "../../components/history.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useAreas } from "../areas/areas.queries.ts";
import { useUnits } from "../units/units.queries.ts";
import { ActivityKey, LikelyBadge, OverlapStatusBadge, PairName, ScoreBadge } from "./overlap-parts.tsx";
import { type OverlapScan, ScanButton, ScanProgress, useOverlapScan } from "./overlap-scan.tsx";
import { canScanOverlaps, type OverlapFilter, overlapPath, useOverlaps } from "./overlaps.queries.ts";
import { addressWith } from "../../components/address.ts";

const FILTERS = ["status", "likely", "areaSlug", "unitCode"] as const;

export function OverlapsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const viewer = useViewer();
  const units = useUnits();
  const areas = useAreas();
  const scan = useOverlapScan();
  const scanner = canScanOverlaps(viewer.data);
  const [params, setParams] = useSearchParams();
  const update = (key: string, value: string | null) =>
    setParams(addressWith({ [key]: value }), { replace: true });
  const filter: OverlapFilter = {};
  for (const key of FILTERS) filter[key] = params.get(key) || undefined;
  if (filter.status === "open") filter.status = undefined;
  const filtered = FILTERS.some((key) => filter[key] !== undefined);
  const overlaps = useOverlaps(filter);
  const entries = overlaps.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageTitle title={t("overlaps.title")} />
        {scanner ? <ScanButton scan={scan} /> : null}
      </Group>
      <Text>{t("overlaps.intro")}</Text>
      {scanner ? <ScanProgress scan={scan} /> : null}
      <form role="search" aria-label={t("overlaps.filters")} onSubmit={(event) => event.preventDefault()}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <NativeSelect
            label={t("field.status")}
            name="status"
            value={params.get("status") ?? "open"}
            // Open is the inbox's own default: the address names only the other two.
            onChange={(event) =>
              update("status", event.currentTarget.value === "open" ? null : event.currentTarget.value)
            }
            data={OVERLAP_STATUSES.map((status) => ({ value: status, label: t(`overlapStatus.${status}`) }))}
          />
          <NativeSelect
            label={t("overlaps.likelyFilter")}
            name="likely"
            value={params.get("likely") ?? ""}
            onChange={(event) => update("likely", event.currentTarget.value || null)}
            data={[
              { value: "", label: t("overlaps.likelyAny") },
              { value: "true", label: t("overlaps.likelyOnly") },
              { value: "false", label: t("overlaps.likelyNot") },
            ]}
          />
          <NativeSelect
            label={t("activities.area")}
            name="areaSlug"
            value={params.get("areaSlug") ?? ""}
            onChange={(event) => update("areaSlug", event.currentTarget.value || null)}
            data={[
              { value: "", label: t("activities.anyArea") },
              ...(areas.data ?? []).map((area) => ({
                value: area.slug,
                label: localize(area.name, area.originalLanguage),
              })),
            ]}
          />
          <NativeSelect
            label={t("field.unit")}
            name="unitCode"
            value={params.get("unitCode") ?? ""}
            onChange={(event) => update("unitCode", event.currentTarget.value || null)}
            data={[
              { value: "", label: t("activities.anyUnit") },
              ...(units.data ?? []).map((unit) => ({
                value: unit.code,
                label: `${unit.code} — ${localize(unit.name, unit.originalLanguage)}`,
              })),
            ]}
          />
        </SimpleGrid>
      </form>
      {overlaps.isPending ? (
        <Loading />
      ) : overlaps.isError ? (
        <ErrorNotice error={overlaps.error} onRetry={() => overlaps.refetch()} />
      ) : (
        <>
          <Text size="sm" aria-live="polite" className="overlaps-count">
            {entries.length === 0
              ? t("overlaps.empty")
              : overlaps.hasNextPage
                ? t("overlaps.countMore", { shown: format.number(entries.length) })
                : t("overlaps.count", { shown: format.number(entries.length) })}
          </Text>
          {entries.length === 0 ? (
            <EmptyInbox filtered={filtered} scan={scanner ? scan : null} />
          ) : (
            <ol className="overlap-list">
              {entries.map((candidate) => (
                <CandidateItem key={candidate.id} candidate={candidate} />
              ))}
            </ol>
          )}
          <LoadMore
            hasMore={overlaps.hasNextPage}
            pending={overlaps.isFetchingNextPage}
            onLoad={() => overlaps.fetchNextPage()}
          />
        </>
      )}
    </Stack>
  );
}

/** What the inbox is for, and for those who may scan, the way to fill it. */
function EmptyInbox({ filtered, scan }: { filtered: boolean; scan: OverlapScan | null }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" className="overlaps-empty">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {filtered ? t("overlaps.emptyFilteredTitle") : t("overlaps.emptyTitle")}
        </Title>
        <Text>{t("overlaps.emptyExplain")}</Text>
        {filtered ? (
          <Anchor component={Link} to="/overlaps">
            {t("overlaps.clearFilters")}
          </Anchor>
        ) : null}
        {scan ? (
          <>
            <Text>{t("overlaps.emptyScan")}</Text>
            <Group>
              <ScanButton scan={scan} label={t("overlaps.scanFromEmpty")} />
            </Group>
          </>
        ) : (
          <Text>{t("overlaps.emptyWait")}</Text>
        )}
      </Stack>
    </Paper>
  );
}

function CandidateItem({ candidate }: { candidate: OverlapCandidate }) {
  return (
    <li className="overlap-item">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Anchor component={Link} to={overlapPath(candidate)} fw={600} className="overlap-link">
          <PairName candidate={candidate} />
        </Anchor>
        <Group gap={6}>
          <ScoreBadge score={candidate.score} />
          <LikelyBadge likely={candidate.likely} />
          <OverlapStatusBadge status={candidate.status} />
        </Group>
      </Group>
      <ul className="overlap-sides">
        {[candidate.a, candidate.b].map((side) => (
          <li key={side.id}>
            <ActivityKey side={side} />
            {" — "}
            <LocalizedText text={side.title} original={side.originalLanguage} />
          </li>
        ))}
      </ul>
    </li>
  );
}
