import { Anchor, Button, Group, List, Radio, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  ATTENDANCE,
  type Attendance,
  type Meeting,
  type Participant,
  type WithdrawInvitationsInput,
} from "#shared/bodies.ts";
import type { Person } from "#shared/organization.ts";
import { ApiError, api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { FormErrorSummary, isStaleVersion, StaleVersionNotice } from "../../components/form-errors.tsx";
import { useLocalize } from "../../components/localized-text.tsx";
import { EmptyNotice } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useBody } from "../bodies/bodies.queries.ts";
import { personPath, usePeopleSearch } from "../people/people.queries.ts";
import { useMeetingUpdated } from "./meetings.queries.ts";

/** Participants by category (guests last), then by name. */
const byCategoryThenName = (a: Participant, b: Participant) =>
  (a.category ?? "\uffff").localeCompare(b.category ?? "\uffff") || a.personName.localeCompare(b.personName);

/** "a — Representatives of …" for a participant's category, "Guest" for an invitee without one. */
function useCategoryLabel(meeting: Meeting) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const body = useBody(meeting.bodyCode);
  return (code: string | null) => {
    if (code === null) return t("meetings.guest");
    const category = body.data?.categories.find((c) => c.code === code);
    return category
      ? t("bodies.categoryHeading", { code, name: localize(category.name, body.data!.originalLanguage) })
      : code;
  };
}

