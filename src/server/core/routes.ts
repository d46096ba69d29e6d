import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

/** The Fastify instance as route files see it: zod schemas in, typed requests out. */
export function router(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

export const IdParams = z.object({ id: z.string().min(1).max(100) });
