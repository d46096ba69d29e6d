import { and, asc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Visibility } from "#shared/access.ts";
import type { Executor } from "../../db/client.ts";
import { updateIfVersion } from "../../db/versioned.ts";
import { mandate } from "../../db/schema/areas.ts";

export type MandateRow = typeof mandate.$inferSelect;
export type NewMandateRow = typeof mandate.$inferInsert;

export function mandateById(db: Executor, id: string): Promise<MandateRow | undefined> {
  return db
    .select()
    .from(mandate)
    .where(eq(mandate.id, id))
    .limit(1)
    .then((rows) => rows[0]);
}

export async function mandatesByIds(db: Executor, ids: readonly string[]): Promise<MandateRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(mandate)
    .where(inArray(mandate.id, [...ids]));
}

export function listMandateRows(
  db: Executor,
  filter: { source?: string; q?: string; visibilities: Visibility[] },
): Promise<MandateRow[]> {
  const conditions: (SQL | undefined)[] = [inArray(mandate.visibility, filter.visibilities)];
  if (filter.source) conditions.push(eq(mandate.source, filter.source));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(mandate.number, like), sql`${mandate.title}::text ilike ${like}`));
  }
  return db
    .select()
    .from(mandate)
    .where(and(...conditions))
    .orderBy(
      asc(mandate.source),
      asc(mandate.kind),
      sql`lpad(${mandate.number}, 10, '0')`,
      asc(mandate.year),
    );
}

export async function insertMandate(db: Executor, row: NewMandateRow): Promise<MandateRow> {
  const [created] = await db.insert(mandate).values(row).returning();
  return created!;
}

export function updateMandateIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<NewMandateRow>,
  now: string,
) {
  return updateIfVersion(db, mandate, id, version, changes, now);
}

export async function mandateByCitation(
  db: Executor,
  source: string,
  kind: string,
  number: string,
  year: number,
) {
  const rows = await db
    .select()
    .from(mandate)
    .where(
      and(
        eq(mandate.source, source),
        eq(mandate.kind, kind),
        eq(mandate.number, number),
        eq(mandate.year, year),
      ),
    );
  return rows[0];
}
