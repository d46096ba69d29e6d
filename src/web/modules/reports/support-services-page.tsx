import "./reports.css";
import { Alert, Button, Group, List, Loader, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { LANGUAGE_AUTONYMS, LANGUAGES, type Language } from "#shared/languages.ts";
import type { ReportDocument } from "#shared/report-document.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { fieldErrorsOf } from "../../components/form-errors.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, ErrorNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { isLanguage } from "../../i18n/i18n.ts";
import { ReportPreview } from "./report-preview.tsx";
import {
  downloadReport,
  type ReportFormat,
  type ReportRequest,
  useSupportServicesReport,
} from "./reports.queries.ts";

/** The previewed report lives in the address (`?lang=ar&period=…`), so it can be reloaded and shared. */
function requestOf(params: URLSearchParams): ReportRequest | null {
  const lang = params.get("lang");
  if (!isLanguage(lang)) return null;
  const period = params.get("period")?.trim();
  return period ? { lang, period } : { lang };
}

const sameRequest = (a: ReportRequest | null, b: ReportRequest) =>
  a !== null && a.lang === b.lang && (a.period ?? "") === (b.period ?? "");

export function SupportServicesReportPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const requested = requestOf(params);
  // Until the reader picks one, the report language follows the interface language.
  const [chosenLanguage, setChosenLanguage] = useState<Language | null>(requested?.lang ?? null);
  const language: Language = chosenLanguage ?? (isLanguage(i18n.language) ? i18n.language : "en");
  const [period, setPeriod] = useState(requested?.period ?? "");
  const report = useSupportServicesReport(requested);
  const periodInput = useRef<HTMLInputElement>(null);
  // Only a preview the reader asked for is announced, not one restored from the address.
  const awaitingPreview = useRef(false);
  const periodError = fieldErrorsOf(report.error).period;

  useEffect(() => {
    if (!awaitingPreview.current || report.isFetching) return;
    awaitingPreview.current = false;
    if (report.isSuccess) {
      const values = { title: report.data.title, language: format.languageName(report.data.lang) };
      announce(
        report.data.missing.length > 0
          ? t("councilReports.previewReadyWithGaps", values)
          : t("councilReports.previewReady", values),
      );
    } else if (periodError) {
      // The message is tied to the field, so moving there has it read out.
      periodInput.current?.focus();
    }
  }, [report.isFetching, report.isSuccess, report.data, periodError, announce, format, t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: ReportRequest = period.trim()
      ? { lang: language, period: period.trim() }
      : { lang: language };
    awaitingPreview.current = true;
    if (sameRequest(requested, next)) void report.refetch();
    else setParams(next.period ? { lang: next.lang, period: next.period } : { lang: next.lang });
  };

  return (
    <Stack gap="md">
      <PageTitle title={t("councilReports.title")} />
      <Text maw={760}>{t("councilReports.intro")}</Text>
      <form noValidate onSubmit={submit} aria-label={t("councilReports.formLabel")}>
        <Group align="flex-start" gap="md" wrap="wrap">
          <NativeSelect
            name="lang"
            label={t("councilReports.language")}
            description={t("councilReports.languageHint")}
            value={language}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isLanguage(value)) setChosenLanguage(value);
            }}
            w={220}
          >
            {LANGUAGES.map((lang) => (
              <option key={lang} value={lang} lang={lang}>
                {LANGUAGE_AUTONYMS[lang]}
              </option>
            ))}
          </NativeSelect>
          <TextInput
            ref={periodInput}
            name="period"
            label={t("councilReports.period")}
            description={t("councilReports.periodHint")}
            placeholder="2016-03..2017-02"
            value={period}
            onChange={(event) => setPeriod(event.currentTarget.value)}
            error={periodError}
            autoComplete="off"
            spellCheck={false}
            // A syntax, not prose: left to right in every interface language.
            dir="ltr"
            maw={420}
            style={{ flexGrow: 1 }}
          />
        </Group>
        <Button type="submit" mt="md">
          {t("councilReports.preview")}
        </Button>
      </form>
      {requested === null ? null : report.isFetching ? (
        <Loading label={t("councilReports.preparingPreview")} />
      ) : report.isError ? (
        periodError ? null : (
          <ErrorNotice error={report.error} onRetry={() => void report.refetch()} />
        )
      ) : report.data ? (
        <PreviewResult
          key={`${requested.lang}|${requested.period ?? ""}`}
          request={requested}
          document={report.data}
        />
      ) : null}
    </Stack>
  );
}

function PreviewResult({ request, document }: { request: ReportRequest; document: ReportDocument }) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = format.languageName(document.lang);
  return (
    <Stack gap="md">
      {document.missing.length > 0 ? (
        <Alert
          variant="outline"
          // Mantine's darkest orange is below 4.5:1 on white; this one is not (WCAG AA).
          color="#a63c06"
          title={t("councilReports.missingTitle", { language })}
          className="report-missing"
        >
          <Text size="sm">{t("councilReports.missingText", { language })}</Text>
          <List size="sm" mt="xs">
            {document.missing.map((gap) => (
              <List.Item key={`${gap.template}-${gap.lang}`}>
                <code dir="ltr">{gap.template}</code>
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <DownloadButtons request={request} />
      {document.blocks.length === 0 ? <EmptyNotice>{t("councilReports.noFigures")}</EmptyNotice> : null}
      <ReportPreview document={document} />
    </Stack>
  );
}

function DownloadButtons({ request }: { request: ReportRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const download = useMutation({
    mutationFn: (fileFormat: ReportFormat) => downloadReport(fileFormat, request),
    onSuccess: (file) => announce(t("councilReports.downloaded", { file })),
  });
  const labels: Record<ReportFormat, string> = {
    docx: t("councilReports.word"),
    pdf: t("councilReports.pdf"),
  };
  const description = request.period
    ? t("councilReports.downloadScope", {
        language: format.languageName(request.lang),
        period: request.period,
      })
    : t("councilReports.downloadScopeAll", { language: format.languageName(request.lang) });
  const busy = download.isPending;
  return (
    <div role="group" aria-labelledby="report-download-label" aria-describedby="report-download-scope">
      <Text id="report-download-label" fw={600}>
        {t("councilReports.download")}
      </Text>
      <Text id="report-download-scope" size="sm" c="dimmed">
        {description}
      </Text>
      <Group gap="sm" mt="xs">
        {(["docx", "pdf"] as const).map((fileFormat) => (
          <Button
            key={fileFormat}
            variant="default"
            // Stays focusable while a file is prepared (a disabled button would drop the focus).
            aria-disabled={busy || undefined}
            data-disabled={busy || undefined}
            leftSection={
              busy && download.variables === fileFormat ? <Loader size="xs" aria-hidden="true" /> : undefined
            }
            onClick={() => {
              if (!busy) download.mutate(fileFormat);
            }}
          >
            {labels[fileFormat]}
          </Button>
        ))}
      </Group>
      <Text role="status" size="sm" mt="xs" className="report-download-status">
        {busy && download.variables
          ? t("councilReports.preparingFile", { format: labels[download.variables] })
          : ""}
      </Text>
      {download.isError ? (
        <ErrorNotice
          error={download.error}
          title={t("councilReports.downloadFailed")}
          onRetry={download.variables ? () => download.mutate(download.variables) : undefined}
        />
      ) : null}
    </div>
  );
}
