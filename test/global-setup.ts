import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openPglite, openPostgres } from "#server/db/client.ts";
import { migrate } from "#server/db/migrate.ts";
import { postgresAdminUrl, TEMPLATE_DIR, templateDatabaseName, testPostgresUrl } from "./databases.ts";

/**
 * Migrates once per run: a PGlite data directory dumped to a file, and a PostgreSQL template
 * database. Every test file then starts from a copy, in milliseconds instead of seconds.
 */
export default async function setup() {
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  const lite = await openPglite({});
  await migrate(lite);
  const dump = await (lite as unknown as { pglite: PGlite }).pglite.dumpDataDir("none");
  writeFileSync(join(TEMPLATE_DIR, "pglite-template.tar"), Buffer.from(await dump.arrayBuffer()));
  await lite.close();

  const name = templateDatabaseName();
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  try {
    await admin.connect();
  } catch (error) {
    if (process.env.CI === "true")
      throw new Error(`PostgreSQL is required under CI=true: ${testPostgresUrl()}`, { cause: error });
    console.warn(`PostgreSQL not reachable at ${testPostgresUrl()}; PostgreSQL tests will be skipped.`);
    process.env.INTERSECT_TEST_NO_POSTGRES = "1";
    return async () => {};
  }
  await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const database = await openPostgres(testPostgresUrl(name), { max: 1 });
  await migrate(database);
  await database.close();
  await admin.end();
  return async () => {
    const cleanup = new pg.Client({ connectionString: postgresAdminUrl() });
    await cleanup.connect();
    const stale = await cleanup.query(`select datname from pg_database where datname like $1`, [
      `${name.replace(/_tpl$/, "")}%`,
    ]);
    for (const row of stale.rows as { datname: string }[]) {
      await cleanup.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    }
    await cleanup.end();
  };
}
