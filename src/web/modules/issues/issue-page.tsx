import { Anchor, Button, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { CoordinationIssue } from "#shared/issues.ts";
import { ApiError, api, segment } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { Details } from "../../components/details.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { RecordHistory } from "../../components/history.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { PageLoadError, PageTitle } from "../../components/page-title.tsx";
import { ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useArea } from "../areas/areas.queries.ts";
import { useDecision, useDecisions } from "../decisions/decisions.queries.ts";
import { IssueStatusBadge } from "./issues-page.tsx";
import { canSettleIssues, useIssue, useIssueUpdated, useLadder } from "./issues.queries.ts";

export function IssuePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const issue = useIssue(id);
  if (issue.isPending) return <Loading />;
  if (issue.isError)
    return (
      <PageLoadError title={t("issues.detailTitle")} error={issue.error} onRetry={() => issue.refetch()} />
    );
  return <IssueDetails issue={issue.data} onReload={() => issue.refetch()} />;
}

function IssueDetails({ issue, onReload }: { issue: CoordinationIssue; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const viewer = useViewer();
  const area = useArea(issue.areaSlug);
  const decision = useDecision(issue.resolvedByDecisionId);
  const settle = canSettleIssues(viewer.data) && issue.status === "open";
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/coordination-issues" size="sm">
          {t("issues.backToList")}
        </Anchor>
        <PageTitle title={localize(issue.title, issue.originalLanguage)}>
          <LocalizedText text={issue.title} original={issue.originalLanguage} />
        </PageTitle>
      </Stack>
      <Details
        items={[
          {
            label: t("issues.area"),
            value: (
              <Anchor component={Link} to={`/areas/${segment(issue.areaSlug)}`}>
                {area.data ? localize(area.data.name, area.data.originalLanguage) : issue.areaSlug}
              </Anchor>
            ),
          },
          { label: t("field.status"), value: <IssueStatusBadge status={issue.status} /> },
          {
            label: t("issues.level"),
            value: (
              <span className="issue-level">
                <LocalizedText text={issue.levelName} original="en" />
              </span>
            ),
          },
          { label: t("issues.levelSince"), value: format.moment(issue.levelSince) },
          {
            label: t("issues.escalatesAt"),
            value: issue.escalatesAt ? format.moment(issue.escalatesAt) : t("issues.noTimeLimit"),
          },
          { label: t("issues.raisedBy"), value: issue.raisedByName },
          ...(issue.description
            ? [
                {
                  label: t("issues.description"),
                  value: <LocalizedText text={issue.description} original={issue.originalLanguage} />,
                },
              ]
            : []),
          ...(issue.status === "resolved"
            ? [
                {
                  label: t("issues.resolvedBy"),
                  value: decision.data ? (
                    <Anchor
                      component={Link}
                      to={`/meetings/${segment(decision.data.meetingId)}#decision-${decision.data.id}`}
                    >
                      <span dir="ltr">{decision.data.number}</span>
                    </Anchor>
                  ) : (
                    "…"
                  ),
                },
                { label: t("issues.resolution"), value: <span dir="auto">{issue.resolution}</span> },
              ]
            : []),
        ]}
      />

      <section aria-labelledby="issue-moves">
        <Title order={2} id="issue-moves" size="h3" mb="xs">
          {t("issues.movesTitle")}
        </Title>
        <IssueMoves issue={issue} />
      </section>

      {settle ? (
        <>
          <EscalateForm key={`e${issue.version}`} issue={issue} onReload={onReload} />
          <ResolveForm key={`r${issue.version}`} issue={issue} onReload={onReload} />
        </>
      ) : null}

      <section aria-labelledby="issue-history">
        <Title order={2} id="issue-history" size="h3" mb="xs">
          {t("history.title")}
        </Title>
        <RecordHistory
          path={`/coordination-issues/${segment(issue.id)}/history`}
          queryKey={["coordination-issue-history", issue.id]}
        />
      </section>
    </Stack>
  );
}

/** Every move up the ladder, oldest first; the timer's own moves are marked as automatic. */
function IssueMoves({ issue }: { issue: CoordinationIssue }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const ladder = useLadder();
  const levelName = (position: number) => {
    const level = ladder.data?.find((entry) => entry.position === position);
    return level ? localize(level.name, "en") : format.number(position);
  };
  const reason = (text: string) =>
    text === "raised" ? t("issues.reasonRaised") : text === "time_limit" ? t("issues.reasonTimeLimit") : text;
  return (
    <ol className="issue-moves">
      {issue.moves.map((move, index) => (
        <li
          key={`${move.at}-${index}`}
          className="issue-move"
          data-automatic={move.automatic ? "" : undefined}
        >
          <Text fw={700}>
            {move.from === null
              ? t("issues.moveRaised", { level: levelName(move.to) })
              : t("issues.moveUp", { from: levelName(move.from), to: levelName(move.to) })}
          </Text>
          <Text size="sm">
            {format.moment(move.at)}
            {" · "}
            {move.automatic ? t("issues.automatic") : (move.by ?? "")}
          </Text>
          <Text size="sm" dir="auto">
            {reason(move.reason)}
          </Text>
        </li>
      ))}
    </ol>
  );
}

