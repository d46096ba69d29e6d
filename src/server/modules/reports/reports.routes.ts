import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { Language } from "#shared/languages.ts";
import { ReportDocument } from "#shared/report-document.ts";
import type { Ctx } from "../../core/context.ts";
import { fail } from "../../core/errors.ts";
import { router } from "../../core/routes.ts";
import { DOCUMENT_TYPES } from "../../core/documents/document-types.ts";
import { reportToDocx } from "../../core/documents/report-docx.ts";
import { reportToPdf } from "../../core/documents/report-pdf.ts";
import { draftSupportServices, parseReportPeriod } from "./support-services.ts";

const tags = ["reports"];

const ReportQuery = z.object({
  lang: Language.optional(),
  /** `2016-03..2017-02`, `2016..2017` or full dates; all the figures cover when absent. */
  period: z.string().max(40).optional(),
});

async function draft(ctx: Ctx, query: z.infer<typeof ReportQuery>) {
  if (!ctx.access.signedIn) fail("unauthenticated");
  const period = query.period ? parseReportPeriod(query.period) : undefined;
  if (period === null) fail("validation_failed", [{ field: "period", reason: "invalid_format" }]);
  return draftSupportServices(ctx, { lang: query.lang ?? ctx.lang, period });
}

export function reportsRoutes(app: FastifyInstance) {
  const r = router(app);
  r.get(
    "/api/v1/reports/support-services",
    {
      schema: {
        tags,
        summary:
          "The support-services section (S.1–S.16) drafted from the recorded figures, as a document to preview; missing translations listed",
        querystring: ReportQuery,
        response: { 200: ReportDocument },
      },
    },
    (req) => draft(req.ctx, req.query),
  );
  r.get(
    "/api/v1/reports/support-services.:format",
    {
      schema: {
        tags,
        summary: "The same report as a Word (docx) or PDF file",
        params: z.object({ format: z.enum(["docx", "pdf"]) }),
        querystring: ReportQuery,
      },
    },
    async (req, reply) => {
      const document = await draft(req.ctx, req.query);
      const { format } = req.params;
      const body = format === "pdf" ? await reportToPdf(document) : await reportToDocx(document);
      return reply
        .type(DOCUMENT_TYPES[format])
        .header("content-disposition", `attachment; filename="support-services-${document.lang}.${format}"`)
        .send(body);
    },
  );
}
