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

/** What differs between the two kinds of token on this page: their words and what is shown once. */
interface TokenWords {
  formLabel?: string;
  nameLabel: string;
  nameHint: string;
  nameField: string;
  create: string;
  createdTitle: string;
  createdMessage: string;
  createdColor: string;
  shownTestId: string;
  shownDir?: "ltr";
  copy: string;
  none: string;
  caption?: string;
  tableClass?: string;
  revokeTitle: string;
  revokeMessage: string;
  revokedNotice: string;
}

function AccessTokens() {
  const { t } = useTranslation();
  return (
    <ScopedTokens
      scope="api"
      shown={(token) => token}
      words={{
        nameLabel: t("account.tokenName"),
        nameHint: t("account.tokenNameHint"),
        nameField: "tokenName",
        create: t("account.createToken"),
        createdTitle: t("account.tokenCreatedTitle"),
        createdMessage: t("account.tokenCreatedMessage"),
        createdColor: "green.9",
        shownTestId: "new-token",
        copy: t("account.copy"),
        none: t("account.noTokens"),
        revokeTitle: t("account.revokeTitle"),
        revokeMessage: "account.revokeMessage",
        revokedNotice: "account.revokedNotice",
      }}
    />
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
  return (
    <ScopedTokens
      scope="calendar"
      shown={(token) => feedUrl(viewer, token)}
      words={{
        formLabel: t("calendar.createLabel"),
        nameLabel: t("calendar.tokenName"),
        nameHint: t("calendar.tokenNameHint"),
        nameField: "calendarTokenName",
        create: t("calendar.create"),
        createdTitle: t("calendar.createdTitle"),
        createdMessage: t("calendar.createdMessage"),
        createdColor: "#1e6b2e",
        shownTestId: "feed-url",
        shownDir: "ltr",
        copy: t("calendar.copyUrl"),
        none: t("calendar.none"),
        caption: t("calendar.listCaption"),
        tableClass: "calendar-tokens",
        revokeTitle: t("calendar.revokeTitle"),
        revokeMessage: "calendar.revokeMessage",
        revokedNotice: "calendar.revokedNotice",
      }}
    />
  );
}

/**
 * Creating (shown once), listing and revoking one's tokens of one scope. `revokeMessage` and
 * `revokedNotice` are translation keys: they take the token's name.
 */
function ScopedTokens({
  scope,
  shown,
  words,
}: {
  scope: AccessToken["scope"];
  shown: (token: string) => string;
  words: TokenWords;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<(AccessToken & { token: string }) | null>(null);
  const [revoking, setRevoking] = useState<AccessToken | null>(null);
  const tokens = useAccessTokens(scope);
  const create = useMutation({
    mutationFn: () =>
      api.post<AccessToken & { token: string }>("/access-tokens", { name: name.trim(), scope }),
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
      announce(t(words.revokedNotice, { name: token.name }));
    },
  });
  const errors = fieldErrorsOf(create.error);
  const value = created ? shown(created.token) : "";

  return (
    <Stack gap="md">
      <form
        noValidate
        aria-label={words.formLabel}
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="xs">
          <FormErrorSummary error={create.error} shownFields={(field) => field === "name"} />
          <Group align="flex-end" gap="sm">
            <TextInput
              label={words.nameLabel}
              description={words.nameHint}
              name={words.nameField}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              autoComplete="off"
              w={320}
            />
            <Button type="submit" loading={create.isPending}>
              {words.create}
            </Button>
          </Group>
        </Stack>
      </form>
      {created ? (
        <Alert color={words.createdColor} variant="outline" title={words.createdTitle} role="alert">
          <Stack gap="xs">
            <Text>{words.createdMessage}</Text>
            <Group gap="sm" wrap="nowrap">
              <Code className="token-value" data-testid={words.shownTestId} dir={words.shownDir}>
                {value}
              </Code>
              <CopyButton value={value}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="outline" onClick={copy}>
                    {copied ? t("account.copied") : words.copy}
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
        <EmptyNotice>{words.none}</EmptyNotice>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder className={words.tableClass}>
            {words.caption ? <Table.Caption>{words.caption}</Table.Caption> : null}
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{words.nameLabel}</Table.Th>
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
        title={words.revokeTitle}
        message={t(words.revokeMessage, { name: revoking?.name ?? "" })}
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
