import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { SdgGoal, SdgTarget } from "#shared/sdg.ts";
import { router } from "../../core/routes.ts";
import { listSdgGoals, listSdgTargets } from "./sdg.service.ts";

const tags = ["reference data"];

/** Public reference data: the UN's own texts, readable without an account. */
export function sdgRoutes(app: FastifyInstance) {
  const r = router(app);
  r.get(
    "/api/v1/sdg/goals",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "The 17 Sustainable Development Goals in six languages",
        response: { 200: z.object({ entries: z.array(SdgGoal) }) },
      },
    },
    async (_req, reply) =>
      reply.header("cache-control", "public, max-age=86400").send({ entries: listSdgGoals() }),
  );
  r.get(
    "/api/v1/sdg/targets",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "The 169 SDG targets in six languages, optionally of one goal",
        querystring: z.object({
          goal: z
            .string()
            .regex(/^(1[0-7]|[1-9])$/)
            .optional(),
        }),
        response: { 200: z.object({ entries: z.array(SdgTarget) }) },
      },
    },
    async (req, reply) =>
      reply
        .header("cache-control", "public, max-age=86400")
        .send({ entries: listSdgTargets(req.query.goal) }),
  );
}
