import { and, desc, eq, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { Visibility } from "#shared/access.ts";
import type { Executor } from "../../db/client.ts";
import { updateIfVersion } from "../../db/versioned.ts";
import { activity, activityArea } from "../../db/schema/activities.ts";
import { area } from "../../db/schema/areas.ts";
import { unit } from "../../db/schema/organization.ts";
import { descendantsOrSelfByCode } from "../../core/access.ts";
import { HAN } from "../../core/text.ts";

export type ActivityRow = typeof activity.$inferSelect & { unitCode: string };
export type NewActivityRow = typeof activity.$inferInsert;

const withUnit = { activity, unitCode: unit.code };
const flatten = (rows: { activity: typeof activity.$inferSelect; unitCode: string }[]): ActivityRow[] =>
  rows.map((r) => ({ ...r.activity, unitCode: r.unitCode }));

export async function activityById(db: Executor, id: string): Promise<ActivityRow | undefined> {
  const rows = await db
    .select(withUnit)
    .from(activity)
    .innerJoin(unit, eq(unit.id, activity.unitId))
    .where(eq(activity.id, id));
  return flatten(rows)[0];
}

export async function activityByRef(
  db: Executor,
  unitId: string,
  ref: string,
): Promise<ActivityRow | undefined> {
  const rows = await db
    .select(withUnit)
    .from(activity)
    .innerJoin(unit, eq(unit.id, activity.unitId))
    .where(and(eq(activity.unitId, unitId), eq(activity.ref, ref)));
  return flatten(rows)[0];
}

export interface ActivityFilter {
  terms: string[];
  /** A unit's code: its activities and those of every unit below it. */
  unitCode: string | null;
  areaId: string | null;
  sdgGoal: number | null;
  sdgTarget: string | null;
  type: string | null;
  status: string | null;
  from: string | null;
  to: string | null;
  visibilities: Visibility[];
  restrictedUnits: "all" | string[];
  after: [string, string] | null;
  limit: number;
}

/** Escapes LIKE wildcards in a search word. */
const literal = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listActivityRows(
  db: Executor,
  f: ActivityFilter,
): Promise<(ActivityRow & { areaSlugs: string[] })[]> {
  const conditions: (SQL | undefined)[] = [inArray(activity.visibility, f.visibilities)];
  if (f.restrictedUnits !== "all") {
    conditions.push(
      f.restrictedUnits.length
        ? or(sql`${activity.visibility} <> 'restricted'`, inArray(activity.unitId, f.restrictedUnits))
        : sql`${activity.visibility} <> 'restricted'`,
    );
  }
  // A word must begin a word of the text ("telecom" finds "telecommunications"), through the
  // trigram index; a Chinese word must be one of the text's words, through the word-array index.
  for (const term of f.terms) {
    conditions.push(
      HAN.test(term)
        ? sql`${activity.searchWords} @> array[${term}]::text[]`
        : sql`${activity.searchText} like ${`% ${literal(term)}%`}`,
    );
  }
  if (f.unitCode) conditions.push(sql`${activity.unitId} in ${descendantsOrSelfByCode(f.unitCode)}`);
  if (f.areaId)
    conditions.push(
      sql`exists (select 1 from ${activityArea} where ${activityArea.activityId} = ${activity.id} and ${activityArea.areaId} = ${f.areaId})`,
    );
  if (f.sdgTarget) conditions.push(sql`${activity.sdgTargets} @> ${JSON.stringify([f.sdgTarget])}::jsonb`);
  if (f.sdgGoal) conditions.push(sql`${activity.sdgGoals} @> array[${f.sdgGoal}]::smallint[]`);
  if (f.type) conditions.push(eq(activity.type, f.type));
  if (f.status) conditions.push(eq(activity.status, f.status));
  if (f.to) conditions.push(sql`${activity.startDate} <= ${f.to}`);
  if (f.from) conditions.push(sql`(${activity.endDate} is null or ${activity.endDate} >= ${f.from})`);
  if (f.after) {
    const [start, id] = f.after;
    conditions.push(
      or(lt(activity.startDate, start), and(eq(activity.startDate, start), lt(activity.id, id))),
    );
  }
  // The page's area slugs come in the same statement: one round trip fewer per list.
  const rows = await db
    .select({
      ...withUnit,
      areaSlugs: sql<
        string[]
      >`array(select ${area.slug} from ${activityArea} join ${area} on ${area.id} = ${activityArea.areaId}
        where ${activityArea.activityId} = ${activity.id} order by ${area.slug})`,
    })
    .from(activity)
    .innerJoin(unit, eq(unit.id, activity.unitId))
    .where(and(...conditions))
    .orderBy(desc(activity.startDate), desc(activity.id))
    .limit(f.limit + 1);
  return rows.map((r) => ({ ...r.activity, unitCode: r.unitCode, areaSlugs: r.areaSlugs }));
}

export async function areaSlugsOf(db: Executor, activityIds: readonly string[]) {
  if (activityIds.length === 0) return [];
  return db
    .select({ activityId: activityArea.activityId, slug: area.slug })
    .from(activityArea)
    .innerJoin(area, eq(area.id, activityArea.areaId))
    .where(inArray(activityArea.activityId, [...activityIds]))
    .orderBy(area.slug);
}

export async function insertActivity(db: Executor, row: NewActivityRow) {
  const [created] = await db.insert(activity).values(row).returning();
  return created!;
}

export function updateActivityIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<NewActivityRow>,
  now: string,
) {
  return updateIfVersion(db, activity, id, version, changes, now);
}

export async function replaceActivityAreas(db: Executor, activityId: string, areaIds: readonly string[]) {
  await db.delete(activityArea).where(eq(activityArea.activityId, activityId));
  if (areaIds.length) await db.insert(activityArea).values(areaIds.map((areaId) => ({ activityId, areaId })));
}

/** unit:ref → id and version of every activity of these units: what an import updates in place. */
export async function existingRefs(db: Executor, unitIds: readonly string[]) {
  if (unitIds.length === 0) return new Map<string, { id: string; version: number }>();
  const rows = await db
    .select({ id: activity.id, unitId: activity.unitId, ref: activity.ref, version: activity.version })
    .from(activity)
    .where(inArray(activity.unitId, [...unitIds]));
  return new Map(rows.map((r) => [`${r.unitId}:${r.ref}`, { id: r.id, version: r.version }]));
}

export async function insertActivities(db: Executor, rows: NewActivityRow[]) {
  if (rows.length === 0) return [];
  return db.insert(activity).values(rows).returning();
}

export async function insertActivityAreas(db: Executor, links: { activityId: string; areaId: string }[]) {
  if (links.length) await db.insert(activityArea).values(links);
}
