import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { Person } from "#shared/organization.ts";
import { isAdministrator, useViewer } from "../../api/session.ts";
import { LoadMore } from "../../components/history.tsx";
import { useLocalize } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { today, useFormat } from "../../i18n/format.ts";
import { useUnits } from "../units/units.queries.ts";
import { personPath, usePeople } from "./people.queries.ts";
import { addressWith } from "../../components/address.ts";

export function PeoplePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const viewer = useViewer();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const unitCode = params.get("unit") ?? "";
  const asOf = params.get("asOf") ?? "";
  const includeInactive = params.get("includeInactive") === "true";

  const update = (key: string, value: string | null) =>
    setParams(addressWith({ [key]: value }), { replace: true });
  // The search box writes to the address only once the reader pauses typing.
  const setParamsRef = useRef(setParams);
  setParamsRef.current = setParams;
  useEffect(() => {
    setParamsRef.current(
      (current) => {
        if ((current.get("q") ?? "") === debounced) return current;
        const next = new URLSearchParams(current);
        if (debounced) next.set("q", debounced);
        else next.delete("q");
        return next;
      },
      { replace: true },
    );
  }, [debounced]);

  const people = usePeople({
    q: debounced || undefined,
    unitCode: unitCode || undefined,
    asOf: asOf || undefined,
    includeInactive,
  });
  const entries = people.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageTitle title={t("people.title")} />
        {isAdministrator(viewer.data) ? (
          <Button component={Link} to="/people/new">
            {t("people.create")}
          </Button>
        ) : null}
      </Group>
      <Group align="flex-end" gap="md" role="search" aria-label={t("people.filters")}>
        <TextInput
          type="search"
          label={t("people.search")}
          name="q"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={260}
        />
        <NativeSelect
          label={t("people.unitFilter")}
          name="unit"
          value={unitCode}
          onChange={(event) => update("unit", event.currentTarget.value || null)}
          data={[
            { value: "", label: t("people.allUnits") },
            ...(units.data ?? []).map((unit) => ({
              value: unit.code,
              label: `${unit.code} — ${localize(unit.name, unit.originalLanguage)}`,
            })),
          ]}
          w={300}
        />
        <TextInput
          type="date"
          label={t("people.asOf")}
          name="asOf"
          value={asOf}
          onChange={(event) => update("asOf", event.currentTarget.value || null)}
          w={180}
        />
        <Checkbox
          label={t("people.includeInactive")}
          checked={includeInactive}
          onChange={(event) => update("includeInactive", event.currentTarget.checked ? "true" : null)}
          mb={8}
        />
      </Group>
      {people.isPending ? (
        <Loading />
      ) : people.isError ? (
        <ErrorNotice error={people.error} onRetry={() => people.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyNotice>{t("people.empty")}</EmptyNotice>
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {people.hasNextPage
              ? t("people.shownMore", { shown: format.number(entries.length) })
              : t("people.shown", { shown: format.number(entries.length) })}
          </Text>
          <PeopleTable people={entries} asOf={asOf || today()} />
          <LoadMore
            hasMore={people.hasNextPage}
            pending={people.isFetchingNextPage}
            onLoad={() => people.fetchNextPage()}
          />
        </>
      )}
    </Stack>
  );
}

function PeopleTable({ people, asOf }: { people: Person[]; asOf: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("field.name")}</Table.Th>
            <Table.Th scope="col">{t("people.posts")}</Table.Th>
            <Table.Th scope="col">{t("field.email")}</Table.Th>
            <Table.Th scope="col">{t("field.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => {
            const current = person.posts.filter(
              (post) => post.validFrom <= asOf && (post.validTo === null || asOf <= post.validTo),
            );
            return (
              <Table.Tr key={person.id}>
                <Table.Td>
                  <Anchor component={Link} to={personPath(person)}>
                    {person.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {current.map((post) => (
                    <div key={post.id}>
                      {localize(post.title, "en")} · {post.unitCode}
                    </div>
                  ))}
                </Table.Td>
                <Table.Td>{person.email ?? ""}</Table.Td>
                <Table.Td>
                  {person.active ? (
                    t("people.active")
                  ) : (
                    <Badge variant="outline" color="red.9" size="sm">
                      {t("people.inactive")}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
