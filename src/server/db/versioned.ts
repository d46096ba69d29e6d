import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./client.ts";

/** A table with the record columns every table carries (see schema/columns.ts). */
type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * The one optimistic-concurrency write: change the row only if its stored version is the one the
 * caller read, bump the version, stamp the time. Undefined means stale or gone (the caller's 409).
 */
export async function updateIfVersion<T extends VersionedTable>(
  db: Executor,
  table: T,
  id: string,
  version: number,
  changes: Partial<T["$inferInsert"]> & Record<string, unknown>,
  now: string,
  also: Record<string, SQL> = {},
): Promise<T["$inferSelect"] | undefined> {
  const rows = (await db
    .update(table)
    .set({ ...changes, ...also, updatedAt: now, version: sql`${table.version} + 1` } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning()) as T["$inferSelect"][];
  return rows[0];
}
