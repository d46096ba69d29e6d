import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AuditEvent } from "#shared/audit.ts";
import { CreateMandateInput, Mandate, MandateListQuery, UpdateMandateInput } from "#shared/mandates.ts";
import { PageQuery, pageOf } from "#shared/pagination.ts";
import { IdParams, router } from "../../core/routes.ts";
import { historyOf } from "../audit/audit.service.ts";
import { createMandate, findMandate, listMandates, toMandate, updateMandate } from "./mandates.service.ts";

const tags = ["mandates"];

export function mandatesRoutes(app: FastifyInstance) {
  const r = router(app);
  r.get(
    "/api/v1/mandates",
    {
      schema: {
        tags,
        summary: "Resolutions, decisions and instruments that mandate the Union's work",
        querystring: MandateListQuery,
        response: { 200: z.object({ entries: z.array(Mandate) }) },
      },
    },
    (req) => listMandates(req.ctx, req.query),
  );
  r.post(
    "/api/v1/mandates",
    { schema: { tags, summary: "Record a mandate", body: CreateMandateInput, response: { 201: Mandate } } },
    async (req, reply) => reply.status(201).send(await createMandate(req.ctx, req.body)),
  );
  r.get(
    "/api/v1/mandates/:id",
    { schema: { tags, summary: "A mandate", params: IdParams, response: { 200: Mandate } } },
    async (req) => toMandate(await findMandate(req.ctx, req.params.id)),
  );
  r.patch(
    "/api/v1/mandates/:id",
    {
      schema: {
        tags,
        summary: "Change a mandate",
        params: IdParams,
        body: UpdateMandateInput,
        response: { 200: Mandate },
      },
    },
    (req) => updateMandate(req.ctx, req.params.id, req.body),
  );
  r.get(
    "/api/v1/mandates/:id/history",
    {
      schema: {
        tags,
        summary: "The audit trail of one mandate",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    async (req) => {
      const found = await findMandate(req.ctx, req.params.id);
      return historyOf(req.ctx, "mandate", found.id, req.query.cursor, req.query.limit);
    },
  );
}
