import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { Area } from "#shared/areas.ts";
import { apiPath } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { LocalizedText } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { today, useFormat } from "../../i18n/format.ts";
import { AreaChanges, QualificationBadge, StatusBadge } from "./area-parts.tsx";
import {
  areaPath,
  canManageAreas,
  isAreaField,
  isCurrentFocalPoint,
  useAreaComparison,
  useAreas,
} from "./areas.queries.ts";
import { addressWith } from "../../components/address.ts";

export function AreasPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const asOf = params.get("asOf") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const update = (key: string, value: string | null) =>
    setParams(addressWith({ [key]: value }), { replace: true });
  const areas = useAreas(asOf || undefined);
  const day = asOf || today();
  const exportQuery = { asOf: asOf || undefined, lang: i18n.language };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageTitle title={t("areas.title")} />
        {canManageAreas(viewer.data) ? (
          <Button component={Link} to="/areas/new">
            {t("areas.create")}
          </Button>
        ) : null}
      </Group>
      <Text>{t("areas.intro")}</Text>
      <Group align="flex-end" gap="md" role="search" aria-label={t("areas.filters")}>
        <TextInput
          type="date"
          label={t("areas.asOf")}
          description={t("areas.asOfHint")}
          name="asOf"
          value={asOf}
          max={today()}
          onChange={(event) => update("asOf", event.currentTarget.value || null)}
          w={220}
        />
        <Group gap="sm">
          <Button component="a" variant="default" href={apiPath("/areas/export.csv", exportQuery)} download>
            {t("areas.exportCsv")}
          </Button>
          <Button component="a" variant="default" href={apiPath("/areas/export.xlsx", exportQuery)} download>
            {t("areas.exportXlsx")}
          </Button>
        </Group>
      </Group>
      {areas.isPending ? (
        <Loading />
      ) : areas.isError ? (
        <ErrorNotice error={areas.error} onRetry={() => areas.refetch()} />
      ) : areas.data.length === 0 ? (
        <EmptyNotice>{t("areas.empty")}</EmptyNotice>
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {asOf
              ? t("areas.countAsOf", { shown: format.number(areas.data.length), date: format.day(asOf) })
              : t("areas.count", { shown: format.number(areas.data.length) })}
          </Text>
          <AreasTable areas={areas.data} day={day} />
        </>
      )}

      <section aria-labelledby="areas-compare">
        <Title order={2} id="areas-compare" size="h3" mb="xs">
          {t("areas.compareTitle")}
        </Title>
        <Text size="sm" mb="xs">
          {t("areas.compareIntro")}
        </Text>
        <Group align="flex-end" gap="md">
          <TextInput
            type="date"
            label={t("areas.compareFrom")}
            name="from"
            value={from}
            onChange={(event) => update("from", event.currentTarget.value || null)}
            w={200}
          />
          <TextInput
            type="date"
            label={t("areas.compareTo")}
            name="to"
            value={to}
            onChange={(event) => update("to", event.currentTarget.value || null)}
            w={200}
          />
        </Group>
        {from && to ? <ComparisonView from={from} to={to} /> : null}
      </section>
    </Stack>
  );
}

function AreasTable({ areas, day }: { areas: Area[]; day: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped withTableBorder className="areas-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("field.name")}</Table.Th>
            <Table.Th scope="col">{t("field.status")}</Table.Th>
            <Table.Th scope="col">{t("areaField.leadUnitCode")}</Table.Th>
            <Table.Th scope="col">{t("areas.qualification")}</Table.Th>
            <Table.Th scope="col">{t("areas.focalPointCount")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {areas.map((area) => (
            <Table.Tr key={area.slug}>
              <Table.Td>
                <Anchor component={Link} to={areaPath(area)}>
                  <LocalizedText text={area.name} original={area.originalLanguage} />
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={area.status} />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/units/${encodeURIComponent(area.leadUnitCode)}`}>
                  {area.leadUnitCode}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <QualificationBadge area={area} />
              </Table.Td>
              <Table.Td>
                {format.number(area.focalPoints.filter((focal) => isCurrentFocalPoint(focal, day)).length)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ComparisonView({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const comparison = useAreaComparison(from, to);
  if (comparison.isPending) return <Loading />;
  if (comparison.isError)
    return <ErrorNotice error={comparison.error} onRetry={() => comparison.refetch()} />;
  const { added, removed, changed } = comparison.data;
  const nothing = added.length + removed.length + changed.length === 0;
  const link = (area: Area) => (
    <Anchor component={Link} to={areaPath(area)}>
      <LocalizedText text={area.name} original={area.originalLanguage} />
    </Anchor>
  );
  return (
    <Stack gap="sm" mt="md" className="comparison" aria-live="polite">
      <Text fw={600}>{t("areas.compareBetween", { from: format.day(from), to: format.day(to) })}</Text>
      {nothing ? <EmptyNotice>{t("areas.compareNothing")}</EmptyNotice> : null}
      {added.length > 0 ? (
        <div>
          <Title order={3} size="h4" mb={4}>
            {t("areas.added", { shown: format.number(added.length) })}
          </Title>
          <ul className="comparison-added">
            {added.map((area) => (
              <li key={area.slug}>{link(area)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {removed.length > 0 ? (
        <div>
          <Title order={3} size="h4" mb={4}>
            {t("areas.removed", { shown: format.number(removed.length) })}
          </Title>
          <ul className="comparison-removed">
            {removed.map((area) => (
              <li key={area.slug}>{link(area)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {changed.length > 0 ? (
        <div>
          <Title order={3} size="h4" mb={4}>
            {t("areas.changed", { shown: format.number(changed.length) })}
          </Title>
          <ul className="comparison-changed history">
            {changed.map((change) => (
              <li key={change.slug} className="history-entry">
                {link(change.after)}
                <AreaChanges
                  fields={change.fields.filter(isAreaField)}
                  before={change.before}
                  after={change.after}
                />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Stack>
  );
}
