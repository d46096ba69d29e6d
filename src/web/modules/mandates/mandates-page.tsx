import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { MANDATE_SOURCES, type Mandate, type MandateSource } from "#shared/mandates.ts";
import { useViewer } from "../../api/session.ts";
import { LocalizedText } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { VerificationBadge } from "./mandate-parts.tsx";
import { canManageMandates, mandatePath, useMandates } from "./mandates.queries.ts";
import { addressWith } from "../../components/address.ts";

const isSource = (value: string | null): value is MandateSource =>
  value !== null && (MANDATE_SOURCES as readonly string[]).includes(value);

export function MandatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const sourceParam = params.get("source");
  const source = isSource(sourceParam) ? sourceParam : undefined;
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const mandates = useMandates({ source, q: debounced || undefined });

  const groups = MANDATE_SOURCES.map((s) => ({
    source: s,
    entries: (mandates.data ?? []).filter((mandate) => mandate.source === s),
  })).filter((group) => group.entries.length > 0);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageTitle title={t("mandates.title")} />
        {canManageMandates(viewer.data) ? (
          <Button component={Link} to="/mandates/new">
            {t("mandates.create")}
          </Button>
        ) : null}
      </Group>
      <Text>{t("mandates.intro")}</Text>
      <Group align="flex-end" gap="md" role="search" aria-label={t("mandates.filters")}>
        <NativeSelect
          label={t("mandates.source")}
          name="source"
          value={source ?? ""}
          onChange={(event) =>
            setParams(addressWith({ source: event.currentTarget.value }), { replace: true })
          }
          data={[
            { value: "", label: t("mandates.allSources") },
            ...MANDATE_SOURCES.map((s) => ({ value: s, label: t(`mandateSource.${s}`) })),
          ]}
          w={300}
        />
        <TextInput
          type="search"
          label={t("mandates.search")}
          name="q"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={280}
        />
      </Group>
      {mandates.isPending ? (
        <Loading />
      ) : mandates.isError ? (
        <ErrorNotice error={mandates.error} onRetry={() => mandates.refetch()} />
      ) : mandates.data.length === 0 ? (
        <EmptyNotice>{t("mandates.empty")}</EmptyNotice>
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {t("mandates.count", {
              shown: format.number(mandates.data.length),
              verified: format.number(mandates.data.filter((m) => m.verified).length),
            })}
          </Text>
          {groups.map((group) => (
            <section key={group.source} aria-labelledby={`mandates-${group.source}`}>
              <Title order={2} id={`mandates-${group.source}`} size="h3" mb="xs">
                {t(`mandateSource.${group.source}`)}
              </Title>
              <MandatesTable mandates={group.entries} />
            </section>
          ))}
        </>
      )}
    </Stack>
  );
}

function MandatesTable({ mandates }: { mandates: Mandate[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder className="mandates-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("mandates.citation")}</Table.Th>
            <Table.Th scope="col">{t("mandates.titleField")}</Table.Th>
            <Table.Th scope="col">{t("mandates.coordination")}</Table.Th>
            <Table.Th scope="col">{t("mandates.verification")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mandates.map((mandate) => (
            <Table.Tr key={mandate.id}>
              <Table.Th scope="row" fw={600}>
                <Anchor component={Link} to={mandatePath(mandate)}>
                  {mandate.citation}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <LocalizedText text={mandate.title} original={mandate.originalLanguage} />
              </Table.Td>
              <Table.Td>
                {mandate.callsForInterSectoralCoordination ? t("common.yes") : t("common.no")}
              </Table.Td>
              <Table.Td>
                <VerificationBadge verified={mandate.verified} />
                {mandate.sourceNote ? (
                  <Text size="xs" mt={4} dir="auto">
                    {mandate.sourceNote}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
