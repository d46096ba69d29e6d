import { Anchor, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { Decision } from "#shared/decisions.ts";
import { LoadMore } from "../../components/history.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { DEFAULT_TIME_ZONE, formatDayInZone } from "../../i18n/zoned-time.ts";
import { useBodies } from "../bodies/bodies.queries.ts";
import { useMeetingName } from "../meetings/meetings.queries.ts";
import { type DecisionFilter, useDecisions } from "./decisions.queries.ts";
import { addressWith } from "../../components/address.ts";

/** The decision register across every body's series: search by word in any language, filter by body. */
export function DecisionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const bodies = useBodies();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(() => params.get("q") ?? "");
  const bodyId = params.get("bodyId") ?? "";
  const q = params.get("q") ?? "";
  const update = (key: string, value: string | null) =>
    setParams(addressWith({ [key]: value }), { replace: true });
  // The address (and so the search) follows the box once typing pauses; a reload or a link keeps it.
  const searchFor = useDebouncedCallback((value: string) => update("q", value.trim() || null), 300);
  const filter: DecisionFilter = { bodyId: bodyId || undefined, q: q || undefined };
  const decisions = useDecisions(filter);
  const entries = decisions.data?.pages.flatMap((page) => page.entries) ?? [];
  const bodyName = (id: string) => {
    const body = bodies.data?.find((b) => b.id === id);
    return body ? localize(body.name, body.originalLanguage) : "";
  };

  return (
    <Stack gap="md">
      <PageTitle title={t("decisions.title")} />
      <Text>{t("decisions.intro")}</Text>
      <form role="search" aria-label={t("decisions.filters")} onSubmit={(event) => event.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="search"
            label={t("decisions.search")}
            description={t("decisions.searchHint")}
            name="q"
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              searchFor(event.currentTarget.value);
            }}
            autoComplete="off"
          />
          <NativeSelect
            label={t("decisions.body")}
            name="bodyId"
            value={bodyId}
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
      </form>
      {decisions.isPending ? (
        <Loading />
      ) : decisions.isError ? (
        <ErrorNotice error={decisions.error} onRetry={() => decisions.refetch()} />
      ) : (
        <>
          <Text size="sm" aria-live="polite" className="decisions-count">
            {entries.length === 0
              ? q || bodyId
                ? t("decisions.noneFound")
                : t("decisions.empty")
              : decisions.hasNextPage
                ? t("decisions.countMore", { shown: format.number(entries.length) })
                : t("decisions.count", { shown: format.number(entries.length) })}
          </Text>
          {entries.length === 0 ? null : (
            <ol className="decision-register">
              {entries.map((decision) => (
                <RegisterEntry key={decision.id} decision={decision} bodyName={bodyName(decision.bodyId)} />
              ))}
            </ol>
          )}
          <LoadMore
            hasMore={decisions.hasNextPage}
            pending={decisions.isFetchingNextPage}
            onLoad={() => decisions.fetchNextPage()}
          />
        </>
      )}
    </Stack>
  );
}

function RegisterEntry({ decision, bodyName }: { decision: Decision; bodyName: string }) {
  const { t, i18n } = useTranslation();
  const meetingName = useMeetingName();
  return (
    <li className="decision-item">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap" align="baseline">
          <Anchor
            component={Link}
            to={`/meetings/${encodeURIComponent(decision.meetingId)}#decision-${decision.id}`}
            fw={700}
            className="decision-number"
          >
            <span dir="ltr">{decision.number}</span>
          </Anchor>
          <Text span size="sm">
            {t("decisions.takenAt", {
              meeting: meetingName(decision.meetingNumber),
              body: bodyName || decision.bodyCode,
              date: formatDayInZone(i18n.language, decision.takenOn, DEFAULT_TIME_ZONE),
            })}
          </Text>
        </Group>
        <Text className="decision-text">
          <LocalizedText text={decision.text} original={decision.originalLanguage} />
        </Text>
      </Stack>
    </li>
  );
}
