import type { z } from "zod";
import type { Role, Visibility } from "#shared/access.ts";
import { PASSWORD_MIN_LENGTH } from "#shared/auth.ts";
import type { Language } from "#shared/languages.ts";
import type {
  CreatePersonInput,
  EndPostInput,
  GrantRoleInput,
  Person,
  PersonListQuery,
  Post,
  PostInput,
  RoleAssignment,
  UpdatePersonInput,
} from "#shared/organization.ts";
import { descendantsOrSelf } from "../../core/access.ts";
import { closeSessionsOf, hashPassword } from "../../core/auth.ts";
import { isoTimestamp } from "../../core/clock.ts";
import type { Ctx } from "../../core/context.ts";
import { FieldFaults, fail, looksLikeId, assertFresh } from "../../core/errors.ts";
import { decodeCursor, pageFrom } from "../../core/pagination.ts";
import { unitByCode, unitsByCodes } from "../units/units.repo.ts";
import { findUnit } from "../units/units.service.ts";
import {
  deleteRoleAssignment,
  insertPerson,
  insertPost,
  insertRoleAssignment,
  listPersonRows,
  type PersonRow,
  type PostRow,
  personByEmail,
  personById,
  postById,
  postsOf,
  postUnitIdsOf,
  type RoleAssignmentRow,
  roleAssignmentById,
  rolesOf,
  setPasswordHash,
  updatePersonIfVersion,
  updatePostIfVersion,
} from "./people.repo.ts";

function toPost(row: PostRow): Post {
  return {
    id: row.id,
    personId: row.personId,
    unitId: row.unitId,
    unitCode: row.unitCode,
    title: row.title,
    validFrom: row.validFrom,
    validTo: row.validTo,
    version: row.version,
  };
}

function toRoleAssignment(row: RoleAssignmentRow): RoleAssignment {
  return {
    id: row.id,
    personId: row.personId,
    role: row.role as Role,
    unitId: row.unitId,
    unitCode: row.unitCode,
    createdAt: isoTimestamp(row.createdAt),
  };
}

function toPerson(row: PersonRow, posts: PostRow[], roles: RoleAssignmentRow[]): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    preferredLanguage: row.preferredLanguage as Language,
    active: row.active,
    visibility: row.visibility as Visibility,
    posts: posts.filter((p) => p.personId === row.id).map(toPost),
    roles: roles.filter((r) => r.personId === row.id).map(toRoleAssignment),
    createdAt: isoTimestamp(row.createdAt),
    updatedAt: isoTimestamp(row.updatedAt),
    version: row.version,
  };
}

async function present(ctx: Ctx, row: PersonRow, asOf: string | null = null): Promise<Person> {
  // One after another: inside a transaction the queries share one connection.
  const posts = await postsOf(ctx.db, [row.id], asOf);
  const roles = await rolesOf(ctx.db, [row.id]);
  return toPerson(row, posts, roles);
}

/** A person the viewer may read; not_found otherwise, so hidden people cannot be probed. */
export async function findPerson(ctx: Ctx, id: string): Promise<PersonRow> {
  const row = looksLikeId(id) ? await personById(ctx.db, id) : undefined;
  if (!row) return fail("not_found", { entity: "person", id });
  // Everyone may read their own record, whatever its visibility.
  if (ctx.viewer?.personId === row.id) return row;
  const visibility = row.visibility as Visibility;
  const units = visibility === "restricted" ? await postUnitIdsOf(ctx.db, row.id) : [];
  if (!(await ctx.access.canRead(visibility, units))) return fail("not_found", { entity: "person", id });
  return row;
}

export async function getPerson(ctx: Ctx, id: string): Promise<Person> {
  return present(ctx, await findPerson(ctx, id));
}

export async function listPeople(
  ctx: Ctx,
  query: z.infer<typeof PersonListQuery> & { cursor?: string; limit: number },
) {
  const scope = await ctx.access.readableScope();
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const unitIds = query.unitCode
    ? await descendantsOrSelf(ctx.db, [(await findUnit(ctx, query.unitCode)).id])
    : null;
  const rows = await listPersonRows(ctx.db, {
    asOf: query.asOf ?? null,
    unitIds,
    q: query.q ?? null,
    includeInactive: query.includeInactive,
    visibilities: scope.visibilities,
    restrictedUnits: scope.restrictedUnits,
    after,
    limit: query.limit,
  });
  const page = pageFrom(rows, query.limit, (row) => [row.name, row.id]);
  const ids = page.entries.map((row) => row.id);
  const posts = await postsOf(ctx.db, ids, query.asOf ?? null);
  const roles = await rolesOf(ctx.db, ids);
  return { entries: page.entries.map((row) => toPerson(row, posts, roles)), nextCursor: page.nextCursor };
}

