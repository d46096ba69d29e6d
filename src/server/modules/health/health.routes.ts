import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { router } from "../../core/routes.ts";
import type { Database } from "../../db/client.ts";
import { ping } from "../../db/client.ts";

const Health = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["pglite", "postgresql"]),
  version: z.string(),
});

export function healthRoutes(app: FastifyInstance, database: Database, version: string) {
  router(app).get(
    "/api/health",
    {
      config: { public: true },
      schema: {
        tags: ["health"],
        summary: "200 when the database answers, 503 otherwise",
        response: { 200: Health, 503: Health },
      },
    },
    async (_req, reply) => {
      const up = await ping(database);
      if (!up) reply.header("retry-after", "5");
      return reply
        .status(up ? 200 : 503)
        .send({ status: up ? "ok" : "unavailable", database: database.kind, version });
    },
  );
}
