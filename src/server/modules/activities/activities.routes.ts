import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  Activity,
  ActivityListQuery,
  CreateActivityInput,
  TagActivityInput,
  UpdateActivityInput,
} from "#shared/activities.ts";
import { AuditEvent } from "#shared/audit.ts";
import { ImportReport } from "#shared/transfer.ts";
import { PageQuery, pageOf } from "#shared/pagination.ts";
import { IdParams, router } from "../../core/routes.ts";
import { exportActivities, importActivities, readActivityFile } from "./activities.transfer.ts";
import { encodeTable, FILE_TYPES, formatOfContentType, tableToJson } from "../../core/spreadsheet.ts";
import { historyOf } from "../audit/audit.service.ts";
import {
  createActivity,
  findActivity,
  getActivity,
  listActivities,
  tagActivity,
  updateActivity,
} from "./activities.service.ts";

const tags = ["activities"];

export function activitiesRoutes(app: FastifyInstance) {
  const r = router(app);
  r.get(
    "/api/v1/activities/export.:format",
    {
      schema: {
        tags,
        summary: "Every readable activity in the exchange format (columns ref, unit, type, … currency)",
        params: z.object({ format: z.enum(["csv", "xlsx", "json"]) }),
      },
    },
    async (req, reply) => {
      const table = await exportActivities(req.ctx);
      const { format } = req.params;
      const body = format === "json" ? tableToJson(table) : await encodeTable(table, format);
      return reply
        .type(FILE_TYPES[format])
        .header("content-disposition", `attachment; filename="activities.${format}"`)
        .send(body);
    },
  );
  r.post(
    "/api/v1/activities/import",
    {
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Import activities from CSV (text/csv), XLSX or JSON (array of objects): all or nothing, every error with its line and column; an existing unit:ref is updated",
        querystring: z.object({ dryRun: z.stringbool().default(false) }),
        response: { 200: ImportReport },
      },
    },
    async (req) => {
      const format = formatOfContentType(String(req.headers["content-type"] ?? ""));
      const content = Buffer.isBuffer(req.body) ? req.body : Buffer.from(JSON.stringify(req.body ?? null));
      return importActivities(req.ctx, await readActivityFile(content, format), { dryRun: req.query.dryRun });
    },
  );
  r.get(
    "/api/v1/activities",
    {
      schema: {
        tags,
        summary: "Every unit's activities, newest first; search across the six languages and filter",
        querystring: ActivityListQuery.extend(PageQuery.shape),
        response: { 200: pageOf(Activity) },
      },
    },
    (req) => listActivities(req.ctx, req.query),
  );
  r.post(
    "/api/v1/activities",
    {
      schema: {
        tags,
        summary: "Register an activity of a unit",
        body: CreateActivityInput,
        response: { 201: Activity },
      },
    },
    async (req, reply) => reply.status(201).send(await createActivity(req.ctx, req.body)),
  );
  r.get(
    "/api/v1/activities/:id",
    { schema: { tags, summary: "An activity", params: IdParams, response: { 200: Activity } } },
    (req) => getActivity(req.ctx, req.params.id),
  );
  r.patch(
    "/api/v1/activities/:id",
    {
      schema: {
        tags,
        summary: "Change an activity",
        params: IdParams,
        body: UpdateActivityInput,
        response: { 200: Activity },
      },
    },
    (req) => updateActivity(req.ctx, req.params.id, req.body),
  );
  r.put(
    "/api/v1/activities/:id/areas",
    {
      schema: {
        tags,
        summary: "Set the areas an activity serves (its unit's editors, or the areas' focal points)",
        params: IdParams,
        body: TagActivityInput,
        response: { 200: Activity },
      },
    },
    (req) => tagActivity(req.ctx, req.params.id, req.body),
  );
  r.get(
    "/api/v1/activities/:id/history",
    {
      schema: {
        tags,
        summary: "The audit trail of one activity",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    async (req) => {
      const found = await findActivity(req.ctx, req.params.id);
      return historyOf(req.ctx, "activity", found.id, req.query.cursor, req.query.limit);
    },
  );
}
