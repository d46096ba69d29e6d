import { Anchor, Badge, Button, Group, List, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ROLES, type Role } from "#shared/access.ts";
import type { Person, RoleAssignment } from "#shared/organization.ts";
import { api, segment } from "../../api/client.ts";
import { isAdministrator, useViewer } from "../../api/session.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Details } from "../../components/details.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { RecordHistory } from "../../components/history.tsx";
import { useLocalize } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { today, useFormat } from "../../i18n/format.ts";
import { useUnits } from "../units/units.queries.ts";
import { usePerson } from "./people.queries.ts";

export function PersonPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const person = usePerson(id);
  if (person.isPending) return <Loading />;
  if (person.isError)
    return (
      <>
        <PageTitle title={t("people.detailTitle")} />
        <ErrorNotice error={person.error} onRetry={() => person.refetch()} />
      </>
    );
  return <PersonDetails person={person.data} />;
}

function usePersonUpdate(person: Person) {
  const queryClient = useQueryClient();
  return (updated: Person) => {
    queryClient.setQueryData(["person", person.id], updated);
    void queryClient.invalidateQueries({ queryKey: ["people"] });
    void queryClient.invalidateQueries({ queryKey: ["person-history", person.id] });
  };
}

function PersonDetails({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const viewer = useViewer();
  const admin = isAdministrator(viewer.data);
  const [confirmingActive, setConfirmingActive] = useState(false);
  const day = today();

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/people" size="sm">
          {t("people.backToDirectory")}
        </Anchor>
        <Group justify="space-between" align="flex-end">
          <PageTitle title={person.name} />
          {admin ? (
            <Button
              color={person.active ? "red.9" : undefined}
              variant="outline"
              onClick={() => setConfirmingActive(true)}
            >
              {person.active ? t("people.deactivate") : t("people.activate")}
            </Button>
          ) : null}
        </Group>
        {person.active ? null : (
          <Badge color="red.9" variant="outline">
            {t("people.inactive")}
          </Badge>
        )}
      </Stack>
      <Details
        items={[
          { label: t("field.email"), value: person.email ?? t("history.none") },
          { label: t("field.preferredLanguage"), value: format.languageName(person.preferredLanguage) },
          { label: t("field.visibility"), value: t(`visibility.${person.visibility}`) },
          { label: t("field.status"), value: person.active ? t("people.active") : t("people.inactive") },
        ]}
      />

      <section aria-labelledby="person-posts">
        <Title order={2} id="person-posts" size="h3" mb="xs">
          {t("people.posts")}
        </Title>
        {person.posts.length === 0 ? (
          <EmptyNotice>{t("people.noPosts")}</EmptyNotice>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("field.title")}</Table.Th>
                  <Table.Th scope="col">{t("field.unit")}</Table.Th>
                  <Table.Th scope="col">{t("field.validFrom")}</Table.Th>
                  <Table.Th scope="col">{t("field.validTo")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {person.posts.map((post) => (
                  <Table.Tr key={post.id}>
                    <Table.Td>
                      {localize(post.title, "en")}
                      {post.validTo !== null && post.validTo < day ? (
                        <Badge variant="outline" color="gray.8" size="xs" ms="xs">
                          {t("people.postEnded")}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/units/${segment(post.unitCode)}`}>
                        {post.unitCode}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{format.day(post.validFrom)}</Table.Td>
                    <Table.Td>{post.validTo ? format.day(post.validTo) : t("units.openEnded")}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>

      <section aria-labelledby="person-roles">
        <Title order={2} id="person-roles" size="h3" mb="xs">
          {t("people.roles")}
        </Title>
        <Roles person={person} admin={admin} />
      </section>

      <section aria-labelledby="person-history">
        <Title order={2} id="person-history" size="h3" mb="xs">
          {t("history.title")}
        </Title>
        <RecordHistory
          path={`/people/${segment(person.id)}/history`}
          queryKey={["person-history", person.id]}
        />
      </section>

      {admin ? (
        <ActiveDialog person={person} opened={confirmingActive} onClose={() => setConfirmingActive(false)} />
      ) : null}
    </Stack>
  );
}

function Roles({ person, admin }: { person: Person; admin: boolean }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const onUpdated = usePersonUpdate(person);
  const [revoking, setRevoking] = useState<RoleAssignment | null>(null);
  const revoke = useMutation({
    mutationFn: (role: RoleAssignment) =>
      api.delete<Person>(`/people/${segment(person.id)}/roles/${segment(role.id)}`),
    onSuccess: (updated, role) => {
      onUpdated(updated);
      setRevoking(null);
      announce(t("people.roleRevokedNotice", { role: t(`role.${role.role}`) }));
    },
  });
  const scopeOf = (role: Pick<RoleAssignment, "unitCode">) =>
    role.unitCode ? t("people.roleOver", { unit: role.unitCode }) : t("people.wholeOrganization");

  return (
    <Stack gap="sm">
      {person.roles.length === 0 ? (
        <EmptyNotice>{t("people.noRoles")}</EmptyNotice>
      ) : (
        <List spacing="xs" listStyleType="none" className="role-list">
          {person.roles.map((role) => (
            <List.Item key={role.id}>
              <Group gap="sm">
                <Text span fw={600}>
                  {t(`role.${role.role}`)}
                </Text>
                <Text span>{scopeOf(role)}</Text>
                {admin ? (
                  <Button
                    size="compact-sm"
                    variant="outline"
                    color="red.9"
                    onClick={() => setRevoking(role)}
                    aria-label={t("people.revokeRole", {
                      role: t(`role.${role.role}`),
                      scope: scopeOf(role),
                    })}
                  >
                    {t("people.revoke")}
                  </Button>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {admin ? <GrantRoleForm person={person} /> : null}
      <ConfirmDialog
        opened={revoking !== null}
        title={t("people.revokeTitle")}
        message={
          revoking
            ? t("people.revokeMessage", {
                role: t(`role.${revoking.role}`),
                scope: scopeOf(revoking),
                name: person.name,
              })
            : ""
        }
        confirmLabel={t("people.revoke")}
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
      />
    </Stack>
  );
}

function GrantRoleForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const announce = useAnnounce();
  const units = useUnits();
  const onUpdated = usePersonUpdate(person);
  const [role, setRole] = useState<Role>("staff");
  const [unitCode, setUnitCode] = useState("");
  const grant = useMutation({
    mutationFn: () =>
      api.post<Person>(`/people/${segment(person.id)}/roles`, { role, unitCode: unitCode || null }),
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(t("people.roleGrantedNotice", { role: t(`role.${role}`) }));
    },
  });
  const errors = fieldErrorsOf(grant.error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        grant.mutate();
      }}
      aria-labelledby="grant-role-title"
    >
      <Title order={3} id="grant-role-title" size="h4" mt="sm" mb="xs">
        {t("people.grantTitle")}
      </Title>
      <Stack gap="xs">
        <FormErrorSummary
          error={grant.error}
          shownFields={(field) => field === "role" || field === "unitCode"}
        />
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t("field.role")}
            name="role"
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
            data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            error={errors.role}
          />
          <NativeSelect
            label={t("people.roleScope")}
            name="unitCode"
            value={unitCode}
            onChange={(event) => setUnitCode(event.currentTarget.value)}
            data={[
              { value: "", label: t("people.wholeOrganization") },
              ...(units.data ?? []).map((unit) => ({
                value: unit.code,
                label: `${unit.code} — ${localize(unit.name, unit.originalLanguage)}`,
              })),
            ]}
            error={errors.unitCode}
            w={300}
          />
          <Button type="submit" loading={grant.isPending}>
            {t("people.grant")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ActiveDialog({ person, opened, onClose }: { person: Person; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const onUpdated = usePersonUpdate(person);
  const action = person.active ? "deactivate" : "activate";
  const change = useMutation({
    mutationFn: () =>
      api.post<Person>(`/people/${segment(person.id)}/${action}`, { version: person.version }),
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(
        updated.active
          ? t("people.activatedNotice", { name: person.name })
          : t("people.deactivatedNotice", { name: person.name }),
      );
      onClose();
    },
  });
  return (
    <ConfirmDialog
      opened={opened}
      title={person.active ? t("people.deactivateTitle") : t("people.activateTitle")}
      message={
        person.active
          ? t("people.deactivateMessage", { name: person.name })
          : t("people.activateMessage", { name: person.name })
      }
      confirmLabel={person.active ? t("people.deactivate") : t("people.activate")}
      danger={person.active}
      pending={change.isPending}
      error={change.error}
      onConfirm={() => change.mutate()}
      onClose={() => {
        change.reset();
        onClose();
      }}
    />
  );
}
