import type { z } from "zod";
import type { Visibility } from "#shared/access.ts";
import type {
  Activity,
  ActivityListQuery,
  ActivityStatus,
  ActivityType,
  CreateActivityInput,
  UpdateActivityInput,
} from "#shared/activities.ts";
import {
  type Language,
  type MultilingualText,
  missingLanguages,
  originalLanguageOf,
} from "#shared/languages.ts";
import { isoTimestamp } from "../../core/clock.ts";
import type { Ctx } from "../../core/context.ts";
import { fail, FieldFaults, looksLikeId, assertFresh } from "../../core/errors.ts";
import { decodeCursor, pageFrom } from "../../core/pagination.ts";
import { searchText, words } from "../../core/text.ts";
import { areasOfFocalPoint, findAreasBySlugs } from "../areas/areas.service.ts";
import { findPerson } from "../people/people.service.ts";
import { isSdgTarget } from "../sdg/sdg.service.ts";
import { unitByCode } from "../units/units.repo.ts";
import { findUnit } from "../units/units.service.ts";
import {
  activityById,
  activityByRef,
  type ActivityRow,
  areaSlugsOf,
  insertActivity,
  listActivityRows,
  replaceActivityAreas,
  updateActivityIfVersion,
} from "./activities.repo.ts";

export function toActivity(row: ActivityRow, slugs: { activityId: string; slug: string }[]): Activity {
  return {
    id: row.id,
    unitCode: row.unitCode,
    ref: row.ref,
    type: row.type as ActivityType,
    status: row.status as ActivityStatus,
    title: row.title,
    description: row.description,
    originalLanguage: row.originalLanguage as Language,
    missingLanguages: missingLanguages(row.title),
    start: row.startDate,
    end: row.endDate,
    areaSlugs: slugs.filter((s) => s.activityId === row.id).map((s) => s.slug),
    sdgTargets: row.sdgTargets,
    budget:
      row.budgetAmount === null || row.currency === null
        ? null
        : { amount: Number(row.budgetAmount), currency: row.currency },
    contactIds: row.contactIds,
    links: row.links,
    visibility: row.visibility as Visibility,
    createdAt: isoTimestamp(row.createdAt),
    updatedAt: isoTimestamp(row.updatedAt),
    version: row.version,
  };
}

async function present(ctx: Ctx, row: ActivityRow): Promise<Activity> {
  return toActivity(row, await areaSlugsOf(ctx.db, [row.id]));
}

export async function findActivity(ctx: Ctx, id: string): Promise<ActivityRow> {
  const row = looksLikeId(id) ? await activityById(ctx.db, id) : undefined;
  if (!row || !(await ctx.access.canRead(row.visibility as Visibility, [row.unitId]))) {
    return fail("not_found", { entity: "activity", id });
  }
  return row;
}

export async function getActivity(ctx: Ctx, id: string): Promise<Activity> {
  return present(ctx, await findActivity(ctx, id));
}

export async function listActivities(
  ctx: Ctx,
  query: z.infer<typeof ActivityListQuery> & { cursor?: string; limit: number },
) {
  const scope = await ctx.access.readableScope();
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  let areaId: string | null = null;
  if (query.areaSlug) {
    const [found] = await findAreasBySlugs(ctx, [query.areaSlug]);
    if (!found) fail("validation_failed", [{ field: "areaSlug", reason: "unknown_area" }]);
    areaId = found.id;
  }
  const rows = await listActivityRows(ctx.db, {
    terms: query.q ? words(query.q) : [],
    unitCode: query.unitCode ?? null,
    areaId,
    sdgGoal: query.sdgGoal ? Number(query.sdgGoal) : null,
    sdgTarget: query.sdgTarget ?? null,
    type: query.type ?? null,
    status: query.status ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    visibilities: scope.visibilities,
    restrictedUnits: scope.restrictedUnits,
    after,
    limit: query.limit,
  });
  // An empty page for an unknown unit would hide a typo: say so (a check only empty pages pay for).
  if (rows.length === 0 && query.unitCode) await findUnit(ctx, query.unitCode);
  const page = pageFrom(rows, query.limit, (row) => [row.startDate, row.id]);
  return {
    entries: page.entries.map((row) =>
      toActivity(
        row,
        row.areaSlugs.map((slug) => ({ activityId: row.id, slug })),
      ),
    ),
    nextCursor: page.nextCursor,
  };
}

interface Checked {
  areaIds: string[] | null;
}

/** Every reference checked at once, so a form or an import row lists all its problems. */
async function checkReferences(
  ctx: Ctx,
  faults: FieldFaults,
  input: { areaSlugs?: string[]; sdgTargets?: string[]; contactIds?: string[] },
): Promise<Checked> {
  let areaIds: string[] | null = null;
  if (input.areaSlugs) {
    const areas = await findAreasBySlugs(ctx, input.areaSlugs);
    areaIds = [];
    input.areaSlugs.forEach((slug, i) => {
      const found = areas.find((a) => a.slug === slug);
      if (!found) faults.add(`areaSlugs.${i}`, "unknown_area");
      else if (!areaIds!.includes(found.id)) areaIds!.push(found.id);
    });
  }
  input.sdgTargets?.forEach((code, i) => {
    if (!isSdgTarget(code)) faults.add(`sdgTargets.${i}`, "unknown_sdg_target");
  });
  for (const [i, id] of (input.contactIds ?? []).entries()) {
    await findPerson(ctx, id).catch(() => faults.add(`contactIds.${i}`, "unknown_person"));
  }
  return { areaIds };
}

