import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  AddFocalPointInput,
  Area,
  AreaComparison,
  AreaListQuery,
  AreaRevision,
  CreateAreaInput,
  EndFocalPointInput,
  UpdateAreaInput,
} from "#shared/areas.ts";
import { IsoDate } from "#shared/dates.ts";
import { Language } from "#shared/languages.ts";
import { encodeTable, SPREADSHEET_TYPES } from "../../core/spreadsheet.ts";
import { IdParams, router } from "../../core/routes.ts";
import {
  addFocalPoint,
  areasAnnex,
  compareAreas,
  createArea,
  endFocalPoint,
  getArea,
  listAreas,
  listRevisions,
  updateArea,
} from "./areas.service.ts";

const tags = ["areas of common interest"];

export function areasRoutes(app: FastifyInstance) {
  const r = router(app);
  r.get(
    "/api/v1/areas",
    {
      schema: {
        tags,
        summary: "The list of areas of common interest, now or as it stood at the end of a day",
        querystring: AreaListQuery,
        response: { 200: z.object({ entries: z.array(Area) }) },
      },
    },
    (req) => listAreas(req.ctx, req.query),
  );
  r.get(
    "/api/v1/areas/compare",
    {
      schema: {
        tags,
        summary: "What changed in the list between two dates",
        querystring: z.object({ from: IsoDate, to: IsoDate }),
        response: { 200: AreaComparison },
      },
    },
    (req) => compareAreas(req.ctx, req.query.from, req.query.to),
  );
  r.get(
    "/api/v1/areas/export.:format",
    {
      schema: {
        tags,
        summary: "The list as the table annexed to a Council report (csv: UTF-8 RFC 4180; xlsx)",
        params: z.object({ format: z.enum(["csv", "xlsx"]) }),
        querystring: z.object({ asOf: IsoDate.optional(), lang: Language.default("en") }),
      },
    },
    async (req, reply) => {
      const table = await areasAnnex(req.ctx, req.query);
      return reply
        .type(SPREADSHEET_TYPES[req.params.format])
        .header("content-disposition", `attachment; filename="${table.name}.${req.params.format}"`)
        .send(await encodeTable(table, req.params.format));
    },
  );
  r.post(
    "/api/v1/areas",
    { schema: { tags, summary: "Add an area to the list", body: CreateAreaInput, response: { 201: Area } } },
    async (req, reply) => reply.status(201).send(await createArea(req.ctx, req.body)),
  );
  r.get(
    "/api/v1/areas/:id",
    { schema: { tags, summary: "An area by id or slug", params: IdParams, response: { 200: Area } } },
    (req) => getArea(req.ctx, req.params.id),
  );
  r.patch(
    "/api/v1/areas/:id",
    {
      schema: {
        tags,
        summary: "Change an area (a new revision, with the reason)",
        params: IdParams,
        body: UpdateAreaInput,
        response: { 200: Area },
      },
    },
    (req) => updateArea(req.ctx, req.params.id, req.body),
  );
  r.get(
    "/api/v1/areas/:id/revisions",
    {
      schema: {
        tags,
        summary: "Every revision of an area: who, when, why, and the area as it was",
        params: IdParams,
        response: { 200: z.object({ entries: z.array(AreaRevision) }) },
      },
    },
    (req) => listRevisions(req.ctx, req.params.id),
  );
  r.post(
    "/api/v1/areas/:id/focal-points",
    {
      schema: {
        tags,
        summary: "Name a focal point for one of the area's units",
        params: IdParams,
        body: AddFocalPointInput,
        response: { 201: Area },
      },
    },
    async (req, reply) => reply.status(201).send(await addFocalPoint(req.ctx, req.params.id, req.body)),
  );
  r.post(
    "/api/v1/areas/:id/focal-points/:focalPointId/end",
    {
      schema: {
        tags,
        summary: "End a focal point's term",
        params: IdParams.extend({ focalPointId: z.uuid() }),
        body: EndFocalPointInput,
        response: { 200: Area },
      },
    },
    (req) => endFocalPoint(req.ctx, req.params.id, req.params.focalPointId, req.body),
  );
}
