import { and, asc, desc, eq, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Visibility } from "#shared/access.ts";
import type { Executor } from "../../db/client.ts";
import { updateIfVersion } from "../../db/versioned.ts";
import { area, areaFocalPoint, areaMandate, areaParticipant, areaRevision } from "../../db/schema/areas.ts";
import { person, unit } from "../../db/schema/organization.ts";

export type AreaRow = typeof area.$inferSelect;
export type NewAreaRow = typeof area.$inferInsert;
export type FocalPointRow = typeof areaFocalPoint.$inferSelect & { personName: string; unitCode: string };

export function areaById(db: Executor, id: string): Promise<AreaRow | undefined> {
  return db
    .select()
    .from(area)
    .where(eq(area.id, id))
    .limit(1)
    .then((rows) => rows[0]);
}

export function areaBySlug(db: Executor, slug: string): Promise<AreaRow | undefined> {
  return db
    .select()
    .from(area)
    .where(eq(area.slug, slug))
    .limit(1)
    .then((rows) => rows[0]);
}

export function listAreaRows(
  db: Executor,
  filter: { visibilities: Visibility[]; status?: string },
): Promise<AreaRow[]> {
  const conditions: (SQL | undefined)[] = [inArray(area.visibility, filter.visibilities)];
  if (filter.status) conditions.push(eq(area.status, filter.status));
  return db
    .select()
    .from(area)
    .where(and(...conditions))
    .orderBy(asc(area.slug));
}

export async function insertArea(db: Executor, row: NewAreaRow): Promise<AreaRow> {
  const [created] = await db.insert(area).values(row).returning();
  return created!;
}

/** Every change bumps both the optimistic-concurrency version and the list revision. */
export function updateAreaIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<NewAreaRow>,
  now: string,
) {
  return updateIfVersion(db, area, id, version, changes, now, { revision: sql`${area.revision} + 1` });
}

export async function replaceParticipants(db: Executor, areaId: string, unitIds: readonly string[]) {
  await db.delete(areaParticipant).where(eq(areaParticipant.areaId, areaId));
  if (unitIds.length) await db.insert(areaParticipant).values(unitIds.map((unitId) => ({ areaId, unitId })));
}

export async function replaceMandates(db: Executor, areaId: string, mandateIds: readonly string[]) {
  await db.delete(areaMandate).where(eq(areaMandate.areaId, areaId));
  if (mandateIds.length)
    await db.insert(areaMandate).values(mandateIds.map((mandateId) => ({ areaId, mandateId })));
}

export async function participantsOf(db: Executor, areaIds: readonly string[]) {
  if (areaIds.length === 0) return [];
  return db
    .select({ areaId: areaParticipant.areaId, unitId: unit.id, unitCode: unit.code })
    .from(areaParticipant)
    .innerJoin(unit, eq(unit.id, areaParticipant.unitId))
    .where(inArray(areaParticipant.areaId, [...areaIds]))
    .orderBy(asc(unit.code));
}

export async function mandateLinksOf(db: Executor, areaIds: readonly string[]) {
  if (areaIds.length === 0) return [];
  return db
    .select({ areaId: areaMandate.areaId, mandateId: areaMandate.mandateId })
    .from(areaMandate)
    .where(inArray(areaMandate.areaId, [...areaIds]));
}

export async function focalPointsOf(db: Executor, areaIds: readonly string[]): Promise<FocalPointRow[]> {
  if (areaIds.length === 0) return [];
  const rows = await db
    .select({ focalPoint: areaFocalPoint, personName: person.name, unitCode: unit.code })
    .from(areaFocalPoint)
    .innerJoin(person, eq(person.id, areaFocalPoint.personId))
    .innerJoin(unit, eq(unit.id, areaFocalPoint.unitId))
    .where(inArray(areaFocalPoint.areaId, [...areaIds]))
    .orderBy(asc(unit.code), asc(areaFocalPoint.validFrom));
  return rows.map((r) => ({ ...r.focalPoint, personName: r.personName, unitCode: r.unitCode }));
}

export async function insertFocalPoint(db: Executor, row: typeof areaFocalPoint.$inferInsert) {
  const [created] = await db.insert(areaFocalPoint).values(row).returning();
  return created!;
}

export function focalPointById(db: Executor, id: string) {
  return db
    .select()
    .from(areaFocalPoint)
    .where(eq(areaFocalPoint.id, id))
    .limit(1)
    .then((rows) => rows[0]);
}

export function endFocalPointIfVersion(
  db: Executor,
  id: string,
  version: number,
  validTo: string,
  now: string,
) {
  return updateIfVersion(db, areaFocalPoint, id, version, { validTo }, now);
}

export async function insertRevision(db: Executor, row: typeof areaRevision.$inferInsert) {
  await db.insert(areaRevision).values(row);
}

export function revisionsOf(db: Executor, areaId: string) {
  return db
    .select({ revision: areaRevision, actorName: person.name })
    .from(areaRevision)
    .leftJoin(person, eq(person.id, areaRevision.actorId))
    .where(eq(areaRevision.areaId, areaId))
    .orderBy(desc(areaRevision.revision));
}

/** The latest snapshot of every area changed before `instant`: the list as it stood then. */
export async function snapshotsBefore(db: Executor, instant: string): Promise<unknown[]> {
  const rows = await db
    .selectDistinctOn([areaRevision.areaId], { snapshot: areaRevision.snapshot })
    .from(areaRevision)
    .where(lt(areaRevision.changedAt, instant))
    .orderBy(areaRevision.areaId, desc(areaRevision.revision));
  return rows.map((r) => r.snapshot);
}

export async function areasBySlugs(db: Executor, slugs: readonly string[]): Promise<AreaRow[]> {
  if (slugs.length === 0) return [];
  return db
    .select()
    .from(area)
    .where(inArray(area.slug, [...slugs]));
}

/** Areas of which the person is a focal point on this day. */
export async function areaIdsWithFocalPoint(db: Executor, personId: string, day: string): Promise<string[]> {
  const rows = await db
    .select({ areaId: areaFocalPoint.areaId })
    .from(areaFocalPoint)
    .where(
      and(
        eq(areaFocalPoint.personId, personId),
        sql`${areaFocalPoint.validFrom} <= ${day}`,
        sql`(${areaFocalPoint.validTo} is null or ${areaFocalPoint.validTo} >= ${day})`,
      ),
    );
  return rows.map((r) => r.areaId);
}
