import { useQuery } from "@tanstack/react-query";
import type { ErrorCode, FieldProblem } from "#shared/errors.ts";
import type { Language } from "#shared/languages.ts";
import type { ReportDocument } from "#shared/report-document.ts";
import { ApiError, api, apiPath } from "../../api/client.ts";
import { currentLanguage } from "../../i18n/i18n.ts";

/** What a report is drawn for: its language and, optionally, a period (`2016-03..2017-02`). */
export interface ReportRequest {
  lang: Language;
  period?: string;
}

export type ReportFormat = "docx" | "pdf";

const REPORT_PATH = "/reports/support-services";

export function useSupportServicesReport(request: ReportRequest | null) {
  return useQuery({
    queryKey: ["report", "support-services", request?.lang ?? null, request?.period ?? null],
    queryFn: () => api.get<ReportDocument>(REPORT_PATH, { lang: request?.lang, period: request?.period }),
    enabled: request !== null,
    // The draft follows the recorded figures; a reader coming back wants the current ones.
    staleTime: 0,
  });
}

function fileNameOf(disposition: string | null): string | null {
  const match = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  return match?.[1] ?? null;
}

async function errorOf(response: Response): Promise<ApiError> {
  const payload: unknown = await response.json().catch(() => null);
  const error = (
    payload as { error?: { code?: ErrorCode; message?: string; details?: FieldProblem[] } } | null
  )?.error;
  return new ApiError(
    response.status,
    error?.code ?? "internal",
    error?.message ?? response.statusText,
    Array.isArray(error?.details) ? error.details : [],
  );
}

/**
 * Fetches the report as a file and hands it to the browser as a download; returns the file's name.
 * Fetched rather than linked so that a refusal (an expired session, a bad period, a failed
 * rendering) is shown on the page instead of being saved as a file of JSON, and so the buttons can
 * say that a file is being prepared (a PDF takes a few seconds to typeset).
 */
export async function downloadReport(format: ReportFormat, request: ReportRequest): Promise<string> {
  let response: Response;
  try {
    response = await fetch(
      apiPath(`${REPORT_PATH}.${format}`, { lang: request.lang, period: request.period }),
      {
        credentials: "same-origin",
        headers: { "accept-language": currentLanguage() },
      },
    );
  } catch {
    throw new ApiError(0, "network", "");
  }
  if (!response.ok) throw await errorOf(response);
  const blob = await response.blob();
  const name =
    fileNameOf(response.headers.get("content-disposition")) ?? `support-services-${request.lang}.${format}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob only after the click has returned: release it later, not at once.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