/**
 * A refused move of an issue with no time limit left: it is at the top of the ladder (the server
 * answers 422 `invalid_transition`, its details naming `top_of_ladder`), which has its own words.
 */
function isTopOfLadder(error: unknown, issue: CoordinationIssue) {
  return error instanceof ApiError && error.code === "invalid_transition" && issue.escalatesAt === null;
}

function EscalateForm({ issue, onReload }: { issue: CoordinationIssue; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const onUpdated = useIssueUpdated();
  const [reason, setReason] = useState("");
  const escalate = useMutation({
    mutationFn: () =>
      api.post<CoordinationIssue>(`/coordination-issues/${segment(issue.id)}/escalate`, {
        reason,
        version: issue.version,
      }),
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(t("issues.escalatedNotice"));
    },
  });
  const errors = fieldErrorsOf(escalate.error);
  return (
    <section aria-labelledby="escalate-issue">
      <Title order={2} id="escalate-issue" size="h3" mb="xs">
        {t("issues.escalateTitle")}
      </Title>
      <form
        noValidate
        aria-labelledby="escalate-issue"
        onSubmit={(event) => {
          event.preventDefault();
          escalate.mutate();
        }}
      >
        <Stack gap="sm">
          {isTopOfLadder(escalate.error, issue) ? (
            <ErrorNotice error={escalate.error} title={t("issues.topOfLadder")} />
          ) : (
            <FormErrorSummary
              error={escalate.error}
              shownFields={(field) => field === "reason"}
              onReload={() => void onReload()}
            />
          )}
          <Textarea
            label={t("issues.reason")}
            name="reason"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason}
            required
            autosize
            minRows={2}
          />
          <Group>
            <Button type="submit" variant="default" loading={escalate.isPending}>
              {t("issues.escalate")}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}

function ResolveForm({ issue, onReload }: { issue: CoordinationIssue; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const localize = useLocalize();
  const onUpdated = useIssueUpdated();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const decisions = useDecisions({ q: debounced || undefined });
  const found = decisions.data?.pages.flatMap((page) => page.entries) ?? [];
  const [decisionId, setDecisionId] = useState("");
  const [resolution, setResolution] = useState("");
  const resolve = useMutation({
    mutationFn: () =>
      api.post<CoordinationIssue>(`/coordination-issues/${segment(issue.id)}/resolve`, {
        decisionId,
        resolution,
        version: issue.version,
      }),
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(t("issues.resolvedNotice"));
    },
  });
  const errors = fieldErrorsOf(resolve.error);
  return (
    <section aria-labelledby="resolve-issue">
      <Title order={2} id="resolve-issue" size="h3" mb="xs">
        {t("issues.resolveTitle")}
      </Title>
      <form
        noValidate
        aria-labelledby="resolve-issue"
        onSubmit={(event) => {
          event.preventDefault();
          resolve.mutate();
        }}
      >
        <Stack gap="sm">
          <FormErrorSummary
            error={resolve.error}
            shownFields={(field) => field === "decisionId" || field === "resolution"}
            onReload={() => void onReload()}
          />
          <TextInput
            type="search"
            label={t("issues.findDecision")}
            description={t("decisions.searchHint")}
            name="decisionSearch"
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setDecisionId("");
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter") event.preventDefault();
            }}
            autoComplete="off"
          />
          <NativeSelect
            label={t("issues.decision")}
            name="decisionId"
            value={decisionId}
            onChange={(event) => setDecisionId(event.currentTarget.value)}
            error={errors.decisionId}
            required
            data={[
              { value: "", label: t("issues.chooseDecision") },
              ...found.map((decision) => ({
                value: decision.id,
                label: `${decision.number} — ${localize(decision.text, decision.originalLanguage)}`.slice(
                  0,
                  140,
                ),
              })),
            ]}
          />
          <Textarea
            label={t("issues.resolution")}
            name="resolution"
            value={resolution}
            onChange={(event) => setResolution(event.currentTarget.value)}
            error={errors.resolution}
            required
            autosize
            minRows={2}
          />
          <Group>
            <Button type="submit" loading={resolve.isPending}>
              {t("issues.resolve")}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