/** A person is managed by whoever manages one of the units they hold a post in (or the whole organization). */
async function authorizeManage(ctx: Ctx, personId: string | null, extraUnitIds: string[] = []) {
  const unitIds = [...(personId ? await postUnitIdsOf(ctx.db, personId) : []), ...extraUnitIds];
  if (unitIds.length === 0) return ctx.access.authorize("person.manage", null);
  for (const unitId of unitIds) if (await ctx.access.can("person.manage", unitId)) return;
  return ctx.access.authorize("person.manage", null);
}

async function resolvePostUnits(
  ctx: Ctx,
  posts: PostInput[],
  faults: FieldFaults,
  fieldOf: (index: number, name: string) => string,
) {
  const units = await unitsByCodes(
    ctx.db,
    posts.map((p) => p.unitCode),
  );
  const byCode = new Map(units.map((u) => [u.code, u]));
  posts.forEach((p, index) => {
    const found = byCode.get(p.unitCode);
    if (!found) faults.add(fieldOf(index, "unitCode"), "unknown_unit");
    else if (
      found.validFrom > p.validFrom ||
      (found.validTo !== null && (p.validTo === null || p.validTo > found.validTo))
    )
      faults.add(fieldOf(index, "validFrom"), "unit_closed");
  });
  return byCode;
}

export async function createPerson(ctx: Ctx, input: CreatePersonInput): Promise<Person> {
  const faults = new FieldFaults();
  const units = await resolvePostUnits(ctx, input.posts, faults, (i, name) => `posts.${i}.${name}`);
  const postUnitIds = [...units.values()].map((u) => u.id);
  await authorizeManage(ctx, null, postUnitIds);
  faults.throwIfAny();
  if (input.email && (await personByEmail(ctx.db, input.email)))
    fail("conflict", [{ field: "email", reason: "duplicate" }]);
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const row = await insertPerson(tx.db, {
      name: input.name,
      email: input.email,
      preferredLanguage: input.preferredLanguage,
      visibility: input.visibility,
      createdAt: now,
      updatedAt: now,
    });
    for (const p of input.posts) {
      const created = await insertPost(tx.db, {
        personId: row.id,
        unitId: units.get(p.unitCode)!.id,
        title: p.title,
        validFrom: p.validFrom,
        validTo: p.validTo,
        createdAt: now,
        updatedAt: now,
      });
      await tx.audit.record("post", created.id, null, created);
    }
    const person = await present(tx, row);
    await tx.audit.record("person", row.id, null, person);
    return person;
  });
}

export async function updatePerson(ctx: Ctx, id: string, input: UpdatePersonInput): Promise<Person> {
  const current = await findPerson(ctx, id);
  await authorizeManage(ctx, current.id);
  if (input.email && input.email !== current.email && (await personByEmail(ctx.db, input.email))) {
    fail("conflict", [{ field: "email", reason: "duplicate" }]);
  }
  return ctx.transaction(async (tx) => {
    const before = await present(tx, current);
    const { version, ...changes } = input;
    const next = await updatePersonIfVersion(
      tx.db,
      current.id,
      version,
      changes,
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    const after = await present(tx, next);
    await tx.audit.record("person", current.id, before, after);
    return after;
  });
}

/** Deactivation keeps the person and their history; it ends their sessions so access stops at once. */
export async function setPersonActive(
  ctx: Ctx,
  id: string,
  version: number,
  active: boolean,
): Promise<Person> {
  const current = await findPerson(ctx, id);
  await authorizeManage(ctx, current.id);
  if (ctx.viewer?.personId === current.id && !active)
    fail("rule_violation", [{ field: "active", reason: "custom" }]);
  return ctx.transaction(async (tx) => {
    const before = await present(tx, current);
    const next = await updatePersonIfVersion(
      tx.db,
      current.id,
      version,
      { active },
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    if (!active) await closeSessionsOf(tx.db, current.id);
    const after = await present(tx, next);
    await tx.audit.record("person", current.id, before, after, active ? "activate" : "deactivate");
    return after;
  });
}

export async function addPost(ctx: Ctx, personId: string, input: PostInput): Promise<Person> {
  const current = await findPerson(ctx, personId);
  const faults = new FieldFaults();
  const units = await resolvePostUnits(ctx, [input], faults, (_, name) => name);
  const target = units.get(input.unitCode);
  if (target) await ctx.access.authorize("person.manage", target.id);
  faults.throwIfAny();
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const created = await insertPost(tx.db, {
      personId: current.id,
      unitId: target!.id,
      title: input.title,
      validFrom: input.validFrom,
      validTo: input.validTo,
      createdAt: now,
      updatedAt: now,
    });
    await tx.audit.record("post", created.id, null, created);
    return present(tx, current);
  });
}

