import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AuditEvent } from "#shared/audit.ts";
import { IsoDate } from "#shared/dates.ts";
import { splitDocumentSymbols, formatDocumentSymbol } from "#shared/document-symbols.ts";
import {
  CreateFigureInput,
  CreateFiguresInput,
  CreateMetricInput,
  Figure,
  FigureListQuery,
  MemberCategory,
  Metric,
  PeriodTotal,
  ReviewContradictionInput,
  ScopePlace,
  UpdateFigureInput,
  UpdateMetricInput,
} from "#shared/figures.ts";
import { PageQuery, pageOf } from "#shared/pagination.ts";
import { ImportReport } from "#shared/transfer.ts";
import { IdParams, router } from "../../core/routes.ts";
import { encodeTable, FILE_TYPES, formatOfContentType } from "../../core/spreadsheet.ts";
import { historyOf } from "../audit/audit.service.ts";
import {
  createFigure,
  createFigures,
  createMetric,
  deleteFigure,
  findMetric,
  getFigure,
  listFigures,
  listMetrics,
  periodTotal,
  reviewContradiction,
  toMetric,
  updateFigure,
  updateMetric,
  withdrawContradictionReview,
} from "./figures.service.ts";
import { exportFigures, importFigures, readFigureFile } from "./figures.transfer.ts";

const tags = ["service statistics"];
const CodeParams = z.object({ code: z.string().min(1).max(60) });
const PairParams = z.object({ id: z.string().min(1).max(100), otherId: z.string().min(1).max(100) });

