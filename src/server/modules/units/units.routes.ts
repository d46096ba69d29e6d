import type { FastifyInstance } from "fastify";
import { AuditEvent } from "#shared/audit.ts";
import {
  CreateUnitInput,
  DeactivateInput,
  Unit,
  UnitListQuery,
  UpdateUnitInput,
} from "#shared/organization.ts";
import { PageQuery, pageOf } from "#shared/pagination.ts";
import { IdParams, router } from "../../core/routes.ts";
import { historyOf } from "../audit/audit.service.ts";
import { closeUnit, createUnit, findUnit, getUnit, listUnits, updateUnit } from "./units.service.ts";

const tags = ["organization"];

export function unitsRoutes(app: FastifyInstance) {
  const r = router(app);
  r.get(
    "/api/v1/units",
    {
      schema: {
        tags,
        summary: "Units of the organization as of a date (today by default), ordered by code",
        querystring: UnitListQuery.extend(PageQuery.shape),
        response: { 200: pageOf(Unit) },
      },
    },
    (req) => listUnits(req.ctx, req.query),
  );
  r.post(
    "/api/v1/units",
    { schema: { tags, summary: "Create a unit", body: CreateUnitInput, response: { 201: Unit } } },
    async (req, reply) => reply.status(201).send(await createUnit(req.ctx, req.body)),
  );
  r.get(
    "/api/v1/units/:id",
    { schema: { tags, summary: "A unit by id or code", params: IdParams, response: { 200: Unit } } },
    (req) => getUnit(req.ctx, req.params.id),
  );
  r.patch(
    "/api/v1/units/:id",
    {
      schema: {
        tags,
        summary: "Change a unit (names the version read)",
        params: IdParams,
        body: UpdateUnitInput,
        response: { 200: Unit },
      },
    },
    (req) => updateUnit(req.ctx, req.params.id, req.body),
  );
  r.post(
    "/api/v1/units/:id/close",
    {
      schema: {
        tags,
        summary: "Close a unit on a date",
        params: IdParams,
        body: DeactivateInput,
        response: { 200: Unit },
      },
    },
    (req) => closeUnit(req.ctx, req.params.id, req.body),
  );
  r.get(
    "/api/v1/units/:id/history",
    {
      schema: {
        tags,
        summary: "The audit trail of one unit",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    async (req) => {
      const unit = await findUnit(req.ctx, req.params.id);
      return historyOf(req.ctx, "unit", unit.id, req.query.cursor, req.query.limit);
    },
  );
}
