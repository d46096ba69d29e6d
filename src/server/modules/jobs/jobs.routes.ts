import type { FastifyInstance } from "fastify";
import { Job } from "#shared/jobs.ts";
import { findJob } from "../../core/jobs.ts";
import { IdParams, router } from "../../core/routes.ts";

export function jobsRoutes(app: FastifyInstance) {
  router(app).get(
    "/api/v1/jobs/:id",
    {
      schema: {
        tags: ["jobs"],
        summary: "A background job's state and progress (its requester's, or any for administrators)",
        params: IdParams,
        response: { 200: Job },
      },
    },
    (req) => findJob(req.ctx, req.params.id),
  );
}
