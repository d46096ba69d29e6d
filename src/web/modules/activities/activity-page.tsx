import { Anchor, Button, Group, Stack, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Activity } from "#shared/activities.ts";
import { api, segment } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { Details } from "../../components/details.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { RecordHistory } from "../../components/history.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { PageLoadError, PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { CheckboxChoice, listErrors } from "../areas/area-form.tsx";
import { SdgTargetList } from "../areas/area-parts.tsx";
import { areaPath, useAreas } from "../areas/areas.queries.ts";
import { ActivityContacts } from "./activity-contacts.tsx";
import { ActivityStatusBadge, usePeriod } from "./activity-parts.tsx";
import { activityPath, canEditActivities, useActivity } from "./activities.queries.ts";

export function ActivityPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const activity = useActivity(id);
  if (activity.isPending) return <Loading />;
  if (activity.isError)
    return (
      <PageLoadError
        title={t("activities.detailTitle")}
        error={activity.error}
        onRetry={() => activity.refetch()}
      />
    );
  return <ActivityDetails activity={activity.data} />;
}

function ActivityDetails({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const period = usePeriod();
  const viewer = useViewer();
  const editor = canEditActivities(viewer.data);
  const [generation, setGeneration] = useState(0);
  const none = t("history.none");

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/activities" size="sm">
          {t("activities.backToList")}
        </Anchor>
        <Group justify="space-between" align="flex-end">
          <PageTitle title={localize(activity.title, activity.originalLanguage)}>
            <LocalizedText text={activity.title} original={activity.originalLanguage} />
          </PageTitle>
          {editor ? (
            <Button component={Link} to={`${activityPath(activity)}/edit`} variant="default">
              {t("common.edit")}
            </Button>
          ) : null}
        </Group>
      </Stack>

      <Details
        items={[
          {
            label: t("field.unit"),
            value: (
              <Anchor component={Link} to={`/units/${segment(activity.unitCode)}`}>
                {activity.unitCode}
              </Anchor>
            ),
          },
          { label: t("activities.ref"), value: activity.ref },
          { label: t("activities.type"), value: t(`activityType.${activity.type}`) },
          { label: t("field.status"), value: <ActivityStatusBadge status={activity.status} /> },
          { label: t("activities.periodLabel"), value: period(activity) },
          {
            label: t("activities.description"),
            value: activity.description ? (
              <LocalizedText text={activity.description} original={activity.originalLanguage} />
            ) : (
              none
            ),
          },
          { label: t("field.originalLanguage"), value: format.languageName(activity.originalLanguage) },
          {
            label: t("activities.missingLanguages"),
            value:
              activity.missingLanguages.length === 0
                ? none
                : activity.missingLanguages.map((lang) => format.languageName(lang)).join(", "),
          },
          {
            label: t("activities.budget"),
            value: activity.budget
              ? new Intl.NumberFormat(format.lang, {
                  style: "currency",
                  currency: activity.budget.currency,
                }).format(activity.budget.amount)
              : none,
          },
          {
            label: t("activities.links"),
            value:
              activity.links.length === 0 ? (
                none
              ) : (
                <Stack gap={2}>
                  {activity.links.map((link) => (
                    <Anchor key={link} href={link} dir="ltr">
                      {link}
                    </Anchor>
                  ))}
                </Stack>
              ),
          },
          { label: t("field.visibility"), value: t(`visibility.${activity.visibility}`) },
        ]}
      />

      <section aria-labelledby="activity-contacts">
        <Title order={2} id="activity-contacts" size="h3" mb="xs">
          {t("activities.contacts")}
        </Title>
        <ActivityContacts ids={activity.contactIds} />
      </section>

      <section aria-labelledby="activity-areas">
        <Title order={2} id="activity-areas" size="h3" mb="xs">
          {t("activities.areas")}
        </Title>
        <ActivityAreas activity={activity} />
        {editor ? (
          <TagAreasForm
            key={`${activity.version}-${generation}`}
            activity={activity}
            onReload={() => setGeneration((n) => n + 1)}
          />
        ) : null}
      </section>

      <section aria-labelledby="activity-sdg">
        <Title order={2} id="activity-sdg" size="h3" mb="xs">
          {t("areas.sdgTitle")}
        </Title>
        <SdgTargetList empty={t("activities.noTargets")} codes={activity.sdgTargets} />
      </section>

      <section aria-labelledby="activity-history">
        <Title order={2} id="activity-history" size="h3" mb="xs">
          {t("activities.historyTitle")}
        </Title>
        <RecordHistory
          path={`/activities/${segment(activity.id)}/history`}
          queryKey={["activity-history", activity.id]}
        />
      </section>
    </Stack>
  );
}

function ActivityAreas({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const areas = useAreas();
  if (activity.areaSlugs.length === 0) return <EmptyNotice>{t("activities.noAreas")}</EmptyNotice>;
  const bySlug = new Map((areas.data ?? []).map((area) => [area.slug, area]));
  return (
    <ul className="activity-areas">
      {activity.areaSlugs.map((slug) => {
        const area = bySlug.get(slug);
        return (
          <li key={slug}>
            <Anchor component={Link} to={areaPath({ slug })}>
              {area ? localize(area.name, area.originalLanguage) : slug}
            </Anchor>
          </li>
        );
      })}
    </ul>
  );
}

/** The areas the activity serves, set on their own (focal points may tag with their areas). */
function TagAreasForm({ activity, onReload }: { activity: Activity; onReload: () => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const areas = useAreas();
  const [selected, setSelected] = useState(activity.areaSlugs);
  const tag = useMutation({
    mutationFn: () =>
      api.put<Activity>(`/activities/${segment(activity.id)}/areas`, {
        version: activity.version,
        areaSlugs: selected,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(["activity", saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ["activities"] });
      void queryClient.invalidateQueries({ queryKey: ["activity-history", saved.id] });
      announce(t("activities.taggedNotice", { title: localize(saved.title, saved.originalLanguage) }));
    },
  });
  const errors = fieldErrorsOf(tag.error);
  const options = (areas.data ?? []).map((area) => ({
    value: area.slug,
    label: localize(area.name, area.originalLanguage),
  }));
  return (
    <form
      noValidate
      aria-labelledby="tag-areas-title"
      onSubmit={(event) => {
        event.preventDefault();
        tag.mutate();
      }}
    >
      <Title order={3} id="tag-areas-title" size="h4" mt="sm" mb="xs">
        {t("activities.tagTitle")}
      </Title>
      <Stack gap="xs" maw={860}>
        <FormErrorSummary
          error={tag.error}
          shownFields={(field) => /^areaSlugs(\.\d+)?$/.test(field)}
          onReload={async () => {
            await queryClient.invalidateQueries({ queryKey: ["activity", activity.id] });
            onReload();
          }}
        />
        <CheckboxChoice
          legend={t("activities.areas")}
          hint={t("activities.tagHint")}
          name="tagAreaSlugs"
          options={options}
          selected={selected}
          onChange={setSelected}
          errors={listErrors(errors, "areaSlugs", selected, (v) => v)}
        />
        <Group>
          <Button type="submit" loading={tag.isPending}>
            {t("activities.tagSubmit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
