import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AddMemberInput, Body, BodyCategory, BodyMember } from "#shared/bodies.ts";
import { api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { useLocalize } from "../../components/localized-text.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import { EmptyNotice } from "../../components/states.tsx";
import { today, useFormat } from "../../i18n/format.ts";
import { personPath } from "../people/people.queries.ts";
import { isSeated, useBodyUpdated } from "./bodies.queries.ts";

/** Seated members first, then by name. */
const bySeatThenName = (day: string) => (a: BodyMember, b: BodyMember) =>
  Number(isSeated(b, day)) - Number(isSeated(a, day)) || a.personName.localeCompare(b.personName);

/** The members of a body, category by category, each category with the way it takes part. */
export function BodyMembers({ body, manage }: { body: Body; manage: boolean }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  // The dialog stays mounted after closing, so focus returns to the button that opened it.
  const [ending, setEnding] = useState<{ id: string; open: boolean } | null>(null);
  const endingMember = body.members.find((member) => member.id === ending?.id) ?? null;
  const day = today();
  const known = new Set(body.categories.map((category) => category.code));
  const uncategorized = body.members.filter((member) => !known.has(member.category));
  return (
    <Stack gap="md">
      {body.categories.length === 0 ? <EmptyNotice>{t("bodies.noCategories")}</EmptyNotice> : null}
      {body.categories.map((category) => (
        <CategoryMembers
          key={category.code}
          body={body}
          category={category}
          members={body.members
            .filter((member) => member.category === category.code)
            .sort(bySeatThenName(day))}
          manage={manage}
          onEnd={(id) => setEnding({ id, open: true })}
        />
      ))}
      {uncategorized.length > 0 ? (
        <CategoryMembers
          body={body}
          category={null}
          members={uncategorized.sort(bySeatThenName(day))}
          manage={manage}
          onEnd={(id) => setEnding({ id, open: true })}
        />
      ) : null}
      {manage && body.categories.length > 0 ? <SeatForm body={body} /> : null}
      {manage && endingMember ? (
        <EndSeatDialog
          key={endingMember.id}
          body={body}
          member={endingMember}
          categoryName={(() => {
            const category = body.categories.find((c) => c.code === endingMember.category);
            return category ? localize(category.name, body.originalLanguage) : endingMember.category;
          })()}
          opened={ending?.open ?? false}
          onClose={() => setEnding((previous) => previous && { ...previous, open: false })}
        />
      ) : null}
    </Stack>
  );
}

function CategoryMembers({
  body,
  category,
  members,
  manage,
  onEnd,
}: {
  body: Body;
  category: BodyCategory | null;
  members: BodyMember[];
  manage: boolean;
  onEnd: (memberId: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const day = today();
  const headingId = `category-${category?.code ?? "other"}`;
  return (
    <section aria-labelledby={headingId} className="body-category">
      <Group gap="xs" align="baseline" mb={4}>
        <Title order={3} size="h4" id={headingId}>
          {category
            ? t("bodies.categoryHeading", {
                code: category.code,
                name: localize(category.name, body.originalLanguage),
              })
            : t("bodies.otherCategory")}
        </Title>
        {category ? (
          <Badge variant="outline" color="blue.9" size="sm" className="category-attendance">
            {t(`categoryAttendance.${category.attendance}`)}
          </Badge>
        ) : null}
      </Group>
      {members.length === 0 ? (
        <EmptyNotice>{t("bodies.noMembers")}</EmptyNotice>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder className="members-table" aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("field.name")}</Table.Th>
                <Table.Th scope="col">{t("field.validFrom")}</Table.Th>
                <Table.Th scope="col">{t("field.validTo")}</Table.Th>
                {manage ? <Table.Th scope="col">{t("people.actions")}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((member) => {
                const seated = isSeated(member, day);
                return (
                  <Table.Tr key={member.id} data-ended={seated ? undefined : ""}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={personPath({ id: member.personId })}>
                        {member.personName}
                      </Anchor>
                      {seated ? null : (
                        <Badge variant="outline" color="gray.8" size="sm" ms="xs">
                          {t("bodies.seatEnded")}
                        </Badge>
                      )}
                    </Table.Th>
                    <Table.Td>{format.day(member.validFrom)}</Table.Td>
                    <Table.Td>{member.validTo ? format.day(member.validTo) : t("units.openEnded")}</Table.Td>
                    {manage ? (
                      <Table.Td>
                        {member.validTo === null || member.validTo >= day ? (
                          <Button
                            size="compact-sm"
                            variant="outline"
                            color="red.9"
                            onClick={() => onEnd(member.id)}
                            aria-label={t("bodies.endSeatOf", { name: member.personName })}
                          >
                            {t("bodies.endSeat")}
                          </Button>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

const SEAT_FIELDS = /^(personId|category|validFrom|validTo)$/;

function SeatForm({ body }: { body: Body }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const announce = useAnnounce();
  const onUpdated = useBodyUpdated();
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [category, setCategory] = useState(body.categories[0]?.code ?? "");
  const [validFrom, setValidFrom] = useState(() => today());
  const [validTo, setValidTo] = useState("");
  const [generation, setGeneration] = useState(0);
  const seat = useMutation({
    mutationFn: () =>
      api.post<Body>(`/bodies/${segment(body.id)}/members`, {
        personId: person?.id ?? "",
        category,
        validFrom,
        validTo: validTo || null,
      } satisfies AddMemberInput),
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(t("bodies.seatedNotice", { name: person?.name ?? "", category }));
      setPerson(null);
      setValidTo("");
      setGeneration((n) => n + 1);
    },
  });
  const errors = fieldErrorsOf(seat.error);
  return (
    <form
      noValidate
      aria-labelledby="seat-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        seat.mutate();
      }}
    >
      <Title order={3} size="h4" id="seat-form-title" mt="sm" mb="xs">
        {t("bodies.seatTitle")}
      </Title>
      <Stack gap="xs" maw={760}>
        <FormErrorSummary error={seat.error} shownFields={(field) => SEAT_FIELDS.test(field)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <PersonSelect
            key={generation}
            name="personId"
            label={t("field.personId")}
            value={person?.id ?? ""}
            onChange={(chosen) => setPerson(chosen && { id: chosen.id, name: chosen.name })}
            error={errors.personId}
          />
          <NativeSelect
            label={t("bodies.category")}
            name="category"
            value={category}
            onChange={(event) => setCategory(event.currentTarget.value)}
            error={errors.category}
            required
            data={body.categories.map((c) => ({
              value: c.code,
              label: t("bodies.categoryHeading", {
                code: c.code,
                name: localize(c.name, body.originalLanguage),
              }),
            }))}
          />
          <TextInput
            type="date"
            label={t("field.validFrom")}
            name="validFrom"
            value={validFrom}
            onChange={(event) => setValidFrom(event.currentTarget.value)}
            error={errors.validFrom}
            required
          />
          <TextInput
            type="date"
            label={t("field.validTo")}
            description={t("bodies.seatEndHint")}
            name="validTo"
            value={validTo}
            onChange={(event) => setValidTo(event.currentTarget.value)}
            error={errors.validTo}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={seat.isPending}>
            {t("bodies.seat")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EndSeatDialog({
  body,
  member,
  categoryName,
  opened,
  onClose,
}: {
  body: Body;
  member: BodyMember;
  categoryName: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const onUpdated = useBodyUpdated();
  const [validTo, setValidTo] = useState(() => {
    const day = today();
    return member.validFrom > day ? member.validFrom : day;
  });
  const end = useMutation({
    mutationFn: () =>
      api.post<Body>(`/bodies/${segment(body.id)}/members/${segment(member.id)}/end`, {
        validTo,
        version: member.version,
      }),
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(t("bodies.seatEndedNotice", { name: member.personName }));
      onClose();
    },
  });
  const errors = fieldErrorsOf(end.error);
  return (
    <ConfirmDialog
      opened={opened}
      title={t("bodies.endSeatTitle")}
      message={t("bodies.endSeatMessage", { name: member.personName, category: categoryName })}
      confirmLabel={t("bodies.endSeat")}
      pending={end.isPending}
      error={errors.validTo ? null : end.error}
      onConfirm={() => end.mutate()}
      onClose={onClose}
    >
      <TextInput
        type="date"
        label={t("bodies.seatLastDay")}
        name="endValidTo"
        value={validTo}
        onChange={(event) => setValidTo(event.currentTarget.value)}
        error={errors.validTo}
        required
        data-autofocus
      />
    </ConfirmDialog>
  );
}
