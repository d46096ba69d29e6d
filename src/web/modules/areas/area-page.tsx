import {
  Anchor,
  Badge,
  Blockquote,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { AddFocalPointInput, Area, FocalPoint } from "#shared/areas.ts";
import { api, segment } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Details } from "../../components/details.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { PageLoadError, PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { today, useFormat } from "../../i18n/format.ts";
import { isLanguage } from "../../i18n/i18n.ts";
import { mandatePath, useMandates } from "../mandates/mandates.queries.ts";
import { personPath, usePeopleSearch } from "../people/people.queries.ts";
import {
  AreaChanges,
  QualificationBadge,
  SdgTargetList,
  StatusBadge,
  useQualificationText,
} from "./area-parts.tsx";
import {
  areaPath,
  canManageAreas,
  changedAreaFields,
  isCurrentFocalPoint,
  useArea,
  useAreaRevisions,
} from "./areas.queries.ts";

export function AreaPage() {
  const { t } = useTranslation();
  const { slug } = useParams();
  const area = useArea(slug);
  if (area.isPending) return <Loading />;
  if (area.isError)
    return <PageLoadError title={t("areas.detailTitle")} error={area.error} onRetry={() => area.refetch()} />;
  return <AreaDetails area={area.data} />;
}

function useAreaUpdate(area: Area) {
  const queryClient = useQueryClient();
  return (updated: Area) => {
    queryClient.setQueryData(["area", area.slug], updated);
    void queryClient.invalidateQueries({ queryKey: ["areas"] });
    void queryClient.invalidateQueries({ queryKey: ["areas-compare"] });
    void queryClient.invalidateQueries({ queryKey: ["area-revisions", area.slug] });
  };
}

function AreaDetails({ area }: { area: Area }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const viewer = useViewer();
  const manage = canManageAreas(viewer.data);
  const explain = useQualificationText();
  const lang = isLanguage(i18n.language) ? i18n.language : "en";

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/areas" size="sm">
          {t("areas.backToList")}
        </Anchor>
        <Group justify="space-between" align="flex-end">
          <PageTitle title={localize(area.name, area.originalLanguage)}>
            <LocalizedText text={area.name} original={area.originalLanguage} />
          </PageTitle>
          <Group gap="sm">
            {area.visibility === "public" ? (
              <Button component="a" href={`/public/${lang}/areas/${segment(area.slug)}`} variant="default">
                {t("areas.publicPage")}
              </Button>
            ) : null}
            {manage ? (
              <Button component={Link} to={`${areaPath(area)}/edit`} variant="default">
                {t("common.edit")}
              </Button>
            ) : null}
          </Group>
        </Group>
      </Stack>

      <Details
        items={[
          { label: t("areaField.slug"), value: area.slug },
          { label: t("field.status"), value: <StatusBadge status={area.status} /> },
          {
            label: t("areaField.leadUnitCode"),
            value: (
              <Anchor component={Link} to={`/units/${segment(area.leadUnitCode)}`}>
                {area.leadUnitCode}
              </Anchor>
            ),
          },
          {
            label: t("areaField.participatingUnitCodes"),
            value:
              area.participatingUnitCodes.length === 0 ? (
                t("history.none")
              ) : (
                <Group gap="xs">
                  {area.participatingUnitCodes.map((code) => (
                    <Anchor key={code} component={Link} to={`/units/${segment(code)}`}>
                      {code}
                    </Anchor>
                  ))}
                </Group>
              ),
          },
          {
            label: t("areaField.description"),
            value: area.description ? (
              <LocalizedText text={area.description} original={area.originalLanguage} />
            ) : (
              t("history.none")
            ),
          },
          { label: t("field.originalLanguage"), value: format.languageName(area.originalLanguage) },
          { label: t("field.visibility"), value: t(`visibility.${area.visibility}`) },
          { label: t("areas.revision"), value: format.number(area.revision) },
          { label: t("areas.qualification"), value: <QualificationBadge area={area} /> },
        ]}
      />

      <section aria-labelledby="area-qualification">
        <Title order={2} id="area-qualification" size="h3" mb="xs">
          {t("areas.qualificationTitle")}
        </Title>
        <Text>{explain(area.qualification, area.justification)}</Text>
        {!area.qualification.qualifies ? (
          area.justification ? (
            <Blockquote mt="sm" p="sm" color="gray" className="justification">
              <Text size="sm" fw={600}>
                {t("areaField.justification")}
              </Text>
              <Text dir="auto">{area.justification}</Text>
            </Blockquote>
          ) : (
            <Text mt="xs" fs="italic">
              {t("areas.noJustification")}
            </Text>
          )
        ) : area.justification ? (
          <Text mt="xs" dir="auto">
            {t("areaField.justification")}: {area.justification}
          </Text>
        ) : null}
      </section>

      <section aria-labelledby="area-mandates">
        <Title order={2} id="area-mandates" size="h3" mb="xs">
          {t("areas.mandatesTitle")}
        </Title>
        <AreaMandates area={area} />
      </section>

      <section aria-labelledby="area-sdg">
        <Title order={2} id="area-sdg" size="h3" mb="xs">
          {t("areas.sdgTitle")}
        </Title>
        <SdgTargetList empty={t("areas.noTargets")} codes={area.sdgTargets} />
      </section>

      <section aria-labelledby="area-focal-points">
        <Title order={2} id="area-focal-points" size="h3" mb="xs">
          {t("areas.focalPointsTitle")}
        </Title>
        <FocalPoints area={area} manage={manage} />
      </section>

      <section aria-labelledby="area-revisions">
        <Title order={2} id="area-revisions" size="h3" mb="xs">
          {t("areas.revisionsTitle")}
        </Title>
        <Revisions slug={area.slug} />
      </section>
    </Stack>
  );
}

