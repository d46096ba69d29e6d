import { and, asc, eq, gt, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Visibility } from "#shared/access.ts";
import type { Executor } from "../../db/client.ts";
import { updateIfVersion } from "../../db/versioned.ts";
import { unit } from "../../db/schema/organization.ts";

export type UnitRow = typeof unit.$inferSelect;
export type NewUnitRow = typeof unit.$inferInsert;

export function unitById(db: Executor, id: string): Promise<UnitRow | undefined> {
  return db
    .select()
    .from(unit)
    .where(eq(unit.id, id))
    .limit(1)
    .then((rows) => rows[0]);
}

export function unitByCode(db: Executor, code: string): Promise<UnitRow | undefined> {
  return db
    .select()
    .from(unit)
    .where(eq(unit.code, code))
    .limit(1)
    .then((rows) => rows[0]);
}

export async function unitsByCodes(db: Executor, codes: readonly string[]): Promise<UnitRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(unit)
    .where(inArray(unit.code, [...codes]));
}

export async function unitsByIds(db: Executor, ids: readonly string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(unit)
    .where(inArray(unit.id, [...ids]));
}

export interface UnitFilter {
  asOf: string | null;
  parentId?: string | null;
  kind?: string;
  visibilities: Visibility[];
  restrictedUnits: "all" | string[];
  afterCode: string | null;
  limit: number;
}

export function listUnitRows(db: Executor, filter: UnitFilter): Promise<UnitRow[]> {
  const conditions: (SQL | undefined)[] = [inArray(unit.visibility, filter.visibilities)];
  if (filter.restrictedUnits !== "all") {
    conditions.push(
      filter.restrictedUnits.length > 0
        ? or(sql`${unit.visibility} <> 'restricted'`, inArray(unit.id, filter.restrictedUnits))
        : sql`${unit.visibility} <> 'restricted'`,
    );
  }
  if (filter.asOf) {
    conditions.push(lte(unit.validFrom, filter.asOf));
    conditions.push(or(isNull(unit.validTo), sql`${unit.validTo} >= ${filter.asOf}`));
  }
  if (filter.parentId !== undefined) {
    conditions.push(filter.parentId === null ? isNull(unit.parentId) : eq(unit.parentId, filter.parentId));
  }
  if (filter.kind) conditions.push(eq(unit.kind, filter.kind));
  if (filter.afterCode) conditions.push(gt(unit.code, filter.afterCode));
  return db
    .select()
    .from(unit)
    .where(and(...conditions))
    .orderBy(asc(unit.code))
    .limit(filter.limit + 1);
}

export async function insertUnit(db: Executor, row: NewUnitRow): Promise<UnitRow> {
  const [created] = await db.insert(unit).values(row).returning();
  return created!;
}

/** Updates only if the stored version is the one the caller read; undefined means stale or gone. */
export function updateUnitIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<NewUnitRow>,
  now: string,
) {
  return updateIfVersion(db, unit, id, version, changes, now);
}

export async function openChildrenOn(db: Executor, id: string, day: string): Promise<UnitRow[]> {
  return db
    .select()
    .from(unit)
    .where(and(eq(unit.parentId, id), or(isNull(unit.validTo), sql`${unit.validTo} > ${day}`)));
}

/** True when `candidateId` is `unitId` or lies below it: making it the parent would close a loop. */
export async function isSelfOrDescendant(
  db: Executor,
  unitId: string,
  candidateId: string,
): Promise<boolean> {
  const result = (await db.execute(sql`
    with recursive down(id) as (
      select ${unitId}::uuid
      union
      select u.id from unit u join down on u.parent_id = down.id
    ) select 1 as hit from down where id = ${candidateId}::uuid limit 1`)) as unknown as { rows: unknown[] };
  return result.rows.length > 0;
}
