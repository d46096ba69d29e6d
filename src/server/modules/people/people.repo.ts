import { and, asc, eq, gt, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Visibility } from "#shared/access.ts";
import type { Executor } from "../../db/client.ts";
import { updateIfVersion } from "../../db/versioned.ts";
import { person, post, roleAssignment, unit } from "../../db/schema/organization.ts";

export type PersonRow = typeof person.$inferSelect;
export type NewPersonRow = typeof person.$inferInsert;
export type PostRow = typeof post.$inferSelect & { unitCode: string };
export type RoleAssignmentRow = typeof roleAssignment.$inferSelect & { unitCode: string | null };

export function personById(db: Executor, id: string): Promise<PersonRow | undefined> {
  return db
    .select()
    .from(person)
    .where(eq(person.id, id))
    .limit(1)
    .then((rows) => rows[0]);
}

export function personByEmail(db: Executor, email: string): Promise<PersonRow | undefined> {
  return db
    .select()
    .from(person)
    .where(eq(person.email, email.toLowerCase()))
    .limit(1)
    .then((rows) => rows[0]);
}

export interface PersonFilter {
  asOf: string | null;
  unitIds: string[] | null;
  q: string | null;
  includeInactive: boolean;
  visibilities: Visibility[];
  restrictedUnits: "all" | string[];
  after: [string, string] | null;
  limit: number;
}

function postValidOn(day: string): SQL {
  return sql`${post.validFrom} <= ${day} and (${post.validTo} is null or ${post.validTo} >= ${day})`;
}

export function listPersonRows(db: Executor, filter: PersonFilter): Promise<PersonRow[]> {
  const conditions: (SQL | undefined)[] = [inArray(person.visibility, filter.visibilities)];
  if (filter.restrictedUnits !== "all") {
    const units = filter.restrictedUnits;
    conditions.push(
      units.length > 0
        ? or(
            sql`${person.visibility} <> 'restricted'`,
            sql`exists (select 1 from ${post} where ${post.personId} = ${person.id} and ${inArray(post.unitId, units)})`,
          )
        : sql`${person.visibility} <> 'restricted'`,
    );
  }
  if (!filter.includeInactive) conditions.push(eq(person.active, true));
  if (filter.q) conditions.push(ilike(person.name, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (filter.unitIds || filter.asOf) {
    const postConditions: SQL[] = [sql`${post.personId} = ${person.id}`];
    if (filter.unitIds) postConditions.push(inArray(post.unitId, filter.unitIds));
    if (filter.asOf) postConditions.push(postValidOn(filter.asOf));
    conditions.push(sql`exists (select 1 from ${post} where ${sql.join(postConditions, sql` and `)})`);
  }
  if (filter.after) {
    const [name, id] = filter.after;
    conditions.push(or(gt(person.name, name), and(eq(person.name, name), gt(person.id, id))));
  }
  return db
    .select()
    .from(person)
    .where(and(...conditions))
    .orderBy(asc(person.name), asc(person.id))
    .limit(filter.limit + 1);
}

export async function postsOf(
  db: Executor,
  personIds: readonly string[],
  asOf: string | null,
): Promise<PostRow[]> {
  if (personIds.length === 0) return [];
  const conditions: SQL[] = [inArray(post.personId, [...personIds])];
  if (asOf) conditions.push(postValidOn(asOf));
  const rows = await db
    .select({ post, unitCode: unit.code })
    .from(post)
    .innerJoin(unit, eq(unit.id, post.unitId))
    .where(and(...conditions))
    .orderBy(asc(post.validFrom), asc(post.id));
  return rows.map((r) => ({ ...r.post, unitCode: r.unitCode }));
}

export async function rolesOf(db: Executor, personIds: readonly string[]): Promise<RoleAssignmentRow[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({ roleAssignment, unitCode: unit.code })
    .from(roleAssignment)
    .leftJoin(unit, eq(unit.id, roleAssignment.unitId))
    .where(inArray(roleAssignment.personId, [...personIds]))
    .orderBy(asc(roleAssignment.role), asc(roleAssignment.createdAt));
  return rows.map((r) => ({ ...r.roleAssignment, unitCode: r.unitCode }));
}

export async function insertPerson(db: Executor, row: NewPersonRow): Promise<PersonRow> {
  const [created] = await db.insert(person).values(row).returning();
  return created!;
}

export function updatePersonIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<NewPersonRow>,
  now: string,
) {
  return updateIfVersion(db, person, id, version, changes, now);
}

/** A change that does not come from a form (password reset by the CLI): no version to compare. */
export async function setPasswordHash(db: Executor, id: string, passwordHash: string, now: string) {
  const [updated] = await db
    .update(person)
    .set({ passwordHash, updatedAt: now, version: sql`${person.version} + 1` })
    .where(eq(person.id, id))
    .returning();
  return updated;
}

export async function insertPost(db: Executor, row: typeof post.$inferInsert) {
  const [created] = await db.insert(post).values(row).returning();
  return created!;
}

export function postById(db: Executor, id: string) {
  return db
    .select()
    .from(post)
    .where(eq(post.id, id))
    .limit(1)
    .then((rows) => rows[0]);
}

export function updatePostIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<typeof post.$inferInsert>,
  now: string,
) {
  return updateIfVersion(db, post, id, version, changes, now);
}

export async function insertRoleAssignment(db: Executor, row: typeof roleAssignment.$inferInsert) {
  const [created] = await db.insert(roleAssignment).values(row).onConflictDoNothing().returning();
  return created;
}

export function roleAssignmentById(db: Executor, id: string) {
  return db
    .select()
    .from(roleAssignment)
    .where(eq(roleAssignment.id, id))
    .limit(1)
    .then((rows) => rows[0]);
}

export async function deleteRoleAssignment(db: Executor, id: string) {
  await db.delete(roleAssignment).where(eq(roleAssignment.id, id));
}

export async function postUnitIdsOf(db: Executor, personId: string): Promise<string[]> {
  const rows = await db.select({ unitId: post.unitId }).from(post).where(eq(post.personId, personId));
  return [...new Set(rows.map((r) => r.unitId))];
}
