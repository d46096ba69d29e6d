import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe } from "vitest";
import { buildApp } from "#server/app.ts";
import { loadConfig } from "#server/config.ts";
import type { Clock } from "#server/core/clock.ts";
import type { Database } from "#server/db/client.ts";
import { type DatabaseKind, databaseKinds, freshDatabase } from "./databases.ts";
import { factories } from "./factories.ts";

export interface TestEnv {
  kind: DatabaseKind;
  database: Database;
  app: FastifyInstance;
  make: ReturnType<typeof factories>;
}

/**
 * Runs the same suite once per database (PGlite, then PostgreSQL), each on a fresh copy of the
 * migrated template with the whole app built on it.
 */
export function describeOnEachDatabase(
  name: string,
  suite: (env: () => TestEnv) => void,
  options: { clock?: Clock; env?: Record<string, string> } = {},
) {
  for (const kind of databaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let env: TestEnv | undefined;
      beforeAll(async () => {
        const database = await freshDatabase(kind);
        const app = await buildApp({ config: loadConfig(options.env ?? {}), database, clock: options.clock });
        env = { kind, database, app, make: factories(database) };
      });
      afterAll(async () => {
        await env?.app.close();
        await env?.database.close();
      });
      suite(() => env!);
    });
  }
}
