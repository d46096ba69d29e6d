import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { LANGUAGES } from "#shared/languages.ts";
import type { Unit } from "#shared/organization.ts";
import { api, segment } from "../../api/client.ts";
import { isAdministrator, useViewer } from "../../api/session.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Details } from "../../components/details.tsx";
import { RecordHistory } from "../../components/history.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { PageLoadError, PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { today, useFormat } from "../../i18n/format.ts";
import { directionOf } from "../../i18n/i18n.ts";
import { personPath, usePeople } from "../people/people.queries.ts";
import { isClosed, unitPath, useUnit } from "./units.queries.ts";

export function UnitPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const unit = useUnit(code);
  if (unit.isPending) return <Loading />;
  if (unit.isError)
    return <PageLoadError title={t("units.detailTitle")} error={unit.error} onRetry={() => unit.refetch()} />;
  return <UnitDetails unit={unit.data} />;
}

function UnitDetails({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const viewer = useViewer();
  const parent = useUnit(unit.parentId ?? undefined);
  const [closing, setClosing] = useState(false);
  const admin = isAdministrator(viewer.data);
  const closed = isClosed(unit, today());

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/units" size="sm">
          {t("units.backToTree")}
        </Anchor>
        <Group justify="space-between" align="flex-end">
          <PageTitle title={localize(unit.name, unit.originalLanguage)}>
            <LocalizedText text={unit.name} original={unit.originalLanguage} />
          </PageTitle>
          {admin ? (
            <Group gap="sm">
              <Button component={Link} to={`${unitPath(unit)}/edit`} variant="default">
                {t("common.edit")}
              </Button>
              {unit.validTo === null ? (
                <Button color="red.9" variant="outline" onClick={() => setClosing(true)}>
                  {t("units.close")}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Group>
        {closed ? (
          <Badge color="red.9" variant="outline">
            {t("units.closedOn", { date: format.day(unit.validTo ?? "") })}
          </Badge>
        ) : null}
      </Stack>

      <Details
        items={[
          { label: t("field.code"), value: unit.code },
          { label: t("field.kind"), value: t(`unitKind.${unit.kind}`) },
          {
            label: t("field.parent"),
            value: unit.parentId ? (
              parent.data ? (
                <Anchor component={Link} to={unitPath(parent.data)}>
                  <LocalizedText text={parent.data.name} original={parent.data.originalLanguage} /> (
                  {parent.data.code})
                </Anchor>
              ) : (
                "…"
              )
            ) : (
              t("units.noParent")
            ),
          },
          { label: t("field.validFrom"), value: format.day(unit.validFrom) },
          {
            label: t("field.validTo"),
            value: unit.validTo ? format.day(unit.validTo) : t("units.openEnded"),
          },
          { label: t("field.visibility"), value: t(`visibility.${unit.visibility}`) },
          { label: t("field.originalLanguage"), value: format.languageName(unit.originalLanguage) },
        ]}
      />

      <section aria-labelledby="unit-names">
        <Title order={2} id="unit-names" size="h3" mb="xs">
          {t("units.namesTitle")}
        </Title>
        <Table withTableBorder className="names-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("field.language")}</Table.Th>
              <Table.Th scope="col">{t("field.name")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {LANGUAGES.map((lang) => (
              <Table.Tr key={lang}>
                <Table.Th scope="row" fw={500}>
                  {format.languageName(lang)}
                </Table.Th>
                <Table.Td>
                  {unit.name[lang] ? (
                    <span lang={lang} dir={directionOf(lang)}>
                      {unit.name[lang]}
                    </span>
                  ) : (
                    <Text span fs="italic">
                      {t("multilingual.missing")}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>

      <section aria-labelledby="unit-people">
        <Title order={2} id="unit-people" size="h3" mb="xs">
          {t("units.peopleTitle")}
        </Title>
        <UnitPeople unit={unit} />
      </section>

      <section aria-labelledby="unit-history">
        <Title order={2} id="unit-history" size="h3" mb="xs">
          {t("history.title")}
        </Title>
        <RecordHistory path={`/units/${segment(unit.id)}/history`} queryKey={["unit-history", unit.id]} />
      </section>

      {admin ? <CloseUnitDialog unit={unit} opened={closing} onClose={() => setClosing(false)} /> : null}
    </Stack>
  );
}

function UnitPeople({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const format = useFormat();
  const people = usePeople({ unitCode: unit.code }, 100);
  if (people.isPending) return <Loading />;
  if (people.isError) return <ErrorNotice error={people.error} onRetry={() => people.refetch()} />;
  const entries = people.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) return <EmptyNotice>{t("units.noPeople")}</EmptyNotice>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("field.name")}</Table.Th>
            <Table.Th scope="col">{t("field.title")}</Table.Th>
            <Table.Th scope="col">{t("field.validFrom")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((person) => {
            const post = person.posts.find((p) => p.unitCode === unit.code);
            return (
              <Table.Tr key={person.id}>
                <Table.Td>
                  <Anchor component={Link} to={personPath(person)}>
                    {person.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{post ? localize(post.title, "en") : ""}</Table.Td>
                <Table.Td>{post ? format.day(post.validFrom) : ""}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CloseUnitDialog({ unit, opened, onClose }: { unit: Unit; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [on, setOn] = useState(today());
  const close = useMutation({
    mutationFn: () => api.post<Unit>(`/units/${segment(unit.id)}/close`, { version: unit.version, on }),
    onSuccess: (updated) => {
      queryClient.setQueryData(["unit", unit.code], updated);
      void queryClient.invalidateQueries({ queryKey: ["units"] });
      void queryClient.invalidateQueries({ queryKey: ["unit-history", unit.id] });
      announce(t("units.closedNotice", { code: unit.code }));
      onClose();
    },
  });
  return (
    <ConfirmDialog
      opened={opened}
      title={t("units.closeTitle", { code: unit.code })}
      message={t("units.closeMessage", { name: localize(unit.name, unit.originalLanguage) })}
      confirmLabel={t("units.close")}
      pending={close.isPending}
      error={close.error}
      onConfirm={() => close.mutate()}
      onClose={() => {
        close.reset();
        onClose();
      }}
    >
      <TextInput
        type="date"
        label={t("units.closeOn")}
        value={on}
        required
        onChange={(event) => setOn(event.currentTarget.value)}
      />
    </ConfirmDialog>
  );
}
