import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ROLES, type Role } from "#shared/access.ts";
import { PASSWORD_MIN_LENGTH } from "#shared/auth.ts";
import { LANGUAGES, type Language, type MultilingualText } from "#shared/languages.ts";
import type { Person, Post, PostInput, RoleAssignment } from "#shared/organization.ts";
import { api, segment } from "../../api/client.ts";
import { isAdministrator, useViewer } from "../../api/session.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Details } from "../../components/details.tsx";
import { FormErrorSummary, fieldErrorsOf, isStaleVersion } from "../../components/form-errors.tsx";
import { RecordHistory } from "../../components/history.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { PageLoadError, PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, Loading } from "../../components/states.tsx";
import { today, useFormat } from "../../i18n/format.ts";
import { directionOf, isLanguage } from "../../i18n/i18n.ts";
import { useUnits } from "../units/units.queries.ts";
import { personPath, usePerson } from "./people.queries.ts";

export function PersonPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const person = usePerson(id);
  if (person.isPending) return <Loading />;
  if (person.isError)
    return (
      <PageLoadError title={t("people.detailTitle")} error={person.error} onRetry={() => person.refetch()} />
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
  const viewer = useViewer();
  const admin = isAdministrator(viewer.data);
  const [confirmingActive, setConfirmingActive] = useState(false);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/people" size="sm">
          {t("people.backToDirectory")}
        </Anchor>
        <Group justify="space-between" align="flex-end">
          <PageTitle title={person.name} />
          {admin ? (
            <Group gap="sm">
              <Button component={Link} to={`${personPath(person)}/edit`} variant="default">
                {t("common.edit")}
              </Button>
              <Button
                color={person.active ? "red.9" : undefined}
                variant="outline"
                onClick={() => setConfirmingActive(true)}
              >
                {person.active ? t("people.deactivate") : t("people.activate")}
              </Button>
            </Group>
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
        <Posts person={person} admin={admin} />
      </section>

      <section aria-labelledby="person-roles">
        <Title order={2} id="person-roles" size="h3" mb="xs">
          {t("people.roles")}
        </Title>
        <Roles person={person} admin={admin} />
      </section>

      {admin ? (
        <section aria-labelledby="person-password">
          <Title order={2} id="person-password" size="h3" mb="xs">
            {t("people.passwordTitle")}
          </Title>
          <PasswordForm person={person} />
        </section>
      ) : null}

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

/** The language a post's title was written in: posts record no original, so the first one given. */
const titleLanguage = (title: MultilingualText): Language =>
  LANGUAGES.find((lang) => title[lang] !== undefined) ?? "en";

const isCurrent = (post: Post, day: string) =>
  post.validFrom <= day && (post.validTo === null || day <= post.validTo);

function Posts({ person, admin }: { person: Person; admin: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const units = useUnits();
  // The dialog stays mounted after closing, so focus returns to the button that opened it.
  const [ending, setEnding] = useState<{ id: string; open: boolean } | null>(null);
  const day = today();
  const unitName = (code: string) => {
    const unit = units.data?.find((candidate) => candidate.code === code);
    return unit ? `${code} — ${localize(unit.name, unit.originalLanguage)}` : code;
  };
  const endingPost = person.posts.find((post) => post.id === ending?.id) ?? null;

  return (
    <Stack gap="sm">
      {person.posts.length === 0 ? (
        <EmptyNotice>{t("people.noPosts")}</EmptyNotice>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder className="posts-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("field.unit")}</Table.Th>
                <Table.Th scope="col">{t("field.title")}</Table.Th>
                <Table.Th scope="col">{t("field.validFrom")}</Table.Th>
                <Table.Th scope="col">{t("field.validTo")}</Table.Th>
                <Table.Th scope="col">{t("people.current")}</Table.Th>
                {admin ? <Table.Th scope="col">{t("people.actions")}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {person.posts.map((post) => {
                const title = localize(post.title, titleLanguage(post.title));
                return (
                  <Table.Tr key={post.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/units/${segment(post.unitCode)}`}>
                        {unitName(post.unitCode)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <LocalizedText text={post.title} original={titleLanguage(post.title)} />
                    </Table.Td>
                    <Table.Td>{format.day(post.validFrom)}</Table.Td>
                    <Table.Td>{post.validTo ? format.day(post.validTo) : t("units.openEnded")}</Table.Td>
                    <Table.Td>{isCurrent(post, day) ? t("common.yes") : t("common.no")}</Table.Td>
                    {admin ? (
                      <Table.Td>
                        {post.validTo === null || post.validTo >= day ? (
                          <Button
                            size="compact-sm"
                            variant="outline"
                            color="red.9"
                            onClick={() => setEnding({ id: post.id, open: true })}
                            aria-label={t("people.endPostOf", { title, unit: post.unitCode })}
                          >
                            {t("people.endPost")}
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
      {admin ? <AddPostForm person={person} /> : null}
      {admin && endingPost ? (
        <EndPostDialog
          key={endingPost.id}
          person={person}
          post={endingPost}
          opened={ending?.open ?? false}
          onClose={() => setEnding((previous) => previous && { ...previous, open: false })}
        />
      ) : null}
    </Stack>
  );
}

const POST_FIELDS = /^(unitCode|title(\.\w+)?|validFrom|validTo)$/;

function AddPostForm({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const announce = useAnnounce();
  const units = useUnits();
  const onUpdated = usePersonUpdate(person);
  const [unitCode, setUnitCode] = useState("");
  const [title, setTitle] = useState("");
  // The title is typed in the interface language unless the reader picks another one.
  const [chosenLanguage, setLanguage] = useState<Language | null>(null);
  const language = chosenLanguage ?? (isLanguage(i18n.language) ? i18n.language : "en");
  const [validFrom, setValidFrom] = useState(() => today());
  const [validTo, setValidTo] = useState("");
  const add = useMutation({
    mutationFn: () => {
      const body: PostInput = {
        unitCode,
        title: title.trim() ? { [language]: title.trim() } : {},
        validFrom,
        validTo: validTo || null,
      };
      return api.post<Person>(`/people/${segment(person.id)}/posts`, body);
    },
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(t("people.postAddedNotice", { title: title.trim(), unit: unitCode }));
      setUnitCode("");
      setTitle("");
      setValidTo("");
    },
  });
  const errors = fieldErrorsOf(add.error);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate();
      }}
      aria-labelledby="add-post-title"
    >
      <Title order={3} id="add-post-title" size="h4" mt="sm" mb="xs">
        {t("people.addPostTitle")}
      </Title>
      <Stack gap="xs" maw={760}>
        <FormErrorSummary error={add.error} shownFields={(field) => POST_FIELDS.test(field)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("field.unit")}
            name="postUnitCode"
            value={unitCode}
            onChange={(event) => setUnitCode(event.currentTarget.value)}
            error={errors.unitCode}
            required
            data={[
              { value: "", label: t("people.chooseUnit") },
              ...(units.data ?? []).map((unit) => ({
                value: unit.code,
                label: `${unit.code} — ${localize(unit.name, unit.originalLanguage)}`,
              })),
            ]}
          />
          <NativeSelect
            label={t("people.titleLanguage")}
            name="postTitleLanguage"
            value={language}
            onChange={(event) => setLanguage(event.currentTarget.value as Language)}
            data={LANGUAGES.map((lang) => ({ value: lang, label: format.languageName(lang) }))}
          />
          <TextInput
            label={t("field.title")}
            name="postTitle"
            lang={language}
            dir={directionOf(language)}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title ?? errors[`title.${language}`]}
            required
            autoComplete="off"
          />
          <TextInput
            type="date"
            label={t("field.validFrom")}
            name="postValidFrom"
            value={validFrom}
            onChange={(event) => setValidFrom(event.currentTarget.value)}
            error={errors.validFrom}
            required
          />
          <TextInput
            type="date"
            label={t("field.validTo")}
            description={t("people.postValidToHint")}
            name="postValidTo"
            value={validTo}
            onChange={(event) => setValidTo(event.currentTarget.value)}
            error={errors.validTo}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t("people.addPost")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EndPostDialog({
  person,
  post,
  opened,
  onClose,
}: {
  person: Person;
  post: Post;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const onUpdated = usePersonUpdate(person);
  const [validTo, setValidTo] = useState(() => {
    const day = today();
    return post.validFrom > day ? post.validFrom : day;
  });
  const title = localize(post.title, titleLanguage(post.title));
  const end = useMutation({
    mutationFn: () =>
      api.post<Person>(`/people/${segment(person.id)}/posts/${segment(post.id)}/end`, {
        version: post.version,
        validTo,
      }),
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(t("people.postEndedNotice", { title, unit: post.unitCode }));
      onClose();
    },
    // Someone else changed the post meanwhile: fetch it again so the next try uses its new version.
    onError: (error) => {
      if (isStaleVersion(error)) void queryClient.invalidateQueries({ queryKey: ["person", person.id] });
    },
  });
  const errors = fieldErrorsOf(end.error);
  return (
    <ConfirmDialog
      opened={opened}
      title={t("people.endPostTitle")}
      message={t("people.endPostMessage", { name: person.name, title, unit: post.unitCode })}
      confirmLabel={t("people.endPost")}
      pending={end.isPending}
      error={end.error}
      onConfirm={() => end.mutate()}
      onClose={() => {
        end.reset();
        onClose();
      }}
    >
      <TextInput
        type="date"
        label={t("people.endPostOn")}
        name="endValidTo"
        value={validTo}
        required
        onChange={(event) => setValidTo(event.currentTarget.value)}
        error={errors.validTo}
      />
    </ConfirmDialog>
  );
}

function PasswordForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [password, setPassword] = useState("");
  const [confirming, setConfirming] = useState(false);
  const change = useMutation({
    mutationFn: () => api.put<void>(`/people/${segment(person.id)}/password`, { password }),
    onSuccess: () => {
      setPassword("");
      announce(t("people.passwordSetNotice", { name: person.name }));
    },
    // The dialog closes either way: a refused password is explained beside its field.
    onSettled: () => setConfirming(false),
  });
  const errors = fieldErrorsOf(change.error);
  return (
    <>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          change.reset();
          setConfirming(true);
        }}
        aria-labelledby="person-password"
      >
        <Stack gap="xs" maw={480}>
          <Text size="sm">{t("people.passwordIntro")}</Text>
          <FormErrorSummary error={change.error} shownFields={(field) => field === "password"} />
          <PasswordInput
            name="newPassword"
            label={t("people.newPassword")}
            description={t("people.passwordHint", { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.password}
            // Mantine's PasswordInput does not mark its own input invalid.
            aria-invalid={Boolean(errors.password) || undefined}
            visibilityToggleButtonProps={{ "aria-label": t("auth.showPassword") }}
            required
          />
          <Group>
            <Button type="submit">{t("people.setPassword")}</Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirming}
        title={t("people.setPasswordTitle")}
        message={t("people.setPasswordMessage", { name: person.name })}
        confirmLabel={t("people.setPassword")}
        pending={change.isPending}
        error={null}
        onConfirm={() => change.mutate()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
