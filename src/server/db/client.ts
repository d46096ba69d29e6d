import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema>;
export type Executor = Db | Tx;
export type DatabaseKind = "pglite" | "postgresql";

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Rows of a raw SQL statement, for the few places (backup, benchmarks) that need them. */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
}

/** Opens PGlite on a data directory (`memory://` for tests) or from a dumped template. */
export async function openPglite(options: {
  dataDir?: string;
  loadDataDir?: Blob | File;
}): Promise<Database> {
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm },
  });
  await client.exec("set time zone 'UTC'");
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    rows: async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows,
    close: () => client.close(),
    pglite: client,
  } as Database & { pglite: PGlite };
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  // Times leave the database in UTC whatever the server's zone, so both databases print them alike.
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, options: "-c TimeZone=UTC" });
  // An idle connection dropped by the server (restart, failover) must not bring the process down;
  // the pool replaces it and the next query reconnects.
  pool.on("error", (error) => process.stderr.write(`PostgreSQL connection lost: ${error.message}\n`));
  // Fail now, with the server's own message, rather than at the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    kind: "postgresql",
    db,
    rows: async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows,
    close: () => pool.end(),
  };
}

export async function ping(database: Database): Promise<boolean> {
  try {
    await database.db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
