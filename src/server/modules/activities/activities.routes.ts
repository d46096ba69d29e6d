import type { FastifyInstance } from "fastify";
import {
  Activity,
  ActivityListQuery,
  CreateActivityInput,
  TagActivityInput,
  UpdateActivityInput,
} from "#shared/activities.ts";
import { AuditEvent } from "#shared/audit.ts";
import { PageQuery, pageOf } from "#shared/pagination.ts";
import { IdParams, router } from "../../core/routes.ts";
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
