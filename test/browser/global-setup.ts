import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { systemCtx } from "#server/core/context.ts";
import { openPglite } from "#server/db/client.ts";
import { migrate } from "#server/db/migrate.ts";
import { loadDemo } from "#server/demo/demo.ts";
import { TEMPLATE_DIR } from "../databases.ts";

export const DEMO_TEMPLATE = join(TEMPLATE_DIR, "browser-demo.tar");

/**
 * Loads the demo organization once per run, with its overlap scan, and dumps the database: each
 * browser test file starts its server on a copy in a second or two instead of loading it again.
 */
export default async function setup() {
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  const database = await openPglite({});
  await migrate(database);
  await loadDemo(systemCtx(database));
  const dump = await (database as unknown as { pglite: PGlite }).pglite.dumpDataDir("none");
  writeFileSync(DEMO_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}