export async function endPost(
  ctx: Ctx,
  personId: string,
  postId: string,
  input: z.infer<typeof EndPostInput>,
) {
  const current = await findPerson(ctx, personId);
  const existing = await postById(ctx.db, postId);
  if (!existing || existing.personId !== current.id) fail("not_found", { entity: "post", id: postId });
  await ctx.access.authorize("person.manage", existing.unitId);
  if (input.validTo < existing.validFrom)
    fail("validation_failed", [{ field: "validTo", reason: "before_start" }]);
  return ctx.transaction(async (tx) => {
    const next = await updatePostIfVersion(
      tx.db,
      postId,
      input.version,
      { validTo: input.validTo },
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    await tx.audit.record("post", postId, existing, next, "end");
    return present(tx, current);
  });
}

export async function grantRole(ctx: Ctx, personId: string, input: GrantRoleInput): Promise<Person> {
  const current = await findPerson(ctx, personId);
  const scopeUnit = input.unitCode ? await unitByCode(ctx.db, input.unitCode) : null;
  if (input.unitCode && !scopeUnit)
    fail("validation_failed", [{ field: "unitCode", reason: "unknown_unit" }]);
  // Nobody hands out more than they hold: the grant's scope must lie within the granter's.
  await ctx.access.authorize("role.grant", scopeUnit?.id ?? null);
  return ctx.transaction(async (tx) => {
    const created = await insertRoleAssignment(tx.db, {
      personId: current.id,
      role: input.role,
      unitId: scopeUnit?.id ?? null,
    });
    if (!created) fail("conflict", [{ field: "role", reason: "duplicate" }]);
    await tx.audit.record(
      "role_assignment",
      created.id,
      null,
      { ...created, unitCode: input.unitCode },
      "grant",
    );
    return present(tx, current);
  });
}

export async function revokeRole(ctx: Ctx, personId: string, assignmentId: string): Promise<Person> {
  const current = await findPerson(ctx, personId);
  const existing = await roleAssignmentById(ctx.db, assignmentId);
  if (!existing || existing.personId !== current.id)
    fail("not_found", { entity: "role_assignment", id: assignmentId });
  await ctx.access.authorize("role.grant", existing.unitId);
  return ctx.transaction(async (tx) => {
    await deleteRoleAssignment(tx.db, existing.id);
    await tx.audit.record("role_assignment", existing.id, existing, null, "revoke");
    return present(tx, current);
  });
}

/** Sets a password (administrator or CLI); ends the person's sessions so old ones stop working. */
export async function setPassword(ctx: Ctx, personId: string, password: string): Promise<void> {
  if (password.length < PASSWORD_MIN_LENGTH)
    fail("validation_failed", [{ field: "password", reason: "weak_password" }]);
  const current = await findPerson(ctx, personId);
  if (ctx.viewer?.personId !== current.id) await authorizeManage(ctx, current.id);
  const passwordHash = await hashPassword(password);
  await ctx.transaction(async (tx) => {
    await setPasswordHash(tx.db, current.id, passwordHash, tx.clock.now().toISOString());
    await closeSessionsOf(tx.db, current.id);
    await tx.audit.record("person", current.id, null, { id: current.id }, "set_password");
  });
}

export async function findPersonByEmail(ctx: Ctx, email: string): Promise<PersonRow> {
  const row = await personByEmail(ctx.db, email);
  if (!row) return fail("not_found", { entity: "person", email });
  return findPerson(ctx, row.id);
}