/** The SDG targets as stored, with the goals they belong to (what the goal filter reads). */
export function sdgColumns(targets: readonly string[]) {
  const sdgTargets = [...new Set(targets)];
  const sdgGoals = [...new Set(sdgTargets.map((code) => Number(code.split(".")[0])))];
  return { sdgTargets, sdgGoals };
}

export function searchable(ref: string, title: MultilingualText, description: MultilingualText | null) {
  return searchText({ en: ref.replaceAll("/", " ") }, title, description);
}

export async function createActivity(ctx: Ctx, input: CreateActivityInput): Promise<Activity> {
  const faults = new FieldFaults();
  const unit = await unitByCode(ctx.db, input.unitCode);
  if (!unit) faults.add("unitCode", "unknown_unit");
  const originalLanguage = originalLanguageOf(input.title, input.originalLanguage);
  if (!originalLanguage) faults.add("originalLanguage", "required");
  const checked = await checkReferences(ctx, faults, input);
  faults.throwIfAny();
  await ctx.access.authorize("activity.edit", unit!.id);
  if (await activityByRef(ctx.db, unit!.id, input.ref))
    fail("conflict", [{ field: "ref", reason: "duplicate" }]);
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const created = await insertActivity(tx.db, {
      unitId: unit!.id,
      ref: input.ref,
      type: input.type,
      status: input.status,
      title: input.title,
      description: input.description,
      originalLanguage: originalLanguage!,
      startDate: input.start,
      endDate: input.end,
      ...sdgColumns(input.sdgTargets),
      budgetAmount: input.budget ? String(input.budget.amount) : null,
      currency: input.budget?.currency ?? null,
      contactIds: input.contactIds,
      links: input.links,
      visibility: input.visibility,
      searchText: searchable(input.ref, input.title, input.description),
      createdAt: now,
      updatedAt: now,
    });
    await replaceActivityAreas(tx.db, created.id, checked.areaIds ?? []);
    const activity = await present(tx, { ...created, unitCode: unit!.code });
    await tx.audit.record("activity", created.id, null, activity);
    return activity;
  });
}

export async function updateActivity(ctx: Ctx, id: string, input: UpdateActivityInput): Promise<Activity> {
  const current = await findActivity(ctx, id);
  await ctx.access.authorize("activity.edit", current.unitId);
  const faults = new FieldFaults();
  const title = input.title ?? current.title;
  const description = input.description !== undefined ? input.description : current.description;
  const originalLanguage = originalLanguageOf(
    title,
    input.originalLanguage ?? (current.originalLanguage as Language),
  );
  if (!originalLanguage) faults.add("originalLanguage", "required");
  const start = input.start ?? current.startDate;
  const end = input.end !== undefined ? input.end : current.endDate;
  if (end !== null && end < start) faults.add("end", "before_start");
  const checked = await checkReferences(ctx, faults, input);
  faults.throwIfAny();
  const before = await present(ctx, current);
  return ctx.transaction(async (tx) => {
    const next = await updateActivityIfVersion(
      tx.db,
      current.id,
      input.version,
      {
        ...(input.type ? { type: input.type } : {}),
        ...(input.status ? { status: input.status } : {}),
        title,
        description,
        originalLanguage: originalLanguage!,
        startDate: start,
        endDate: end,
        ...(input.sdgTargets ? sdgColumns(input.sdgTargets) : {}),
        ...(input.budget !== undefined
          ? {
              budgetAmount: input.budget ? String(input.budget.amount) : null,
              currency: input.budget?.currency ?? null,
            }
          : {}),
        ...(input.contactIds ? { contactIds: input.contactIds } : {}),
        ...(input.links ? { links: input.links } : {}),
        ...(input.visibility ? { visibility: input.visibility } : {}),
        searchText: searchable(current.ref, title, description),
      },
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    if (checked.areaIds) await replaceActivityAreas(tx.db, current.id, checked.areaIds);
    const after = await present(tx, { ...next, unitCode: current.unitCode });
    await tx.audit.record("activity", current.id, before, after);
    return after;
  });
}

/**
 * Sets the areas an activity serves. Its unit's editors may set any; a focal point may add or remove
 * the areas they are focal point of, on any unit's activity.
 */
export async function tagActivity(
  ctx: Ctx,
  id: string,
  input: { version: number; areaSlugs: string[] },
): Promise<Activity> {
  const current = await findActivity(ctx, id);
  const faults = new FieldFaults();
  const { areaIds } = await checkReferences(ctx, faults, { areaSlugs: input.areaSlugs });
  faults.throwIfAny();
  const before = await present(ctx, current);
  if (!(await ctx.access.can("activity.edit", current.unitId))) {
    if (!ctx.viewer) fail("unauthenticated");
    const mine = await areasOfFocalPoint(ctx);
    const beforeIds = (await findAreasBySlugs(ctx, before.areaSlugs)).map((a) => a.id);
    const changed = [
      ...areaIds!.filter((a) => !beforeIds.includes(a)),
      ...beforeIds.filter((a) => !areaIds!.includes(a)),
    ];
    if (changed.length === 0 || changed.some((a) => !mine.has(a)))
      fail("forbidden", { action: "activity.tag" });
  }
  return ctx.transaction(async (tx) => {
    const next = await updateActivityIfVersion(
      tx.db,
      current.id,
      input.version,
      {},
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    await replaceActivityAreas(tx.db, current.id, areaIds!);
    const after = await present(tx, { ...next, unitCode: current.unitCode });
    await tx.audit.record("activity", current.id, before, after, "tag");
    return after;
  });
}
