import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AuditEvent } from "#shared/audit.ts";
import {
  CreateDocumentInput,
  Document,
  DocumentListQuery,
  DocumentWithCitations,
  UpdateDocumentInput,
} from "#shared/documents.ts";
import { PageQuery, pageOf } from "#shared/pagination.ts";
import { ImportReport } from "#shared/transfer.ts";
import { encodeTable, FILE_TYPES, formatOfContentType } from "../../core/spreadsheet.ts";
import { IdParams, router } from "../../core/routes.ts";
import { historyOf } from "../audit/audit.service.ts";
import {
  deleteDocument,
  getDocument,
  listDocuments,
  registerDocument,
  updateDocument,
} from "./documents.service.ts";
import { exportDocuments, importDocuments, readDocumentFile } from "./documents.transfer.ts";

const tags = ["documents"];

export function documentsRoutes(app: FastifyInstance) {
  const r = router(app);
  r.get(
    "/api/v1/documents",
    {
      schema: {
        tags,
        summary:
          "The documents register, in symbol order; search by words of the title or part of the symbol",
        querystring: DocumentListQuery.extend(PageQuery.shape),
        response: { 200: pageOf(Document) },
      },
    },
    (req) => listDocuments(req.ctx, req.query),
  );
  r.post(
    "/api/v1/documents",
    {
      schema: {
        tags,
        summary: "Register a document by its symbol",
        body: CreateDocumentInput,
        response: { 201: DocumentWithCitations },
      },
    },
    async (req, reply) => reply.status(201).send(await registerDocument(req.ctx, req.body)),
  );
  r.get(
    "/api/v1/documents/export.:format",
    {
      schema: {
        tags,
        summary: "The whole register in the exchange format: symbol, title_ar … title_es, … link",
        params: z.object({ format: z.enum(["csv", "xlsx"]) }),
      },
    },
    async (req, reply) => {
      const table = await exportDocuments(req.ctx);
      return reply
        .type(FILE_TYPES[req.params.format])
        .header("content-disposition", `attachment; filename="documents.${req.params.format}"`)
        .send(await encodeTable(table, req.params.format));
    },
  );
  r.post(
    "/api/v1/documents/import",
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Register documents from CSV (text/csv) or XLSX, updating those already registered: all or nothing, every error with its line and column",
        querystring: z.object({ dryRun: z.stringbool().default(false) }),
        response: { 200: ImportReport },
      },
    },
    async (req) => {
      const format = formatOfContentType(String(req.headers["content-type"] ?? ""));
      const content = Buffer.isBuffer(req.body) ? req.body : Buffer.from(JSON.stringify(req.body ?? null));
      return importDocuments(req.ctx, await readDocumentFile(content, format), { dryRun: req.query.dryRun });
    },
  );
  r.get(
    "/api/v1/documents/:id",
    {
      schema: {
        tags,
        summary: "A document, with the agenda items and figures that cite it",
        params: IdParams,
        response: { 200: DocumentWithCitations },
      },
    },
    (req) => getDocument(req.ctx, req.params.id),
  );
  r.patch(
    "/api/v1/documents/:id",
    {
      schema: {
        tags,
        summary: "Correct a registered document",
        params: IdParams,
        body: UpdateDocumentInput,
        response: { 200: DocumentWithCitations },
      },
    },
    (req) => updateDocument(req.ctx, req.params.id, req.body),
  );
  r.delete(
    "/api/v1/documents/:id",
    {
      schema: {
        tags,
        summary: "Remove a document from the register (its citations keep their symbols)",
        params: IdParams,
        querystring: z.object({ version: z.coerce.number().int().positive() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteDocument(req.ctx, req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );
  r.get(
    "/api/v1/documents/:id/history",
    {
      schema: {
        tags,
        summary: "The audit trail of one document",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    async (req) => {
      const found = await getDocument(req.ctx, req.params.id);
      return historyOf(req.ctx, "document", found.id, req.query.cursor, req.query.limit);
    },
  );
}
