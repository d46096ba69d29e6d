import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { type Database, openPglite, openPostgres } from "#server/db/client.ts";

export type DatabaseKind = "pglite" | "postgresql";
export const TEMPLATE_DIR = join(process.cwd(), ".tmp");

export function testPostgresUrl(database?: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
  if (database) url.pathname = `/${database}`;
  return url.toString();
}

export function postgresAdminUrl(): string {
  return testPostgresUrl();
}

/** One template per test run, named by the runner's run id so parallel runs never meet. */
export function templateDatabaseName(): string {
  return `intersect_${process.env.INTERSECT_TEST_RUN ?? "local"}_tpl`;
}

export function databaseKinds(): DatabaseKind[] {
  return process.env.INTERSECT_TEST_NO_POSTGRES === "1" ? ["pglite"] : ["pglite", "postgresql"];
}

/** A fresh, migrated database of this kind: a copy of the run's template, dropped on close. */
export async function freshDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === "pglite") {
    const tar = readFileSync(join(TEMPLATE_DIR, "pglite-template.tar"));
    return openPglite({ loadDataDir: new Blob([tar]) });
  }
  const name = `${templateDatabaseName().replace(/_tpl$/, "")}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName()}"`);
  await admin.end();
  const database = await openPostgres(testPostgresUrl(name), { max: 4 });
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      const dropper = new pg.Client({ connectionString: postgresAdminUrl() });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}