/** Who was invited and how they took part, for readers. */
export function ParticipantsTable({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const categoryLabel = useCategoryLabel(meeting);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder className="participants-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("field.name")}</Table.Th>
            <Table.Th scope="col">{t("bodies.category")}</Table.Th>
            <Table.Th scope="col">{t("meetings.attendance")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...meeting.participants].sort(byCategoryThenName).map((participant) => (
            <Table.Tr key={participant.personId}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={personPath({ id: participant.personId })}>
                  {participant.personName}
                </Anchor>
              </Table.Th>
              <Table.Td>{categoryLabel(participant.category)}</Table.Td>
              <Table.Td>
                {participant.attendance
                  ? t(`attendance.${participant.attendance}`)
                  : t("meetings.notRecorded")}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The people an attendance entry names, by the entry's index in what was sent. */
function problemsByPerson(error: unknown, sent: { personId: string }[]): Record<string, string> {
  const byPerson: Record<string, string> = {};
  if (!(error instanceof ApiError)) return byPerson;
  for (const problem of error.details) {
    const match = /^entries\.(\d+)\./.exec(problem.field);
    const personId = match ? sent[Number(match[1])]?.personId : undefined;
    if (personId) byPerson[personId] ??= problem.message;
  }
  return byPerson;
}

/**
 * How each participant took part: one radio group a person (in person, remote, apologies, absent),
 * saved together; "Clear" takes a choice back to not recorded (entered for the wrong person, or
 * before the meeting was held). A person the server says was not invited is named beside their
 * group; a meeting changed by someone else meanwhile (409) offers to reload it. An invitation sent
 * by mistake is withdrawn from here too, after confirmation.
 */
export function AttendanceForm({
  meeting,
  onReload,
}: {
  meeting: Meeting;
  onReload: () => Promise<unknown>;
}) {
  const [generation, setGeneration] = useState(0);
  return (
    <AttendanceFields
      key={generation}
      meeting={meeting}
      onReload={async () => {
        await onReload();
        setGeneration((n) => n + 1);
      }}
    />
  );
}

/** What is sent for a participant: a choice, null to clear a recorded one, nothing if unchanged. */
type AttendanceEntry = { personId: string; attendance: Attendance | null };

function AttendanceFields({ meeting, onReload }: { meeting: Meeting; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const onUpdated = useMeetingUpdated();
  const categoryLabel = useCategoryLabel(meeting);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [values, setValues] = useState<Record<string, Attendance | "">>(() =>
    Object.fromEntries(meeting.participants.map((p) => [p.personId, p.attendance ?? ""])),
  );
  const [nothingChosen, setNothingChosen] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Participant | null>(null);
  const record = useMutation({
    mutationFn: (entries: AttendanceEntry[]) =>
      api.put<Meeting>(`/meetings/${segment(meeting.id)}/attendance`, { entries, version: meeting.version }),
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(t("meetings.attendanceSavedNotice"));
    },
  });
  const problems = problemsByPerson(record.error, record.variables ?? []);
  const participants = [...meeting.participants].sort(byCategoryThenName);
  return (
    <form
      noValidate
      aria-labelledby="attendance-title"
      className="attendance-form"
      onSubmit={(event) => {
        event.preventDefault();
        const entries = participants.flatMap((p): AttendanceEntry[] => {
          const chosen = values[p.personId] ?? "";
          if (chosen !== "") return [{ personId: p.personId, attendance: chosen }];
          // Cleared: only what was recorded needs clearing.
          return p.attendance ? [{ personId: p.personId, attendance: null }] : [];
        });
        setNothingChosen(entries.length === 0);
        if (entries.length > 0) record.mutate(entries);
      }}
    >
      <Title order={3} size="h4" id="attendance-title" mb="xs" ref={titleRef} tabIndex={-1}>
        {t("meetings.attendanceTitle")}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t("meetings.attendanceHint")}</Text>
        <FormErrorSummary
          error={record.error}
          shownFields={(field) => /^entries\.\d+\./.test(field)}
          onReload={() => void onReload()}
        />
        {nothingChosen ? (
          <Text size="sm" c="red.9" role="alert">
            {t("meetings.attendanceNothingChosen")}
          </Text>
        ) : null}
        {participants.map((participant) => {
          const value = values[participant.personId] ?? "";
          return (
            <div key={participant.personId} className="attendance-group">
              <Radio.Group
                name={`attendance-${participant.personId}`}
                label={participant.personName}
                description={
                  value === ""
                    ? `${categoryLabel(participant.category)} — ${t("meetings.notRecorded")}`
                    : categoryLabel(participant.category)
                }
                value={value}
                onChange={(chosen) =>
                  setValues((previous) => ({ ...previous, [participant.personId]: chosen as Attendance }))
                }
                error={problems[participant.personId]}
              >
                <Group gap="md" mt={4}>
                  {ATTENDANCE.map((mode) => (
                    <Radio key={mode} value={mode} label={t(`attendance.${mode}`)} />
                  ))}
                </Group>
              </Radio.Group>
              <Group gap="xs" mt={6}>
                <Button
                  size="compact-sm"
                  variant="default"
                  disabled={value === ""}
                  aria-label={t("meetings.clearAttendanceOf", { name: participant.personName })}
                  onClick={() => setValues((previous) => ({ ...previous, [participant.personId]: "" }))}
                >
                  {t("meetings.clearAttendance")}
                </Button>
                <Button
                  size="compact-sm"
                  variant="outline"
                  color="red.9"
                  aria-label={t("meetings.withdrawInvitationOf", { name: participant.personName })}
                  onClick={() => setWithdrawing(participant)}
                >
                  {t("meetings.withdrawInvitation")}
                </Button>
              </Group>
            </div>
          );
        })}
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t("meetings.saveAttendance")}
          </Button>
        </Group>
      </Stack>
      <WithdrawInvitationDialog
        meeting={meeting}
        participant={withdrawing}
        onClose={() => setWithdrawing(null)}
        onWithdrawn={() => {
          setWithdrawing(null);
          // The button that opened the dialog went with the participant: focus goes to the list.
          window.setTimeout(() => titleRef.current?.focus(), 0);
        }}
        onReload={onReload}
      />
    </form>
  );
}

/**
 * Asks before withdrawing an invitation sent by mistake. The server refuses for someone whose
 * attendance is recorded (clear it first) and names the person in its refusal.
 */
function WithdrawInvitationDialog({
  meeting,
  participant,
  onClose,
  onWithdrawn,
  onReload,
}: {
  meeting: Meeting;
  participant: Participant | null;
  onClose: () => void;
  onWithdrawn: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const onUpdated = useMeetingUpdated();
  const withdraw = useMutation({
    mutationFn: (person: Participant) =>
      api.post<Meeting>(`/meetings/${segment(meeting.id)}/invitations/withdraw`, {
        personIds: [person.personId],
        version: meeting.version,
      } satisfies WithdrawInvitationsInput),
    onSuccess: (updated, person) => {
      onUpdated(updated);
      announce(t("meetings.invitationWithdrawnNotice", { name: person.personName }));
      withdraw.reset();
      onWithdrawn();
    },
  });
  const stale = isStaleVersion(withdraw.error);
  const faults = withdraw.error instanceof ApiError ? withdraw.error.details : [];
  return (
    <ConfirmDialog
      opened={participant !== null}
      title={t("meetings.withdrawTitle")}
      message={
        participant
          ? t("meetings.withdrawMessage", { name: participant.personName })
          : t("meetings.withdrawTitle")
      }
      confirmLabel={t("meetings.withdrawConfirm")}
      pending={withdraw.isPending}
      error={stale ? null : withdraw.error}
      onConfirm={() => {
        if (participant) withdraw.mutate(participant);
      }}
      onClose={() => {
        withdraw.reset();
        onClose();
      }}
    >
      {participant?.attendance ? <Text size="sm">{t("meetings.withdrawAttendanceRecorded")}</Text> : null}
      {stale ? (
        <StaleVersionNotice
          error={withdraw.error}
          onReload={async () => {
            withdraw.reset();
            await onReload();
          }}
        />
      ) : null}
      {!stale && faults.length > 0 ? (
        <div role="alert">
          <List size="sm">
            {faults.map((fault) => (
              <List.Item key={`${fault.field}-${fault.reason}`}>{fault.message}</List.Item>
            ))}
          </List>
        </div>
      ) : null}
    </ConfirmDialog>
  );
}

/**
 * Invites people to the meeting: chosen by name (each added to a list that can be changed), then
 * invited together. Members of the body keep their category; others come as guests.
 */
export function InviteForm({ meeting, onReload }: { meeting: Meeting; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const onUpdated = useMeetingUpdated();
  const searchRef = useRef<HTMLInputElement>(null);
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [chosen, setChosen] = useState<Person[]>([]);
  const [message, setMessage] = useState("");
  const people = usePeopleSearch(debounced);
  const searching = debounced.length >= 2;
  const found = searching ? (people.data?.entries ?? []) : [];
  const already = new Set(meeting.participants.map((p) => p.personId));
  const invite = useMutation({
    mutationFn: () =>
      api.post<Meeting>(`/meetings/${segment(meeting.id)}/invitations`, {
        personIds: chosen.map((person) => person.id),
        version: meeting.version,
      }),
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(t("meetings.invitedNotice", { names: format.list(chosen.map((person) => person.name)) }));
      setChosen([]);
      setSearch("");
      setMessage("");
    },
  });
  const add = (person: Person) => {
    setChosen((previous) => [...previous, person]);
    setMessage(t("meetings.inviteeAdded", { name: person.name }));
    searchRef.current?.focus();
  };
  const remove = (person: Person) => {
    setChosen((previous) => previous.filter((p) => p.id !== person.id));
    setMessage(t("meetings.inviteeRemoved", { name: person.name }));
    searchRef.current?.focus();
  };
  return (
    <form
      noValidate
      aria-labelledby="invite-title"
      className="invite-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen.length > 0) invite.mutate();
      }}
    >
      <Title order={3} size="h4" id="invite-title" mt="md" mb="xs">
        {t("meetings.inviteTitle")}
      </Title>
      <Stack gap="xs" maw={640}>
        <Text size="sm">{t("meetings.inviteHint")}</Text>
        <FormErrorSummary error={invite.error} shownFields={() => false} onReload={() => void onReload()} />
        {chosen.length === 0 ? (
          <EmptyNotice>{t("meetings.noInvitees")}</EmptyNotice>
        ) : (
          <ul className="contact-choices" aria-label={t("meetings.invitees")}>
            {chosen.map((person) => (
              <li key={person.id}>
                <Group gap="sm" wrap="nowrap" justify="space-between">
                  <Text span fw={500}>
                    {person.name}
                  </Text>
                  <Button
                    size="compact-sm"
                    variant="outline"
                    color="red.9"
                    onClick={() => remove(person)}
                    aria-label={t("meetings.removeInviteeOf", { name: person.name })}
                  >
                    {t("meetings.removeInvitee")}
                  </Button>
                </Group>
              </li>
            ))}
          </ul>
        )}
        <TextInput
          ref={searchRef}
          type="search"
          label={t("areas.findPerson")}
          description={t("areas.findPersonHint")}
          name="inviteSearch"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") event.preventDefault();
          }}
          autoComplete="off"
        />
        <Text size="sm" role="status" aria-live="polite">
          {message}
          {message && searching ? " " : null}
          {searching && !people.isPending
            ? found.length === 0
              ? t("activities.contactsNoneFound")
              : t("activities.contactsFound", { shown: found.length })
            : null}
        </Text>
        {found.length > 0 ? (
          <ul className="contact-results" aria-label={t("meetings.inviteResults")}>
            {found.map((person) => (
              <li key={person.id}>
                <Group gap="sm" wrap="nowrap" justify="space-between">
                  <Text span fw={500}>
                    {person.name}
                  </Text>
                  {already.has(person.id) ? (
                    <Text span size="sm" c="dimmed">
                      {t("meetings.alreadyInvited")}
                    </Text>
                  ) : chosen.some((p) => p.id === person.id) ? (
                    <Text span size="sm" c="dimmed">
                      {t("meetings.alreadyChosen")}
                    </Text>
                  ) : (
                    <Button
                      size="compact-sm"
                      variant="outline"
                      onClick={() => add(person)}
                      aria-label={t("meetings.addInviteeOf", { name: person.name })}
                    >
                      {t("meetings.addInvitee")}
                    </Button>
                  )}
                </Group>
              </li>
            ))}
          </ul>
        ) : null}
        <Group>
          <Button type="submit" loading={invite.isPending} disabled={chosen.length === 0}>
            {t("meetings.invite")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
