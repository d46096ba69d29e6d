import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { type CoordinationIssue, ISSUE_STATUSES, type RaiseIssueInput } from "#shared/issues.ts";
import { LANGUAGES, type Language, type MultilingualText } from "#shared/languages.ts";
import { api } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { LoadMore } from "../../components/history.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { MultilingualTextFields } from "../../components/multilingual-fields.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { currentLanguage, directionOf } from "../../i18n/i18n.ts";
import { useAreas } from "../areas/areas.queries.ts";
import { type IssueFilter, issuePath, useIssueUpdated, useIssues } from "./issues.queries.ts";
import { addressWith } from "../../components/address.ts";

/** Coordination issues on the areas: filters (the chair's view among them), the list, and raising one. */
export function IssuesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const areas = useAreas();
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "";
  const areaSlug = params.get("areaSlug") ?? "";
  const escalated = params.get("escalated") === "true";
  const update = (key: string, value: string | null) =>
    setParams(addressWith({ [key]: value }), { replace: true });
  const filter: IssueFilter = {
    status: status || undefined,
    areaSlug: areaSlug || undefined,
    escalated: escalated ? "true" : undefined,
  };
  const issues = useIssues(filter);
  const entries = issues.data?.pages.flatMap((page) => page.entries) ?? [];
  const areaName = (slug: string) => {
    const area = areas.data?.find((a) => a.slug === slug);
    return area ? localize(area.name, area.originalLanguage) : slug;
  };

  return (
    <Stack gap="md">
      <PageTitle title={t("issues.title")} />
      <Text>{t("issues.intro")}</Text>
      <form role="search" aria-label={t("issues.filters")} onSubmit={(event) => event.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t("field.status")}
            name="status"
            value={status}
            onChange={(event) => update("status", event.currentTarget.value || null)}
            data={[
              { value: "", label: t("issues.anyStatus") },
              ...ISSUE_STATUSES.map((value) => ({ value, label: t(`issueStatus.${value}`) })),
            ]}
          />
          <NativeSelect
            label={t("issues.area")}
            name="areaSlug"
            value={areaSlug}
            onChange={(event) => update("areaSlug", event.currentTarget.value || null)}
            data={[
              { value: "", label: t("issues.anyArea") },
              ...(areas.data ?? []).map((area) => ({
                value: area.slug,
                label: localize(area.name, area.originalLanguage),
              })),
            ]}
          />
          <Checkbox
            mt={{ sm: 30 }}
            name="escalated"
            label={t("issues.chairView")}
            description={t("issues.chairViewHint")}
            checked={escalated}
            onChange={(event) => update("escalated", event.currentTarget.checked ? "true" : null)}
          />
        </SimpleGrid>
      </form>
      {issues.isPending ? (
        <Loading />
      ) : issues.isError ? (
        <ErrorNotice error={issues.error} onRetry={() => issues.refetch()} />
      ) : (
        <>
          <Text size="sm" aria-live="polite" className="issues-count">
            {entries.length === 0
              ? t("issues.noneFound")
              : t("issues.count", { shown: format.number(entries.length) })}
          </Text>
          {entries.length === 0 ? null : (
            <ul className="issue-list">
              {entries.map((issue) => (
                <IssueEntry key={issue.id} issue={issue} areaName={areaName(issue.areaSlug)} />
              ))}
            </ul>
          )}
          <LoadMore
            hasMore={issues.hasNextPage}
            pending={issues.isFetchingNextPage}
            onLoad={() => issues.fetchNextPage()}
          />
        </>
      )}
      <RaiseIssueForm />
    </Stack>
  );
}

export function IssueStatusBadge({ status }: { status: CoordinationIssue["status"] }) {
  const { t } = useTranslation();
  // Mantine's darkest green is below 4.5:1 on white in a small badge; this one is not.
  const color = status === "open" ? "blue.9" : status === "resolved" ? "#1e6b2e" : "gray.8";
  return (
    <Badge variant="outline" color={color} className="issue-status">
      {t(`issueStatus.${status}`)}
    </Badge>
  );
}

