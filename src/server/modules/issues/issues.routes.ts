import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AuditEvent } from "#shared/audit.ts";
import {
  CoordinationIssue,
  EscalateIssueInput,
  EscalationLevel,
  IssueListQuery,
  RaiseIssueInput,
  ResolveIssueInput,
} from "#shared/issues.ts";
import { PageQuery, pageOf } from "#shared/pagination.ts";
import { IdParams, router } from "../../core/routes.ts";
import { historyOf } from "../audit/audit.service.ts";
import {
  escalateIssue,
  escalateOverdueIssues,
  getIssue,
  getLadder,
  listIssues,
  raiseIssue,
  resolveIssue,
} from "./issues.service.ts";

export function issuesRoutes(app: FastifyInstance) {
  const r = router(app);
  const tags = ["coordination-issues"];
  r.get(
    "/api/v1/escalation-ladder",
    {
      schema: {
        tags,
        summary: "The levels an unresolved issue moves up, with their time limits",
        response: { 200: z.object({ entries: z.array(EscalationLevel) }) },
      },
    },
    (req) => getLadder(req.ctx),
  );
  r.get(
    "/api/v1/coordination-issues",
    {
      schema: {
        tags,
        summary:
          "Coordination issues, the longest waiting at their level first; escalated=true is the chair's view",
        querystring: IssueListQuery.extend(PageQuery.shape),
        response: { 200: pageOf(CoordinationIssue) },
      },
    },
    (req) => listIssues(req.ctx, req.query),
  );
  r.post(
    "/api/v1/coordination-issues",
    {
      schema: {
        tags,
        summary: "A focal point raises an issue on their area",
        body: RaiseIssueInput,
        response: { 201: CoordinationIssue },
      },
    },
    async (req, reply) => reply.status(201).send(await raiseIssue(req.ctx, req.body)),
  );
  r.post(
    "/api/v1/coordination-issues/escalations",
    {
      schema: {
        tags,
        summary: "Move up every issue past its level's time limit now (the server also does it hourly)",
        response: { 200: z.object({ escalated: z.int() }) },
      },
    },
    async (req) => {
      await req.ctx.access.authorize("issue.resolve", null);
      return escalateOverdueIssues(req.ctx);
    },
  );
  r.get(
    "/api/v1/coordination-issues/:id",
    {
      schema: {
        tags,
        summary: "A coordination issue with every move",
        params: IdParams,
        response: { 200: CoordinationIssue },
      },
    },
    (req) => getIssue(req.ctx, req.params.id),
  );
  r.post(
    "/api/v1/coordination-issues/:id/escalate",
    {
      schema: {
        tags,
        summary: "Move an issue one level up the ladder",
        params: IdParams,
        body: EscalateIssueInput,
        response: { 200: CoordinationIssue },
      },
    },
    (req) => escalateIssue(req.ctx, req.params.id, req.body),
  );
  r.post(
    "/api/v1/coordination-issues/:id/resolve",
    {
      schema: {
        tags,
        summary: "Settle an issue with the decision that settled it",
        params: IdParams,
        body: ResolveIssueInput,
        response: { 200: CoordinationIssue },
      },
    },
    (req) => resolveIssue(req.ctx, req.params.id, req.body),
  );
  r.get(
    "/api/v1/coordination-issues/:id/history",
    {
      schema: {
        tags,
        summary: "The audit trail of an issue",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    async (req) => {
      const found = await getIssue(req.ctx, req.params.id);
      return historyOf(req.ctx, "coordination_issue", found.id, req.query.cursor, req.query.limit);
    },
  );
}
