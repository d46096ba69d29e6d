import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { Figure, Metric } from "#shared/figures.ts";
import { api, segment } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Details } from "../../components/details.tsx";
import { isStaleVersion, StaleVersionNotice } from "../../components/form-errors.tsx";
import { RecordHistory } from "../../components/history.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { PageLoadError, PageTitle } from "../../components/page-title.tsx";
import { Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useUnits } from "../units/units.queries.ts";
import { ContradictionReviews } from "./contradiction-reviews.tsx";
import { FigureValue, ScopeText, SourceText, useFigureWords } from "./figure-parts.tsx";
import {
  canEnterFigures,
  figurePath,
  metricPath,
  useFigure,
  useFigures,
  useMetric,
} from "./figures.queries.ts";
import { Comparisons, useFigureIndex } from "./metric-page.tsx";

export function FigurePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const figure = useFigure(id);
  const metric = useMetric(figure.data?.metricCode);
  if (figure.isPending || (figure.isSuccess && metric.isPending)) return <Loading />;
  if (figure.isError)
    return (
      <PageLoadError title={t("figures.figureTitle")} error={figure.error} onRetry={() => figure.refetch()} />
    );
  if (metric.isError)
    return (
      <PageLoadError title={t("figures.figureTitle")} error={metric.error} onRetry={() => metric.refetch()} />
    );
  return <FigureDetails figure={figure.data} metric={metric.data!} />;
}

/** The history is the organization's own business: every role but reader (the server's `requireStaff`). */
const readsHistory = (roles: readonly { role: string }[] | undefined) =>
  roles?.some((grant) => grant.role !== "reader") ?? false;

function FigureDetails({ figure, metric }: { figure: Figure; metric: Metric }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const words = useFigureWords();
  const viewer = useViewer();
  const units = useUnits();
  const siblings = useFigures({ metricCode: figure.metricCode });
  const byId = useFigureIndex([figure, ...(siblings.data ?? [])]);
  const enters = canEnterFigures(viewer.data, metric, units.data);
  const [deleting, setDeleting] = useState(false);
  const none = t("history.none");
  const metricName = localize(metric.name, metric.originalLanguage);
  const title = t("figures.figureTitleOf", { metric: metricName, period: words.periodOf(figure) });

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={metricPath(metric)} size="sm">
          {t("figures.backToMetric", { metric: metricName })}
        </Anchor>
        <Group justify="space-between" align="flex-end">
          <PageTitle title={title} />
          {enters ? (
            <Group gap="sm">
              <Button component={Link} to={`${figurePath(figure)}/edit`} variant="default">
                {t("common.edit")}
              </Button>
              <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>
                {t("figures.delete")}
              </Button>
            </Group>
          ) : null}
        </Group>
        <Text size="xl" fw={700}>
          <FigureValue figure={figure} />
        </Text>
      </Stack>

      {figure.contradictions.length > 0 ? (
        <section aria-labelledby="figure-contradictions" className="contradiction-section">
          <Title order={2} id="figure-contradictions" size="h3" mb="xs">
            {t("figures.contradictions")}
          </Title>
          <Text size="sm" mb="xs" c="var(--mantine-color-text)">
            {t("figures.contradictionExplained")}
          </Text>
          <ContradictionReviews figure={figure} byId={byId} enters={enters} />
        </section>
      ) : null}

      <Details
        items={[
          {
            label: t("figures.metric"),
            value: (
              <Anchor component={Link} to={metricPath(metric)}>
                <LocalizedText text={metric.name} original={metric.originalLanguage} />
              </Anchor>
            ),
          },
          { label: t("figures.period"), value: words.periodOf(figure) },
          {
            label: t("figures.periodDays"),
            value: `${format.day(figure.periodStart)} – ${format.day(figure.periodEnd)}`,
          },
          { label: t("figures.kindLabel"), value: t(`figures.kind.${figure.kind}`) },
          { label: t("figures.value"), value: <FigureValue figure={figure} /> },
          { label: t("figures.qualifierLabel"), value: t(`figures.qualifier.${figure.qualifier}`) },
          { label: t("figures.unit"), value: t(`figures.figureUnit.${figure.unit}`) },
          ...(figure.kind === "rank"
            ? [
                {
                  label: t("figures.outOf"),
                  value: figure.outOf === null ? none : format.number(figure.outOf),
                },
              ]
            : []),
          { label: t("figures.scope"), value: <ScopeText scope={figure.scope} /> },
          { label: t("figures.source"), value: <SourceText source={figure.source} /> },
          {
            label: t("figures.quote"),
            value: figure.source.quote ? (
              <blockquote className="figure-quote" lang={figure.source.language} dir="auto">
                {figure.source.quote}
              </blockquote>
            ) : (
              none
            ),
          },
          { label: t("figures.comparisons"), value: <Comparisons figure={figure} byId={byId} /> },
          {
            label: t("figures.contradictions"),
            value: figure.contradictions.length > 0 ? t("figures.seeAbove") : t("figures.noContradiction"),
          },
          { label: t("figures.enteredBy"), value: figure.enteredBy?.name ?? none },
        ]}
      />

      {readsHistory(viewer.data?.roles) ? (
        <section aria-labelledby="figure-history">
          <Title order={2} id="figure-history" size="h3" mb="xs">
            {t("history.title")}
          </Title>
          <RecordHistory
            path={`/figures/${segment(figure.id)}/history`}
            queryKey={["figure-history", figure.id]}
          />
        </section>
      ) : null}

      {enters ? (
        <DeleteFigureDialog
          figure={figure}
          metric={metric}
          opened={deleting}
          onClose={() => setDeleting(false)}
        />
      ) : null}
    </Stack>
  );
}

function DeleteFigureDialog({
  figure,
  metric,
  opened,
  onClose,
}: {
  figure: Figure;
  metric: Metric;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const words = useFigureWords();
  const localize = useLocalize();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete<void>(`/figures/${segment(figure.id)}?version=${figure.version}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ["figure", figure.id] });
      void queryClient.invalidateQueries({ queryKey: ["figures"] });
      void queryClient.invalidateQueries({ queryKey: ["metrics"] });
      void queryClient.invalidateQueries({ queryKey: ["metric", metric.code] });
      void queryClient.invalidateQueries({ queryKey: ["metric-total"] });
      navigate(metricPath(metric));
      announce(
        t("figures.deletedNotice", {
          figure: words.value(figure),
          period: words.periodOf(figure),
          metric: localize(metric.name, metric.originalLanguage),
        }),
      );
    },
  });
  const stale = isStaleVersion(remove.error);
  return (
    <ConfirmDialog
      opened={opened}
      title={t("figures.deleteTitle")}
      message={t("figures.deleteMessage", {
        figure: words.value(figure),
        period: words.periodOf(figure),
        metric: localize(metric.name, metric.originalLanguage),
      })}
      confirmLabel={t("figures.deleteConfirm")}
      pending={remove.isPending}
      error={stale ? null : remove.error}
      onConfirm={() => remove.mutate()}
      onClose={() => {
        remove.reset();
        onClose();
      }}
    >
      {stale ? (
        <StaleVersionNotice
          error={remove.error}
          onReload={async () => {
            remove.reset();
            await queryClient.invalidateQueries({ queryKey: ["figure", figure.id] });
          }}
        />
      ) : null}
    </ConfirmDialog>
  );
}
