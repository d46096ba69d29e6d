import { Alert, Button, Code, CopyButton, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Viewer } from "#shared/auth.ts";
import { api, apiPath, segment } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Details } from "../../components/details.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";

interface AccessToken {
  id: string;
  name: string;
  scope: "api" | "calendar";
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function AccountPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  return (
    <Stack gap="lg">
      <PageTitle title={t("account.title")} />
      {viewer.data ? <AccountDetails viewer={viewer.data} /> : null}
      <section aria-labelledby="tokens-title">
        <Title order={2} id="tokens-title" size="h3" mb="xs">
          {t("account.tokensTitle")}
        </Title>
        <Text mb="sm">{t("account.tokensIntro")}</Text>
        <AccessTokens />
      </section>
      {viewer.data ? (
        <section aria-labelledby="calendar-title">
          <Title order={2} id="calendar-title" size="h3" mb="xs">
            {t("calendar.title")}
          </Title>
          <Text mb="sm">{t("calendar.intro")}</Text>
          <CalendarFeed viewer={viewer.data} />
        </section>
      ) : null}
    </Stack>
  );
}

function AccountDetails({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const roles = viewer.roles.map((grant) =>
    grant.unitCode
      ? `${t(`role.${grant.role}`)} (${grant.unitCode})`
      : `${t(`role.${grant.role}`)} (${t("people.wholeOrganization")})`,
  );
  return (
    <Details
      items={[
        { label: t("field.name"), value: viewer.name },
        { label: t("field.email"), value: viewer.email ?? t("history.none") },
        { label: t("field.preferredLanguage"), value: format.languageName(viewer.preferredLanguage) },
        { label: t("people.roles"), value: roles.length > 0 ? roles.join(", ") : t("people.noRoles") },
      ]}
    />
  );
}

function AccessTokens() {
  const { t } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<(AccessToken & { token: string }) | null>(null);
  const [revoking, setRevoking] = useState<AccessToken | null>(null);
  const tokens = useAccessTokens("api");
  const create = useMutation({
    mutationFn: () =>
      api.post<AccessToken & { token: string }>("/access-tokens", { name: name.trim(), scope: "api" }),
    onSuccess: (token) => {
      setCreated(token);
      setName("");
      void queryClient.invalidateQueries({ queryKey: ["access-tokens"] });
    },
  });
  const revoke = useMutation({
    mutationFn: (token: AccessToken) => api.post<AccessToken>(`/access-tokens/${segment(token.id)}/revoke`),
    onSuccess: (token) => {
      setRevoking(null);
      if (created?.id === token.id) setCreated(null);
      void queryClient.invalidateQueries({ queryKey: ["access-tokens"] });
      announce(t("account.revokedNotice", { name: token.name }));
    },
  });
  const errors = fieldErrorsOf(create.error);

  return (
    <Stack gap="md">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="xs">
          <FormErrorSummary error={create.error} shownFields={(field) => field === "name"} />
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t("account.tokenName")}
              description={t("account.tokenNameHint")}
              name="tokenName"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              autoComplete="off"
              w={320}
            />
            <Button type="submit" loading={create.isPending}>
              {t("account.createToken")}
            </Button>
          </Group>
        </Stack>
      </form>
      {created ? (
        <Alert color="green.9" variant="outline" title={t("account.tokenCreatedTitle")} role="alert">
          <Stack gap="xs">
            <Text>{t("account.tokenCreatedMessage")}</Text>
            <Group gap="sm" wrap="nowrap">
              <Code className="token-value" data-testid="new-token">
                {created.token}
              </Code>
              <CopyButton value={created.token}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="outline" onClick={copy}>
                    {copied ? t("account.copied") : t("account.copy")}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Group>
              <Button size="xs" variant="default" onClick={() => setCreated(null)}>
                {t("account.tokenSaved")}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <ErrorNotice error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <EmptyNotice>{t("account.noTokens")}</EmptyNotice>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("account.tokenName")}</Table.Th>
                <Table.Th scope="col">{t("account.createdAt")}</Table.Th>
                <Table.Th scope="col">{t("account.lastUsedAt")}</Table.Th>
                <Table.Th scope="col">{t("field.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>{format.moment(token.createdAt)}</Table.Td>
                  <Table.Td>
                    {token.lastUsedAt ? format.moment(token.lastUsedAt) : t("account.neverUsed")}
                  </Table.Td>
                  <Table.Td>
                    {token.revokedAt ? (
                      t("account.revokedOn", { date: format.moment(token.revokedAt) })
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="outline"
                        color="red.9"
                        onClick={() => setRevoking(token)}
                        aria-label={t("account.revokeToken", { name: token.name })}
                      >
                        {t("people.revoke")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmDialog
        opened={revoking !== null}
        title={t("account.revokeTitle")}
        message={t("account.revokeMessage", { name: revoking?.name ?? "" })}
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

/** The signed-in person's tokens of one scope: `api` for scripts, `calendar` for feed addresses. */
function useAccessTokens(scope: AccessToken["scope"]) {
  return useQuery({
    queryKey: ["access-tokens"],
    queryFn: () => api.get<{ entries: AccessToken[] }>("/access-tokens"),
    select: (data) => data.entries.filter((token) => token.scope === scope),
  });
}

/** The address a calendar program subscribes to: my meetings, with a read-only token in it. */
const feedUrl = (viewer: Viewer, token: string) =>
  `${window.location.origin}${apiPath(`/people/${segment(viewer.personId)}/calendar.ics`, { token })}`;

function CalendarFeed({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<(AccessToken & { token: string }) | null>(null);
  const [revoking, setRevoking] = useState<AccessToken | null>(null);
  const tokens = useAccessTokens("calendar");
  const create = useMutation({
    mutationFn: () =>
      api.post<AccessToken & { token: string }>("/access-tokens", { name: name.trim(), scope: "calendar" }),
    onSuccess: (token) => {
      setCreated(token);
      setName("");
      void queryClient.invalidateQueries({ queryKey: ["access-tokens"] });
    },
  });
  const revoke = useMutation({
    mutationFn: (token: AccessToken) => api.post<AccessToken>(`/access-tokens/${segment(token.id)}/revoke`),
    onSuccess: (token) => {
      setRevoking(null);
      if (created?.id === token.id) setCreated(null);
      void queryClient.invalidateQueries({ queryKey: ["access-tokens"] });
      announce(t("calendar.revokedNotice", { name: token.name }));
    },
  });
  const errors = fieldErrorsOf(create.error);
  const url = created ? feedUrl(viewer, created.token) : "";

  return (
    <Stack gap="md">
      <form
        noValidate
        aria-label={t("calendar.createLabel")}
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="xs">
          <FormErrorSummary error={create.error} shownFields={(field) => field === "name"} />
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t("calendar.tokenName")}
              description={t("calendar.tokenNameHint")}
              name="calendarTokenName"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              autoComplete="off"
              w={320}
            />
            <Button type="submit" loading={create.isPending}>
              {t("calendar.create")}
            </Button>
          </Group>
        </Stack>
      </form>
      {created ? (
        <Alert color="#1e6b2e" variant="outline" title={t("calendar.createdTitle")} role="alert">
          <Stack gap="xs">
            <Text>{t("calendar.createdMessage")}</Text>
            <Group gap="sm" wrap="nowrap">
              <Code className="token-value" data-testid="feed-url" dir="ltr">
                {url}
              </Code>
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="outline" onClick={copy}>
                    {copied ? t("account.copied") : t("calendar.copyUrl")}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Group>
              <Button size="xs" variant="default" onClick={() => setCreated(null)}>
                {t("account.tokenSaved")}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <ErrorNotice error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <EmptyNotice>{t("calendar.none")}</EmptyNotice>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder className="calendar-tokens">
            <Table.Caption>{t("calendar.listCaption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("calendar.tokenName")}</Table.Th>
                <Table.Th scope="col">{t("account.createdAt")}</Table.Th>
                <Table.Th scope="col">{t("account.lastUsedAt")}</Table.Th>
                <Table.Th scope="col">{t("field.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>{format.moment(token.createdAt)}</Table.Td>
                  <Table.Td>
                    {token.lastUsedAt ? format.moment(token.lastUsedAt) : t("account.neverUsed")}
                  </Table.Td>
                  <Table.Td>
                    {token.revokedAt ? (
                      t("account.revokedOn", { date: format.moment(token.revokedAt) })
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="outline"
                        color="red.9"
                        onClick={() => setRevoking(token)}
                        aria-label={t("account.revokeToken", { name: token.name })}
                      >
                        {t("people.revoke")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmDialog
        opened={revoking !== null}
        title={t("calendar.revokeTitle")}
        message={t("calendar.revokeMessage", { name: revoking?.name ?? "" })}
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