function IssueEntry({ issue, areaName }: { issue: CoordinationIssue; areaName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className="issue-item" data-issue={issue.id}>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap" align="baseline">
          <Anchor component={Link} to={issuePath(issue)} fw={700}>
            <LocalizedText text={issue.title} original={issue.originalLanguage} />
          </Anchor>
          <IssueStatusBadge status={issue.status} />
        </Group>
        <Text size="sm">{t("issues.onArea", { area: areaName })}</Text>
        <Text size="sm">
          {t("issues.atLevel")}{" "}
          <span className="issue-level">
            <LocalizedText text={issue.levelName} original="en" />
          </span>
        </Text>
        {issue.escalatesAt ? (
          <Text size="sm" className="issue-escalates">
            {t("issues.movesUpOn", { date: format.moment(issue.escalatesAt) })}
          </Text>
        ) : null}
      </Stack>
    </li>
  );
}

const emptyText = () => Object.fromEntries(LANGUAGES.map((lang) => [lang, ""])) as Record<Language, string>;

const filled = (values: Record<Language, string>): MultilingualText =>
  Object.fromEntries(
    LANGUAGES.filter((lang) => values[lang].trim()).map((lang) => [lang, values[lang].trim()]),
  );

/** A focal point of an area (or the secretariat) raises an issue on it. */
function RaiseIssueForm() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const onUpdated = useIssueUpdated();
  const areas = useAreas();
  const [areaSlug, setAreaSlug] = useState("");
  const [titles, setTitles] = useState(emptyText);
  const [originalLanguage, setOriginalLanguage] = useState<Language>(() => currentLanguage());
  const [description, setDescription] = useState("");
  const raise = useMutation({
    mutationFn: () =>
      api.post<CoordinationIssue>("/coordination-issues", {
        areaSlug,
        title: filled(titles),
        description: description.trim() ? { [originalLanguage]: description.trim() } : null,
        originalLanguage,
      } satisfies RaiseIssueInput),
    onSuccess: (issue) => {
      onUpdated(issue);
      announce(t("issues.raisedNotice"));
      void navigate(issuePath(issue));
    },
  });
  const errors = fieldErrorsOf(raise.error);
  const shown = (field: string) =>
    field === "areaSlug" || field === "title" || field.startsWith("title.") || field === "originalLanguage";
  return (
    <section aria-labelledby="raise-issue">
      <Title order={2} id="raise-issue" size="h3" mb="xs">
        {t("issues.raiseTitle")}
      </Title>
      <form
        noValidate
        aria-labelledby="raise-issue"
        onSubmit={(event) => {
          event.preventDefault();
          raise.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t("issues.raiseHint")}</Text>
          <FormErrorSummary error={raise.error} shownFields={shown} />
          <NativeSelect
            label={t("issues.area")}
            name="raiseAreaSlug"
            value={areaSlug}
            onChange={(event) => setAreaSlug(event.currentTarget.value)}
            error={errors.areaSlug}
            required
            data={[
              { value: "", label: t("issues.chooseArea") },
              ...(areas.data ?? []).map((area) => ({
                value: area.slug,
                label: localize(area.name, area.originalLanguage),
              })),
            ]}
          />
          <MultilingualTextFields
            legend={t("issues.titlesLegend")}
            hint={t("issues.titlesHint")}
            field="title"
            label={(language) => t("issues.titleIn", { language })}
            values={titles}
            onChange={(lang, value) => setTitles((previous) => ({ ...previous, [lang]: value }))}
            errors={errors}
            originalLanguage={originalLanguage}
            onOriginalLanguageChange={setOriginalLanguage}
            errorId="issue-title-error"
          />
          <Textarea
            label={t("issues.description")}
            name="description"
            lang={originalLanguage}
            dir={directionOf(originalLanguage)}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description ?? errors[`description.${originalLanguage}`]}
            autosize
            minRows={2}
          />
          <Group>
            <Button type="submit" loading={raise.isPending}>
              {t("issues.raise")}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
