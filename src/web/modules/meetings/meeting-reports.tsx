import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Meeting } from "#shared/bodies.ts";
import type { AreaReport, FileReportInput } from "#shared/decisions.ts";
import { LANGUAGES, type Language } from "#shared/languages.ts";
import { api, segment } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { currentLanguage, directionOf } from "../../i18n/i18n.ts";
import { useArea } from "../areas/areas.queries.ts";

const reportsKey = (meetingId: string) => ["meeting-reports", meetingId];

function useReports(meetingId: string) {
  return useQuery({
    queryKey: reportsKey(meetingId),
    queryFn: async () =>
      (await api.get<{ entries: AreaReport[] }>(`/meetings/${segment(meetingId)}/reports`)).entries,
  });
}

/** The focal points' reports on the area an agenda item is about, and the form to file one's own. */
export function AreaReports({
  meeting,
  areaSlug,
  itemId,
  title,
}: {
  meeting: Meeting;
  areaSlug: string;
  itemId: string;
  title: string;
}) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const reports = useReports(meeting.id);
  const area = useArea(areaSlug);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement | null>(null);
  const headingId = `reports-${itemId}-title`;
  const panelId = `reports-${itemId}-form`;
  const personId = viewer.data?.personId;
  const focalPoint =
    personId !== undefined &&
    (area.data?.focalPoints.some((point) => point.personId === personId && point.validTo === null) ?? false);
  const entries = (reports.data ?? []).filter((report) => report.areaSlug === areaSlug);
  const own = entries.find((report) => report.personId === personId);
  const close = () => {
    setOpen(false);
    window.setTimeout(() => toggle.current?.focus(), 0);
  };
  return (
    <section aria-labelledby={headingId} className="area-reports">
      <Title order={4} size="h5" id={headingId} mb={4}>
        {t("reports.title", { item: title })}
      </Title>
      {reports.isPending ? (
        <Loading />
      ) : reports.isError ? (
        <ErrorNotice error={reports.error} onRetry={() => reports.refetch()} />
      ) : entries.length === 0 ? (
        <Text size="sm" fs="italic">
          {t("reports.none")}
        </Text>
      ) : (
        <ul className="report-list">
          {entries.map((report) => (
            <ReportEntry key={report.id} report={report} />
          ))}
        </ul>
      )}
      {focalPoint ? (
        <Stack gap="xs" mt="xs">
          <Group>
            <Button
              ref={toggle}
              size="compact-sm"
              variant={open ? "filled" : "outline"}
              aria-expanded={open}
              aria-controls={open ? panelId : undefined}
              aria-describedby={headingId}
              onClick={() => (open ? close() : setOpen(true))}
            >
              {own ? t("reports.revise") : t("reports.file")}
            </Button>
          </Group>
          {open ? (
            <Paper withBorder p="sm" id={panelId}>
              <ReportForm
                key={own?.version ?? 0}
                meeting={meeting}
                areaSlug={areaSlug}
                itemId={itemId}
                own={own}
                onDone={close}
                onReload={() => reports.refetch()}
              />
            </Paper>
          ) : null}
        </Stack>
      ) : null}
    </section>
  );
}

function ReportEntry({ report }: { report: AreaReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const parts = [
    ["progress", report.progress],
    ["issues", report.issues],
    ["nextSteps", report.nextSteps],
  ] as const;
  return (
    <li className="area-report" data-report-id={report.id}>
      <Text size="sm" fw={600}>
        {t("reports.byline", {
          name: report.personName,
          language: format.languageName(report.language),
          date: format.moment(report.updatedAt),
        })}
      </Text>
      <dl className="report-parts">
        {parts
          .filter(([, text]) => text.trim() !== "")
          .map(([part, text]) => (
            <div key={part}>
              <dt>{t(`reports.${part}`)}</dt>
              <dd lang={report.language} dir={directionOf(report.language)} className="report-text">
                {text}
              </dd>
            </div>
          ))}
      </dl>
    </li>
  );
}

const REPORT_FIELDS = /^(progress|issues|nextSteps|language)$/;

function ReportForm({
  meeting,
  areaSlug,
  itemId,
  own,
  onDone,
  onReload,
}: {
  meeting: Meeting;
  areaSlug: string;
  itemId: string;
  own: AreaReport | undefined;
  onDone: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [language, setLanguage] = useState<Language>(own?.language ?? currentLanguage());
  const [progress, setProgress] = useState(own?.progress ?? "");
  const [issues, setIssues] = useState(own?.issues ?? "");
  const [nextSteps, setNextSteps] = useState(own?.nextSteps ?? "");
  const save = useMutation({
    mutationFn: () =>
      api.post<AreaReport>(`/meetings/${segment(meeting.id)}/reports`, {
        areaSlug,
        language,
        progress,
        issues,
        nextSteps,
        ...(own ? { version: own.version } : {}),
      } satisfies Partial<FileReportInput>),
    onSuccess: (saved) => {
      queryClient.setQueryData<AreaReport[]>(reportsKey(meeting.id), (previous) => [
        ...(previous ?? []).filter((report) => report.id !== saved.id),
        saved,
      ]);
      announce(own ? t("reports.revisedNotice") : t("reports.filedNotice"));
      onDone();
    },
  });
  const errors = fieldErrorsOf(save.error);
  const dir = directionOf(language);
  const formHeading = `${itemId}-report-form-title`;
  return (
    <form
      noValidate
      aria-labelledby={formHeading}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Title order={5} size="h6" id={formHeading} mb="xs">
        {own ? t("reports.revise") : t("reports.file")}
      </Title>
      <Stack gap="xs">
        <FormErrorSummary
          error={save.error}
          shownFields={(field) => REPORT_FIELDS.test(field)}
          onReload={() => void onReload().then(onDone)}
        />
        <NativeSelect
          label={t("reports.language")}
          name="reportLanguage"
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value as Language)}
          error={errors.language}
          data={LANGUAGES.map((lang) => ({ value: lang, label: format.languageName(lang) }))}
          maw={320}
        />
        <Textarea
          label={t("reports.progress")}
          name="progress"
          required
          lang={language}
          dir={dir}
          value={progress}
          onChange={(event) => setProgress(event.currentTarget.value)}
          error={errors.progress}
          autosize
          minRows={2}
        />
        <Textarea
          label={t("reports.issues")}
          name="issues"
          lang={language}
          dir={dir}
          value={issues}
          onChange={(event) => setIssues(event.currentTarget.value)}
          error={errors.issues}
          autosize
          minRows={2}
        />
        <Textarea
          label={t("reports.nextSteps")}
          name="nextSteps"
          lang={language}
          dir={dir}
          value={nextSteps}
          onChange={(event) => setNextSteps(event.currentTarget.value)}
          error={errors.nextSteps}
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {own ? t("reports.saveRevision") : t("reports.submit")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
