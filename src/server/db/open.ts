import { resolve } from "node:path";
import type { Config } from "../config.ts";
import { type Database, openPglite, openPostgres } from "./client.ts";
import { lockDataDir } from "./lock.ts";
import { migrate } from "./migrate.ts";

/**
 * Opens the configured database for one purpose (`serve`, `backup`, …): PGlite under its
 * data-directory lock, or PostgreSQL. Migrates unless told not to. Closing also releases the lock.
 */
export async function openConfiguredDatabase(
  config: Config,
  purpose: string,
  options: { migrate?: boolean } = {},
) {
  let database: Database;
  if (config.database.kind === "pglite") {
    const dataDir = resolve(config.database.dataDir);
    const lock = lockDataDir(dataDir, purpose);
    try {
      database = await openPglite({ dataDir: `${dataDir}/pgdata` });
    } catch (error) {
      lock.release();
      throw error;
    }
    const close = database.close;
    database = {
      ...database,
      close: async () => {
        await close();
        lock.release();
      },
    };
  } else {
    database = await openPostgres(config.database.url);
  }
  if (options.migrate !== false) await migrate(database);
  return database;
}
