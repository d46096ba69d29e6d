import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { parseDocumentSymbol } from "#shared/document-symbols.ts";
import type { Document } from "#shared/documents.ts";
import { useViewer } from "../../api/session.ts";
import { LoadMore } from "../../components/history.tsx";
import { LocalizedText } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { bodyPath, canManageBodies, useBodies } from "../bodies/bodies.queries.ts";
import { meetingPath, useMeetingName } from "../meetings/meetings.queries.ts";
import { CitedBy, DocumentLanguages } from "./document-parts.tsx";
import { documentPath, registerSymbolPath, useDocuments } from "./documents.queries.ts";
import { addressWith } from "../../components/address.ts";

/**
 * The documents register. The search box takes words of a title or (part of) a symbol; a link from
 * a citation arrives with `?symbol=`, an exact symbol, until the reader types something else.
 */
export function DocumentsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const manage = canManageBodies(viewer.data);
  const bodies = useBodies();
  const [params, setParams] = useSearchParams();
  const symbolParam = params.get("symbol") ?? "";
  const qParam = params.get("q") ?? "";
  const bodyId = params.get("body") ?? "";
  const searched = symbolParam || qParam;
  const [search, setSearch] = useState(searched);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // The address changed from outside (a citation's link, the navigation): the box follows it.
  const [lastSearched, setLastSearched] = useState(searched);
  if (searched !== lastSearched) {
    setLastSearched(searched);
    if (searched !== debounced) setSearch(searched);
  }

  const setParam = (changes: Record<string, string>) => setParams(addressWith(changes), { replace: true });

  // What is typed goes to the address (so the search can be shared and survives a reload); an
  // exact symbol from a link stays exact until the reader types something else.
  useEffect(() => {
    if (debounced === searched) return;
    setParam({ q: debounced, symbol: "" });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new search writes the address.
  }, [debounced]);

  const documents = useDocuments({
    q: symbolParam ? undefined : qParam || undefined,
    symbol: symbolParam || undefined,
    bodyId: bodyId || undefined,
  });
  const entries = documents.data?.pages.flatMap((page) => page.entries) ?? [];
  // A search that reads as one symbol and finds nothing is a document not registered yet.
  const unregistered = searched && parseDocumentSymbol(searched) ? searched : null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageTitle title={t("documents.title")} />
        {manage ? (
          <Group gap="sm">
            <Button component={Link} to="/documents/import" variant="default">
              {t("documents.import")}
            </Button>
            <Button component={Link} to="/documents/new">
              {t("documents.create")}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Text>{t("documents.intro")}</Text>
      <Group align="flex-end" gap="md" role="search" aria-label={t("documents.filters")}>
        <TextInput
          type="search"
          label={t("documents.search")}
          description={t("documents.searchHint")}
          name="q"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          autoComplete="off"
          w={320}
        />
        <NativeSelect
          label={t("documents.body")}
          name="body"
          value={bodyId}
          onChange={(event) => setParam({ body: event.currentTarget.value })}
          data={[
            { value: "", label: t("documents.allBodies") },
            ...(bodies.data ?? []).map((body) => ({ value: body.id, label: body.code })),
          ]}
          w={220}
        />
      </Group>
      {documents.isPending ? (
        <Loading />
      ) : documents.isError ? (
        <ErrorNotice error={documents.error} onRetry={() => documents.refetch()} />
      ) : entries.length === 0 ? (
        <Stack gap="xs" className="documents-empty">
          <EmptyNotice>
            {unregistered
              ? t("documents.symbolNotRegistered", { symbol: unregistered })
              : searched || bodyId
                ? t("documents.noneFound")
                : t("documents.empty")}
          </EmptyNotice>
          {unregistered && manage ? (
            <Group>
              <Button component={Link} to={registerSymbolPath(unregistered)} variant="outline">
                {t("documents.registerSymbol", { symbol: unregistered })}
              </Button>
            </Group>
          ) : null}
        </Stack>
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {documents.hasNextPage
              ? t("documents.countMore", { shown: format.number(entries.length) })
              : t("documents.count", { shown: format.number(entries.length) })}
          </Text>
          <DocumentsTable documents={entries} />
          <LoadMore
            hasMore={documents.hasNextPage}
            pending={documents.isFetchingNextPage}
            onLoad={() => documents.fetchNextPage()}
          />
        </>
      )}
    </Stack>
  );
}

function DocumentsTable({ documents }: { documents: Document[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const meetingName = useMeetingName();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped withTableBorder className="documents-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("documents.symbol")}</Table.Th>
            <Table.Th scope="col">{t("documents.titleField")}</Table.Th>
            <Table.Th scope="col">{t("documents.issuedOn")}</Table.Th>
            <Table.Th scope="col">{t("documents.languages")}</Table.Th>
            <Table.Th scope="col">{t("documents.bodyOrMeeting")}</Table.Th>
            <Table.Th scope="col">{t("documents.citedBy")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documents.map((document) => (
            <Table.Tr key={document.id} data-symbol={document.symbol}>
              <Table.Th scope="row" fw={600}>
                <Anchor component={Link} to={documentPath(document)} dir="ltr" className="document-symbol">
                  {document.symbol}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <LocalizedText text={document.title} original={document.originalLanguage} />
              </Table.Td>
              <Table.Td>{document.issuedOn ? format.day(document.issuedOn) : t("history.none")}</Table.Td>
              <Table.Td>
                <DocumentLanguages document={document} />
              </Table.Td>
              <Table.Td>
                {document.bodyCode ? (
                  <>
                    <Anchor component={Link} to={bodyPath({ code: document.bodyCode })} dir="ltr">
                      {document.bodyCode}
                    </Anchor>
                    {document.meetingId && document.meetingNumber !== null ? (
                      <>
                        {t("documents.bodyMeetingSeparator")}
                        <Anchor component={Link} to={meetingPath({ id: document.meetingId })}>
                          {meetingName(document.meetingNumber)}
                        </Anchor>
                      </>
                    ) : null}
                  </>
                ) : (
                  t("history.none")
                )}
              </Table.Td>
              <Table.Td>
                <CitedBy document={document} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
