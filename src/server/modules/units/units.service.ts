import type { z } from "zod";
import { type Language, missingLanguages } from "#shared/languages.ts";
import type {
  CreateUnitInput,
  DeactivateInput,
  Unit,
  UnitListQuery,
  UpdateUnitInput,
} from "#shared/organization.ts";
import { isoTimestamp, today } from "../../core/clock.ts";
import type { Ctx } from "../../core/context.ts";
import { FieldFaults, fail, assertFresh } from "../../core/errors.ts";
import { decodeCursor, pageFrom } from "../../core/pagination.ts";
import {
  insertUnit,
  isSelfOrDescendant,
  listUnitRows,
  openChildrenOn,
  type UnitRow,
  unitByCode,
  unitById,
  updateUnitIfVersion,
} from "./units.repo.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind as Unit["kind"],
    parentId: row.parentId,
    name: row.name,
    originalLanguage: row.originalLanguage as Language,
    missingLanguages: missingLanguages(row.name),
    validFrom: row.validFrom,
    validTo: row.validTo,
    visibility: row.visibility as Unit["visibility"],
    createdAt: isoTimestamp(row.createdAt),
    updatedAt: isoTimestamp(row.updatedAt),
    version: row.version,
  };
}

/** A unit by id or by its stable code; not_found also when the viewer may not see it. */
export async function findUnit(ctx: Ctx, idOrCode: string): Promise<UnitRow> {
  const row = UUID.test(idOrCode) ? await unitById(ctx.db, idOrCode) : await unitByCode(ctx.db, idOrCode);
  if (!row || !(await ctx.access.canRead(row.visibility as Unit["visibility"], [row.id]))) {
    return fail("not_found", { entity: "unit", id: idOrCode });
  }
  return row;
}

export async function getUnit(ctx: Ctx, idOrCode: string): Promise<Unit> {
  return toUnit(await findUnit(ctx, idOrCode));
}

export async function listUnits(
  ctx: Ctx,
  query: z.infer<typeof UnitListQuery> & { cursor?: string; limit: number },
) {
  const scope = await ctx.access.readableScope();
  const after = decodeCursor(query.cursor, 1);
  let parentId: string | null | undefined;
  if (query.parentCode) parentId = (await findUnit(ctx, query.parentCode)).id;
  const rows = await listUnitRows(ctx.db, {
    asOf: query.includeClosed ? (query.asOf ?? null) : (query.asOf ?? today(ctx.clock)),
    parentId,
    kind: query.kind,
    visibilities: scope.visibilities,
    restrictedUnits: scope.restrictedUnits,
    afterCode: (after?.[0] as string | undefined) ?? null,
    limit: query.limit,
  });
  const page = pageFrom(rows, query.limit, (row) => [row.code]);
  return { entries: page.entries.map(toUnit), nextCursor: page.nextCursor };
}

function checkPlacement(
  faults: FieldFaults,
  parent: UnitRow | null,
  validFrom: string,
  validTo: string | null,
) {
  if (!parent) return;
  const endsAfterParent = parent.validTo !== null && (validTo === null || validTo > parent.validTo);
  if (validFrom < parent.validFrom || endsAfterParent) faults.add("validFrom", "period_outside_parent");
}

export async function createUnit(ctx: Ctx, input: CreateUnitInput): Promise<Unit> {
  const faults = new FieldFaults();
  const parent = input.parentCode ? ((await unitByCode(ctx.db, input.parentCode)) ?? null) : null;
  if (input.parentCode && !parent) faults.add("parentCode", "unknown_unit");
  await ctx.access.authorize("unit.manage", parent?.id ?? null);
  if (await unitByCode(ctx.db, input.code)) fail("conflict", [{ field: "code", reason: "duplicate" }]);
  checkPlacement(faults, parent, input.validFrom, input.validTo);
  faults.throwIfAny();
  return ctx.transaction(async (tx) => {
    const row = await insertUnit(tx.db, {
      code: input.code,
      kind: input.kind,
      parentId: parent?.id ?? null,
      name: input.name,
      originalLanguage: input.originalLanguage,
      validFrom: input.validFrom,
      validTo: input.validTo,
      visibility: input.visibility,
      createdAt: tx.clock.now().toISOString(),
      updatedAt: tx.clock.now().toISOString(),
    });
    await tx.audit.record("unit", row.id, null, toUnit(row));
    return toUnit(row);
  });
}

export async function updateUnit(ctx: Ctx, idOrCode: string, input: UpdateUnitInput): Promise<Unit> {
  const current = await findUnit(ctx, idOrCode);
  await ctx.access.authorize("unit.manage", current.id);
  const faults = new FieldFaults();
  let parent: UnitRow | null = null;
  let parentId = current.parentId;
  if (input.parentCode !== undefined) {
    if (input.parentCode === null) {
      parentId = null;
    } else {
      parent = (await unitByCode(ctx.db, input.parentCode)) ?? null;
      if (!parent) faults.add("parentCode", "unknown_unit");
      else if (await isSelfOrDescendant(ctx.db, current.id, parent.id)) faults.add("parentCode", "cycle");
      else {
        parentId = parent.id;
        // Moving a unit takes it out of one scope and into another: both must be the mover's.
        await ctx.access.authorize("unit.manage", parent.id);
      }
    }
    if (parentId === null && current.parentId !== null) await ctx.access.authorize("unit.manage", null);
  } else if (current.parentId) {
    parent = (await unitById(ctx.db, current.parentId)) ?? null;
  }
  const name = input.name ?? current.name;
  const originalLanguage = input.originalLanguage ?? (current.originalLanguage as Language);
  if (name[originalLanguage] === undefined) faults.add("name", "required");
  const validFrom = input.validFrom ?? current.validFrom;
  const validTo = input.validTo !== undefined ? input.validTo : current.validTo;
  if (validTo !== null && validTo < validFrom) faults.add("validTo", "before_start");
  checkPlacement(faults, parent, validFrom, validTo);
  faults.throwIfAny();
  return ctx.transaction(async (tx) => {
    const next = await updateUnitIfVersion(
      tx.db,
      current.id,
      input.version,
      {
        kind: input.kind ?? current.kind,
        parentId,
        name,
        originalLanguage,
        validFrom,
        validTo,
        visibility: input.visibility ?? current.visibility,
      },
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    await tx.audit.record("unit", current.id, toUnit(current), toUnit(next));
    return toUnit(next);
  });
}

/** Closes a unit on a day (default today). Units are closed, never deleted: history keeps them. */
export async function closeUnit(ctx: Ctx, idOrCode: string, input: DeactivateInput): Promise<Unit> {
  const current = await findUnit(ctx, idOrCode);
  await ctx.access.authorize("unit.manage", current.id);
  const on = input.on ?? today(ctx.clock);
  const faults = new FieldFaults();
  if (on < current.validFrom) faults.add("on", "before_start");
  faults.throwIfAny();
  const openChildren = await openChildrenOn(ctx.db, current.id, on);
  if (openChildren.length > 0) {
    fail("rule_violation", [{ field: "on", reason: "has_open_children" }]);
  }
  return ctx.transaction(async (tx) => {
    const next = await updateUnitIfVersion(
      tx.db,
      current.id,
      input.version,
      { validTo: on },
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    await tx.audit.record("unit", current.id, toUnit(current), toUnit(next), "close");
    return toUnit(next);
  });
}