function AreaMandates({ area }: { area: Area }) {
  const { t } = useTranslation();
  const mandates = useMandates();
  if (area.mandateIds.length === 0) return <EmptyNotice>{t("areas.noMandates")}</EmptyNotice>;
  const byId = new Map((mandates.data ?? []).map((mandate) => [mandate.id, mandate]));
  return (
    <Table withTableBorder className="mandates-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("mandates.citation")}</Table.Th>
          <Table.Th scope="col">{t("mandates.titleField")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {area.mandateIds.map((id, index) => {
          const mandate = byId.get(id);
          return (
            <Table.Tr key={id}>
              <Table.Td>
                <Anchor component={Link} to={mandatePath({ id })}>
                  {mandate?.citation ?? area.mandateCitations[index] ?? ""}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {mandate ? <LocalizedText text={mandate.title} original={mandate.originalLanguage} /> : "…"}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function FocalPoints({ area, manage }: { area: Area; manage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  // The dialog stays mounted after closing, so focus returns to the button that opened it.
  const [ending, setEnding] = useState<{ id: string; open: boolean } | null>(null);
  const day = today();
  const endingFocal = area.focalPoints.find((focal) => focal.id === ending?.id) ?? null;
  return (
    <Stack gap="sm">
      {area.focalPoints.length === 0 ? (
        <EmptyNotice>{t("areas.noFocalPoints")}</EmptyNotice>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder className="focal-points-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("field.name")}</Table.Th>
                <Table.Th scope="col">{t("field.unit")}</Table.Th>
                <Table.Th scope="col">{t("field.validFrom")}</Table.Th>
                <Table.Th scope="col">{t("field.validTo")}</Table.Th>
                <Table.Th scope="col">{t("people.current")}</Table.Th>
                {manage ? <Table.Th scope="col">{t("people.actions")}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {area.focalPoints.map((focal) => (
                <Table.Tr key={focal.id}>
                  <Table.Td>
                    <Anchor component={Link} to={personPath({ id: focal.personId })}>
                      {focal.personName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{focal.unitCode}</Table.Td>
                  <Table.Td>{format.day(focal.validFrom)}</Table.Td>
                  <Table.Td>{focal.validTo ? format.day(focal.validTo) : t("units.openEnded")}</Table.Td>
                  <Table.Td>
                    {isCurrentFocalPoint(focal, day) ? (
                      t("common.yes")
                    ) : (
                      <Badge variant="outline" color="gray.8" size="sm">
                        {t("common.no")}
                      </Badge>
                    )}
                  </Table.Td>
                  {manage ? (
                    <Table.Td>
                      {focal.validTo === null || focal.validTo >= day ? (
                        <Button
                          size="compact-sm"
                          variant="outline"
                          color="red.9"
                          onClick={() => setEnding({ id: focal.id, open: true })}
                          aria-label={t("areas.endTermOf", { name: focal.personName, unit: focal.unitCode })}
                        >
                          {t("areas.endTerm")}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {manage ? <AddFocalPointForm area={area} /> : null}
      {manage && endingFocal ? (
        <EndTermDialog
          key={endingFocal.id}
          area={area}
          focal={endingFocal}
          opened={ending?.open ?? false}
          onClose={() => setEnding((previous) => previous && { ...previous, open: false })}
        />
      ) : null}
    </Stack>
  );
}

const FOCAL_FIELDS = /^(personId|unitCode|validFrom|validTo|reason)$/;

function AddFocalPointForm({ area }: { area: Area }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const onUpdated = useAreaUpdate(area);
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [personId, setPersonId] = useState("");
  const [unitCode, setUnitCode] = useState(area.leadUnitCode);
  const [validFrom, setValidFrom] = useState(() => today());
  const [validTo, setValidTo] = useState("");
  const [reason, setReason] = useState("");
  const people = usePeopleSearch(debounced);
  const found = debounced.length >= 2 ? (people.data?.entries ?? []) : [];
  const chosen = found.find((person) => person.id === personId);
  const add = useMutation({
    mutationFn: () => {
      const body: AddFocalPointInput = {
        personId,
        unitCode,
        validFrom,
        validTo: validTo || null,
        reason: reason.trim(),
      };
      return api.post<Area>(`/areas/${segment(area.slug)}/focal-points`, body);
    },
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(t("areas.focalPointAddedNotice", { name: chosen?.name ?? "", unit: unitCode }));
      setSearch("");
      setPersonId("");
      setValidTo("");
      setReason("");
    },
  });
  const errors = fieldErrorsOf(add.error);
  const units = [area.leadUnitCode, ...area.participatingUnitCodes.filter((c) => c !== area.leadUnitCode)];
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate();
      }}
      aria-labelledby="add-focal-title"
    >
      <Title order={3} id="add-focal-title" size="h4" mt="sm" mb="xs">
        {t("areas.addFocalPointTitle")}
      </Title>
      <Stack gap="xs" maw={760}>
        <FormErrorSummary error={add.error} shownFields={(field) => FOCAL_FIELDS.test(field)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="search"
            label={t("areas.findPerson")}
            description={t("areas.findPersonHint")}
            name="personSearch"
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setPersonId("");
            }}
            autoComplete="off"
          />
          <NativeSelect
            label={t("field.personId")}
            name="personId"
            value={personId}
            onChange={(event) => setPersonId(event.currentTarget.value)}
            error={errors.personId}
            required
            data={[
              {
                value: "",
                label:
                  debounced.length < 2
                    ? t("areas.typeToFind")
                    : t("areas.peopleFound", { shown: found.length }),
              },
              ...found.map((person) => ({
                value: person.id,
                label: person.email ? `${person.name} (${person.email})` : person.name,
              })),
            ]}
          />
          <NativeSelect
            label={t("field.unit")}
            name="focalUnitCode"
            value={unitCode}
            onChange={(event) => setUnitCode(event.currentTarget.value)}
            error={errors.unitCode}
            required
            data={units.map((code) => ({
              value: code,
              label: code === area.leadUnitCode ? t("areas.leadUnitOption", { code }) : code,
            }))}
          />
          <TextInput
            type="date"
            label={t("field.validFrom")}
            name="focalValidFrom"
            value={validFrom}
            onChange={(event) => setValidFrom(event.currentTarget.value)}
            error={errors.validFrom}
            required
          />
          <TextInput
            type="date"
            label={t("field.validTo")}
            description={t("areas.termEndHint")}
            name="focalValidTo"
            value={validTo}
            onChange={(event) => setValidTo(event.currentTarget.value)}
            error={errors.validTo}
          />
        </SimpleGrid>
        <Textarea
          label={t("areas.reason")}
          description={t("areas.reasonHint")}
          name="focalReason"
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
          required
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t("areas.addFocalPoint")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EndTermDialog({
  area,
  focal,
  opened,
  onClose,
}: {
  area: Area;
  focal: FocalPoint;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const announce = useAnnounce();
  const onUpdated = useAreaUpdate(area);
  const [validTo, setValidTo] = useState(() => {
    const day = today();
    return focal.validFrom > day ? focal.validFrom : day;
  });
  const [reason, setReason] = useState("");
  const end = useMutation({
    mutationFn: () =>
      api.post<Area>(`/areas/${segment(area.slug)}/focal-points/${segment(focal.id)}/end`, {
        version: focal.version,
        validTo,
        reason: reason.trim(),
      }),
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(t("areas.termEndedNotice", { name: focal.personName }));
      onClose();
    },
  });
  const errors = fieldErrorsOf(end.error);
  return (
    <ConfirmDialog
      opened={opened}
      title={t("areas.endTermTitle")}
      message={t("areas.endTermMessage", {
        name: focal.personName,
        unit: focal.unitCode,
        area: localize(area.name, area.originalLanguage),
      })}
      confirmLabel={t("areas.endTerm")}
      pending={end.isPending}
      error={Object.keys(errors).length > 0 ? null : end.error}
      onConfirm={() => end.mutate()}
      onClose={onClose}
    >
      <TextInput
        type="date"
        label={t("areas.termLastDay")}
        name="endValidTo"
        value={validTo}
        onChange={(event) => setValidTo(event.currentTarget.value)}
        error={errors.validTo}
        required
        data-autofocus
      />
      <Textarea
        label={t("areas.reason")}
        name="endReason"
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={errors.reason}
        required
        autosize
        minRows={2}
      />
    </ConfirmDialog>
  );
}

function Revisions({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const revisions = useAreaRevisions(slug);
  if (revisions.isPending) return <Loading label={t("history.loading")} />;
  if (revisions.isError) return <ErrorNotice error={revisions.error} onRetry={() => revisions.refetch()} />;
  const entries = [...revisions.data].sort((a, b) => a.revision - b.revision);
  if (entries.length === 0) return <EmptyNotice>{t("history.empty")}</EmptyNotice>;
  return (
    <ol className="history area-revisions">
      {entries
        .map((entry, index) => ({ entry, previous: index > 0 ? entries[index - 1] : undefined }))
        .reverse()
        .map(({ entry, previous }) => {
          const fields = previous ? changedAreaFields(previous.area, entry.area) : [];
          return (
            <li key={entry.revision} className="history-entry">
              <Group gap="xs" wrap="wrap">
                <Badge variant="light" color="blue">
                  {t("areas.revisionNumber", { number: format.number(entry.revision) })}
                </Badge>
                <Text span size="sm">
                  {t("history.byOn", {
                    actor: entry.changedBy ?? t("history.system"),
                    when: format.moment(entry.changedAt),
                  })}
                </Text>
              </Group>
              <Text size="sm" mt={4}>
                <Text span fw={600}>
                  {t("areas.reason")}:
                </Text>{" "}
                <span dir="auto">{entry.reason}</span>
              </Text>
              {previous ? (
                fields.length > 0 ? (
                  <AreaChanges fields={fields} before={previous.area} after={entry.area} />
                ) : (
                  <Text size="sm" fs="italic">
                    {t("areas.noFieldChanged")}
                  </Text>
                )
              ) : (
                <Text size="sm" fs="italic">
                  {t("areas.firstRevision")}
                </Text>
              )}
            </li>
          );
        })}
    </ol>
  );
}