export function figuresRoutes(app: FastifyInstance) {
  const r = router(app);
  r.get(
    "/api/v1/metrics",
    {
      schema: {
        tags,
        summary: "The metric catalogue: what the services count, in which unit, and whether periods add up",
        response: { 200: z.object({ entries: z.array(Metric) }) },
      },
    },
    (req) => listMetrics(req.ctx),
  );
  r.post(
    "/api/v1/metrics",
    {
      schema: {
        tags,
        summary: "Add a metric to the catalogue",
        body: CreateMetricInput,
        response: { 201: Metric },
      },
    },
    async (req, reply) => reply.status(201).send(await createMetric(req.ctx, req.body)),
  );
  r.get(
    "/api/v1/metrics/:code",
    {
      schema: { tags, summary: "A metric, by code or id", params: CodeParams, response: { 200: Metric } },
    },
    async (req) => toMetric(await findMetric(req.ctx, req.params.code)),
  );
  r.patch(
    "/api/v1/metrics/:code",
    {
      schema: {
        tags,
        summary: "Change a metric (its unit only while it has no figures)",
        params: CodeParams,
        body: UpdateMetricInput,
        response: { 200: Metric },
      },
    },
    (req) => updateMetric(req.ctx, req.params.code, req.body),
  );
  r.get(
    "/api/v1/metrics/:code/total",
    {
      schema: {
        tags,
        summary:
          "The total of a metric over a period in one scope: from a figure of exactly that period or figures that tile it, else why not (gaps, overlaps, not additive)",
        params: CodeParams,
        querystring: z.object({
          from: IsoDate,
          to: IsoDate,
          place: ScopePlace.optional(),
          unitCode: z.string().optional(),
          category: MemberCategory.optional(),
        }),
        response: { 200: PeriodTotal },
      },
    },
    (req) => periodTotal(req.ctx, req.params.code, req.query),
  );
  r.get(
    "/api/v1/figures",
    {
      schema: {
        tags,
        summary: "Figures as their sources state them, oldest period first, each with its contradictions",
        querystring: FigureListQuery,
        response: { 200: z.object({ entries: z.array(Figure) }) },
      },
    },
    (req) => listFigures(req.ctx, req.query),
  );
  r.post(
    "/api/v1/figures",
    { schema: { tags, summary: "Enter a figure", body: CreateFigureInput, response: { 201: Figure } } },
    async (req, reply) => reply.status(201).send(await createFigure(req.ctx, req.body)),
  );
  r.post(
    "/api/v1/figures/batch",
    {
      schema: {
        tags,
        summary:
          "Enter several figures at once (a metric's grid): all saved or none, every bad field named figures.<row>.<field>",
        body: CreateFiguresInput,
        response: { 201: z.object({ entries: z.array(Figure) }) },
      },
    },
    async (req, reply) => {
      const ids = await createFigures(req.ctx, req.body.figures);
      const all = await listFigures(req.ctx, {});
      const created = new Set(ids);
      return reply.status(201).send({ entries: all.entries.filter((f) => created.has(f.id)) });
    },
  );
  r.get(
    "/api/v1/figures/export.:format",
    {
      schema: {
        tags,
        summary: "Every figure (or one metric's) in the exchange format: metric, kind, value, … quote",
        params: z.object({ format: z.enum(["csv", "xlsx"]) }),
        querystring: z.object({ metricCode: z.string().optional() }),
      },
    },
    async (req, reply) => {
      const table = await exportFigures(req.ctx, req.query.metricCode);
      return reply
        .type(FILE_TYPES[req.params.format])
        .header("content-disposition", `attachment; filename="figures.${req.params.format}"`)
        .send(await encodeTable(table, req.params.format));
    },
  );
  r.post(
    "/api/v1/figures/import",
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Import figures from CSV (text/csv) or XLSX: all or nothing, every error with its line and column",
        querystring: z.object({ dryRun: z.stringbool().default(false) }),
        response: { 200: ImportReport },
      },
    },
    async (req) => {
      const format = formatOfContentType(String(req.headers["content-type"] ?? ""));
      const content = Buffer.isBuffer(req.body) ? req.body : Buffer.from(JSON.stringify(req.body ?? null));
      return importFigures(req.ctx, await readFigureFile(content, format), { dryRun: req.query.dryRun });
    },
  );
  r.get(
    "/api/v1/document-symbols",
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          "Reads document symbols from pasted text (C18/35, C17/INF/4, C15/38(Rev.1), CWG-FHR-8/14), splitting symbols run together",
        querystring: z.object({ text: z.string().max(2000) }),
        response: { 200: z.object({ symbols: z.array(z.string()), unreadable: z.array(z.string()) }) },
      },
    },
    (req) => {
      const { symbols, unreadable } = splitDocumentSymbols(req.query.text);
      return { symbols: symbols.map(formatDocumentSymbol), unreadable };
    },
  );
  r.get(
    "/api/v1/figures/:id",
    {
      schema: { tags, summary: "A figure", params: IdParams, response: { 200: Figure } },
    },
    (req) => getFigure(req.ctx, req.params.id),
  );
  r.put(
    "/api/v1/figures/:id",
    {
      schema: {
        tags,
        summary: "Correct a figure (the whole figure, with the version read)",
        params: IdParams,
        body: UpdateFigureInput,
        response: { 200: Figure },
      },
    },
    (req) => updateFigure(req.ctx, req.params.id, req.body),
  );
  r.delete(
    "/api/v1/figures/:id",
    {
      schema: {
        tags,
        summary: "Remove a figure entered in error (its history stays)",
        params: IdParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteFigure(req.ctx, req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );
  r.get(
    "/api/v1/figures/:id/history",
    {
      schema: {
        tags,
        summary: "The audit trail of one figure",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    async (req) => {
      await req.ctx.access.requireStaff();
      const found = await getFigure(req.ctx, req.params.id);
      return historyOf(req.ctx, "figure", found.id, req.query.cursor, req.query.limit);
    },
  );
  r.put(
    "/api/v1/figures/:id/contradictions/:otherId/review",
    {
      schema: {
        tags,
        summary: "Record why two contradicting figures both stay (for the versions of both read)",
        params: PairParams,
        body: ReviewContradictionInput,
        response: { 200: Figure },
      },
    },
    (req) => reviewContradiction(req.ctx, req.params.id, req.params.otherId, req.body),
  );
  r.delete(
    "/api/v1/figures/:id/contradictions/:otherId/review",
    {
      schema: {
        tags,
        summary: "Take a contradiction's review back: the pair is flagged for review again",
        params: PairParams,
        response: { 200: Figure },
      },
    },
    (req) => withdrawContradictionReview(req.ctx, req.params.id, req.params.otherId),
  );
}
