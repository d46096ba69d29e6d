import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AuditEvent } from "#shared/audit.ts";
import { Job } from "#shared/jobs.ts";
import {
  DecideOverlapInput,
  OverlapCandidate,
  OverlapListQuery,
  SimilarActivitiesInput,
  SimilarActivity,
} from "#shared/overlaps.ts";
import { PageQuery, pageOf } from "#shared/pagination.ts";
import { startJob } from "../../core/jobs.ts";
import { IdParams, router } from "../../core/routes.ts";
import { historyOf } from "../audit/audit.service.ts";
import { similarActivities } from "./overlap.index.ts";
import { decideOverlap, getOverlap, listOverlaps, runOverlapScan } from "./overlaps.service.ts";

const tags = ["overlaps"];

export function overlapsRoutes(app: FastifyInstance) {
  const r = router(app);
  r.get(
    "/api/v1/overlaps",
    {
      schema: {
        tags,
        summary:
          "The overlap inbox: pairs of activities of different units that look like duplicated effort, strongest first",
        querystring: OverlapListQuery.extend(PageQuery.shape),
        response: { 200: pageOf(OverlapCandidate) },
      },
    },
    (req) => listOverlaps(req.ctx, req.query),
  );
  r.post(
    "/api/v1/overlaps/scans",
    {
      schema: {
        tags,
        summary: "Scan every activity for duplicated effort, in the background; follow the job for progress",
        response: { 202: Job },
      },
    },
    async (req, reply) => {
      await req.ctx.access.authorize("overlap.scan", null);
      const { job } = await startJob(req.ctx, "overlap.scan", (progress) =>
        runOverlapScan(req.ctx, progress),
      );
      return reply.status(202).send(job);
    },
  );
  r.get(
    "/api/v1/overlaps/:id",
    {
      schema: {
        tags,
        summary: "One candidate: both activities side by side with the matching passages, and the evidence",
        params: IdParams,
        response: { 200: OverlapCandidate },
      },
    },
    (req) => getOverlap(req.ctx, req.params.id),
  );
  r.post(
    "/api/v1/overlaps/:id/decision",
    {
      schema: {
        tags,
        summary: "Confirm a candidate (with an outcome), dismiss it (with a reason), or open it again",
        params: IdParams,
        body: DecideOverlapInput,
        response: { 200: OverlapCandidate },
      },
    },
    (req) => decideOverlap(req.ctx, req.params.id, req.body),
  );
  r.get(
    "/api/v1/overlaps/:id/history",
    {
      schema: {
        tags,
        summary: "The decisions taken on one candidate",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    async (req) => {
      const found = await getOverlap(req.ctx, req.params.id);
      return historyOf(req.ctx, "overlap", found.id, req.query.cursor, req.query.limit);
    },
  );
  r.post(
    "/api/v1/activities/similar",
    {
      schema: {
        tags,
        summary: "The existing activities of other units that an activity being written most resembles",
        body: SimilarActivitiesInput,
        response: { 200: z.object({ entries: z.array(SimilarActivity) }) },
      },
    },
    (req) => similarActivities(req.ctx, req.body),
  );
}
