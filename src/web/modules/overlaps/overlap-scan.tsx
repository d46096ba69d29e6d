import { Alert, Button, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Job } from "#shared/jobs.ts";
import { Details } from "../../components/details.tsx";
import { ErrorNotice } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useJob, useStartScan } from "./overlaps.queries.ts";

/** What a scan's job reports when it has finished (see ScanSummary on the server). */
const COUNTS = ["activities", "candidates", "likely", "added", "reopened", "removed", "notified"] as const;

/** The scan this tab started, kept so that it can be followed again after leaving the page. */
const STORED_JOB = "intersect.overlapScanJob";

function storedJob(): string | null {
  try {
    return sessionStorage.getItem(STORED_JOB);
  } catch {
    return null;
  }
}

function storeJob(id: string | null) {
  try {
    if (id) sessionStorage.setItem(STORED_JOB, id);
    else sessionStorage.removeItem(STORED_JOB);
  } catch {
    // Without storage the scan is followed only while the page stays open.
  }
}

/**
 * A full scan started from the inbox and followed to its end: the job is asked again every
 * second; when it succeeds, the list is refreshed and the counts shown. A scan started before
 * leaving the page is followed again on return while it runs (its old results are not shown).
 */
export function useOverlapScan() {
  const queryClient = useQueryClient();
  const start = useStartScan();
  const [restoredId] = useState(storedJob);
  const [jobId, setJobId] = useState<string | null>(restoredId);
  const [watched, setWatched] = useState(false);
  const job = useJob(jobId);
  const current: Job | undefined = job.data ?? (start.data?.id === jobId ? start.data : undefined);
  const status = current?.status;
  const visible = jobId !== null && (jobId !== restoredId || watched);
  useEffect(() => {
    if (!jobId) return;
    if (status === "running") setWatched(true);
    if (status === "succeeded" || status === "failed" || job.isError) storeJob(null);
    // The progress region says the scan has ended; the list then shows what it found.
    if (status === "succeeded") void queryClient.invalidateQueries({ queryKey: ["overlaps"] });
  }, [jobId, status, job.isError, queryClient]);
  return {
    job: visible ? current : undefined,
    running: start.isPending || (visible && status === "running"),
    startError: start.error,
    pollError: visible ? job.error : null,
    start: () =>
      start.mutate(undefined, {
        onSuccess: (started) => {
          storeJob(started.id);
          setJobId(started.id);
        },
      }),
  };
}

export type OverlapScan = ReturnType<typeof useOverlapScan>;

export function ScanButton({ scan, label }: { scan: OverlapScan; label?: string }) {
  const { t } = useTranslation();
  return (
    <Button onClick={scan.start} loading={scan.running} variant="default">
      {label ?? t("overlaps.scanNow")}
    </Button>
  );
}

/** The scan's progress (a bar and its words, announced politely), then its counts or its error. */
export function ScanProgress({ scan }: { scan: OverlapScan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { job } = scan;
  const total = job?.total ?? null;
  const share = job && total ? Math.min(1, job.done / total) : null;
  const words = !job
    ? ""
    : job.status === "running"
      ? share === null
        ? t("overlaps.scanStarting")
        : t("overlaps.scanProgress", {
            done: format.number(job.done),
            total: format.number(total ?? 0),
            percent: format.percent(share),
          })
      : job.status === "succeeded"
        ? t("overlaps.scanDone")
        : t("overlaps.scanFailed");
  return (
    <Stack gap="xs" className="scan-panel">
      {scan.startError ? (
        <ErrorNotice error={scan.startError} title={t("overlaps.scanCouldNotStart")} />
      ) : null}
      {scan.pollError ? <ErrorNotice error={scan.pollError} /> : null}
      {job?.status === "running" ? (
        <progress
          className="scan-progress"
          aria-labelledby="scan-progress-label"
          max={total ?? undefined}
          value={total ? job.done : undefined}
        />
      ) : null}
      <Text id="scan-progress-label" aria-live="polite" className="scan-status" fw={job ? 600 : undefined}>
        {words}
      </Text>
      {job?.status === "succeeded" && job.result ? <ScanCounts result={job.result} /> : null}
      {job?.status === "failed" ? (
        <Alert color="red" variant="outline" role="alert" title={t("overlaps.scanFailed")}>
          <Text>{job.error === "interrupted" ? t("overlaps.scanInterrupted") : (job.error ?? "")}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}

function ScanCounts({ result }: { result: Record<string, unknown> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="scan-counts">
      <Details
        items={COUNTS.filter((key) => typeof result[key] === "number").map((key) => ({
          label: t(`overlaps.scanCount.${key}`),
          value: format.number(result[key] as number),
        }))}
      />
    </div>
  );
}
