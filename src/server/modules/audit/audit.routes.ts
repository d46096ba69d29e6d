import type { FastifyInstance } from "fastify";
import { AuditEvent, AuditQuery } from "#shared/audit.ts";
import { PageQuery, pageOf } from "#shared/pagination.ts";
import { router } from "../../core/routes.ts";
import { listAuditEvents } from "./audit.service.ts";

export function auditRoutes(app: FastifyInstance) {
  router(app).get(
    "/api/v1/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "The whole audit trail, newest first (administrators and observers of the organization)",
        querystring: AuditQuery.extend(PageQuery.shape),
        response: { 200: pageOf(AuditEvent) },
      },
    },
    (req) => listAuditEvents(req.ctx, req.query),
  );
}
