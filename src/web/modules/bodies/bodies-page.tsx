import { Anchor, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Body } from "#shared/bodies.ts";
import { useViewer } from "../../api/session.ts";
import { LocalizedText } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { today, useFormat } from "../../i18n/format.ts";
import { bodyPath, canManageBodies, isSeated, useBodies } from "./bodies.queries.ts";

export function BodiesPage() {
  const { t } = useTranslation();
  const bodies = useBodies();
  const viewer = useViewer();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageTitle title={t("bodies.title")} />
        {canManageBodies(viewer.data) ? (
          <Button component={Link} to="/bodies/new">
            {t("bodyForm.create")}
          </Button>
        ) : null}
      </Group>
      <Text>{t("bodies.intro")}</Text>
      {bodies.isPending ? (
        <Loading />
      ) : bodies.isError ? (
        <ErrorNotice error={bodies.error} onRetry={() => bodies.refetch()} />
      ) : bodies.data.length === 0 ? (
        <EmptyNotice>{t("bodies.empty")}</EmptyNotice>
      ) : (
        <BodiesTable bodies={bodies.data} />
      )}
    </Stack>
  );
}

function BodiesTable({ bodies }: { bodies: Body[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const day = today();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder className="bodies-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("field.name")}</Table.Th>
            <Table.Th scope="col">{t("field.code")}</Table.Th>
            <Table.Th scope="col">{t("field.level")}</Table.Th>
            <Table.Th scope="col">{t("bodies.chair")}</Table.Th>
            <Table.Th scope="col">{t("bodies.seatedNow")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bodies.map((body) => (
            <Table.Tr key={body.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={bodyPath(body)}>
                  <LocalizedText text={body.name} original={body.originalLanguage} />
                </Anchor>
              </Table.Th>
              <Table.Td>
                <span dir="ltr">{body.code}</span>
              </Table.Td>
              <Table.Td>{t(`bodyLevel.${body.level}`)}</Table.Td>
              <Table.Td>{body.chairName ?? t("history.none")}</Table.Td>
              <Table.Td>{format.number(body.members.filter((m) => isSeated(m, day)).length)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
