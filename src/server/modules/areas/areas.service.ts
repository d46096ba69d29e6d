import type { z } from "zod";
import type { Visibility } from "#shared/access.ts";
import {
  type AddFocalPointInput,
  type Area,
  type AreaListQuery,
  type AreaRevision,
  type AreaStatus,
  type CreateAreaInput,
  type EndFocalPointInput,
  type Qualification,
  type UpdateAreaInput,
} from "#shared/areas.ts";
import { type Language, localize, missingLanguages } from "#shared/languages.ts";
import { type Mandate, SECTOR_SOURCES } from "#shared/mandates.ts";
import type { Ctx } from "../../core/context.ts";
import { fail, FieldFaults, looksLikeId, assertFresh } from "../../core/errors.ts";
import type { Table } from "../../core/spreadsheet.ts";
import { isoTimestamp, today } from "../../core/clock.ts";
import { readableMandates } from "../mandates/mandates.service.ts";
import { isSdgTarget } from "../sdg/sdg.service.ts";
import { findPerson } from "../people/people.service.ts";
import { unitsByCodes, unitsByIds } from "../units/units.repo.ts";
import {
  areaById,
  areaBySlug,
  areaIdsWithFocalPoint,
  areasBySlugs,
  type AreaRow,
  endFocalPointIfVersion,
  focalPointById,
  focalPointsOf,
  insertArea,
  insertFocalPoint,
  insertRevision,
  listAreaRows,
  mandateLinksOf,
  participantsOf,
  replaceMandates,
  replaceParticipants,
  revisionsOf,
  snapshotsBefore,
  updateAreaIfVersion,
} from "./areas.repo.ts";

/** The Resolution 191 rule, computed from the area's mandates; advice, never a lock. */
export function qualify(
  mandates: readonly Pick<Mandate, "source" | "kind" | "callsForInterSectoralCoordination">[],
): Qualification {
  const pp = mandates.filter((m) => m.source === "PP" && m.kind === "resolution");
  const sector = mandates.filter((m) => SECTOR_SOURCES.includes(m.source) && m.kind === "resolution");
  if (pp.some((m) => m.callsForInterSectoralCoordination))
    return { qualifies: true, rule: "pp_calls_for_coordination", missing: [] };
  if (pp.length > 0 && sector.length > 0)
    return { qualifies: true, rule: "pp_and_sector_resolutions", missing: [] };
  const missing = [
    ...(pp.length === 0 ? ["no_plenipotentiary_resolution"] : []),
    ...(sector.length === 0 ? ["no_sector_resolution"] : []),
  ];
  return { qualifies: false, rule: null, missing };
}

async function present(ctx: Ctx, rows: AreaRow[]): Promise<Area[]> {
  const ids = rows.map((r) => r.id);
  // One after another: inside a transaction the queries share one connection.
  const participants = await participantsOf(ctx.db, ids);
  const links = await mandateLinksOf(ctx.db, ids);
  const focalPoints = await focalPointsOf(ctx.db, ids);
  const leadUnits = await unitsOfIds(
    ctx,
    rows.map((r) => r.leadUnitId),
  );
  const mandates = new Map(
    (await readableMandates(ctx, [...new Set(links.map((l) => l.mandateId))])).map((m) => [m.id, m]),
  );
  return rows.map((row) => {
    const own = links
      .filter((l) => l.areaId === row.id)
      .map((l) => mandates.get(l.mandateId))
      .filter((m): m is Mandate => !!m);
    own.sort((a, b) => a.citation.localeCompare(b.citation));
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      description: row.description,
      originalLanguage: row.originalLanguage as Language,
      missingLanguages: missingLanguages(row.name),
      status: row.status as AreaStatus,
      leadUnitCode: leadUnits.get(row.leadUnitId) ?? "",
      participatingUnitCodes: participants.filter((p) => p.areaId === row.id).map((p) => p.unitCode),
      mandateIds: own.map((m) => m.id),
      mandateCitations: own.map((m) => m.citation),
      sdgTargets: row.sdgTargets,
      focalPoints: focalPoints
        .filter((f) => f.areaId === row.id)
        .map((f) => ({
          id: f.id,
          personId: f.personId,
          personName: f.personName,
          unitCode: f.unitCode,
          validFrom: f.validFrom,
          validTo: f.validTo,
          version: f.version,
        })),
      justification: row.justification,
      qualification: qualify(own),
      visibility: row.visibility as Visibility,
      revision: row.revision,
      createdAt: isoTimestamp(row.createdAt),
      updatedAt: isoTimestamp(row.updatedAt),
      version: row.version,
    };
  });
}

async function unitsOfIds(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  return new Map((await unitsByIds(ctx.db, [...new Set(ids)])).map((u) => [u.id, u.code]));
}

export async function findArea(ctx: Ctx, idOrSlug: string): Promise<AreaRow> {
  const row = looksLikeId(idOrSlug) ? await areaById(ctx.db, idOrSlug) : await areaBySlug(ctx.db, idOrSlug);
  if (!row || !(await ctx.access.canRead(row.visibility as Visibility, [row.leadUnitId]))) {
    return fail("not_found", { entity: "area", id: idOrSlug });
  }
  return row;
}

export async function getArea(ctx: Ctx, idOrSlug: string): Promise<Area> {
  return (await present(ctx, [await findArea(ctx, idOrSlug)]))[0]!;
}

function endOfDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** The list now, or as it stood at the end of a day (rebuilt from the revisions). */
export async function listAreas(
  ctx: Ctx,
  query: z.infer<typeof AreaListQuery>,
): Promise<{ entries: Area[] }> {
  const scope = await ctx.access.readableScope();
  if (!query.asOf) {
    const rows = await listAreaRows(ctx.db, { visibilities: scope.visibilities, status: query.status });
    return { entries: await present(ctx, rows) };
  }
  const snapshots = (await snapshotsBefore(ctx.db, endOfDay(query.asOf))) as Area[];
  const entries = snapshots
    .filter((a) => scope.visibilities.includes(a.visibility) && (!query.status || a.status === query.status))
    .sort((a, b) => a.slug.localeCompare(b.slug));
  return { entries };
}

const COMPARED: (keyof Area)[] = [
  "name",
  "description",
  "status",
  "leadUnitCode",
  "participatingUnitCodes",
  "mandateCitations",
  "sdgTargets",
  "focalPoints",
  "justification",
  "visibility",
];

export async function compareAreas(ctx: Ctx, from: string, to: string) {
  const before = await listAreas(ctx, { asOf: from });
  const after = await listAreas(ctx, { asOf: to });
  const old = new Map(before.entries.map((a) => [a.slug, a]));
  const now = new Map(after.entries.map((a) => [a.slug, a]));
  const changed = after.entries
    .filter((a) => old.has(a.slug))
    .map((a) => {
      const was = old.get(a.slug)!;
      const fields = COMPARED.filter((f) => JSON.stringify(was[f]) !== JSON.stringify(a[f]));
      return { slug: a.slug, fields, before: was, after: a };
    })
    .filter((c) => c.fields.length > 0);
  return {
    from,
    to,
    added: after.entries.filter((a) => !old.has(a.slug)),
    removed: before.entries.filter((a) => !now.has(a.slug)),
    changed,
  };
}

interface Resolved {
  leadUnitId: string | null;
  participantIds: string[] | null;
  mandates: Mandate[] | null;
}

async function resolveReferences(
  ctx: Ctx,
  faults: FieldFaults,
  input: {
    leadUnitCode?: string;
    participatingUnitCodes?: string[];
    mandateIds?: string[];
    sdgTargets?: string[];
  },
): Promise<Resolved> {
  const codes = [
    ...new Set([
      ...(input.leadUnitCode ? [input.leadUnitCode] : []),
      ...(input.participatingUnitCodes ?? []),
    ]),
  ];
  const units = new Map((await unitsByCodes(ctx.db, codes)).map((u) => [u.code, u.id]));
  let leadUnitId: string | null = null;
  if (input.leadUnitCode) {
    leadUnitId = units.get(input.leadUnitCode) ?? null;
    if (!leadUnitId) faults.add("leadUnitCode", "unknown_unit");
  }
  let participantIds: string[] | null = null;
  if (input.participatingUnitCodes) {
    participantIds = [];
    input.participatingUnitCodes.forEach((code, i) => {
      const id = units.get(code);
      if (!id) faults.add(`participatingUnitCodes.${i}`, "unknown_unit");
      else if (!participantIds!.includes(id)) participantIds!.push(id);
    });
  }
  let mandates: Mandate[] | null = null;
  if (input.mandateIds) {
    mandates = await readableMandates(ctx, input.mandateIds);
    input.mandateIds.forEach((id, i) => {
      if (!mandates!.some((m) => m.id === id)) faults.add(`mandateIds.${i}`, "unknown_mandate");
    });
  }
  input.sdgTargets?.forEach((code, i) => {
    if (!isSdgTarget(code)) faults.add(`sdgTargets.${i}`, "unknown_sdg_target");
  });
  return { leadUnitId, participantIds, mandates };
}

/** An active area that does not qualify under Resolution 191 must say why it is on the list anyway. */
function checkActivation(status: AreaStatus, mandates: Mandate[], justification: string | null) {
  if (status === "active" && !qualify(mandates).qualifies && !justification) {
    fail("rule_violation", [{ field: "justification", reason: "justification_required" }]);
  }
}

async function recordRevision(ctx: Ctx, row: AreaRow, reason: string, before: Area | null): Promise<Area> {
  const [after] = await present(ctx, [row]);
  await insertRevision(ctx.db, {
    areaId: row.id,
    revision: row.revision,
    snapshot: after,
    reason,
    actorId: ctx.viewer?.personId ?? null,
    changedAt: ctx.clock.now().toISOString(),
  });
  await ctx.audit.record("area", row.id, before, after);
  return after!;
}

export async function createArea(ctx: Ctx, input: CreateAreaInput): Promise<Area> {
  const faults = new FieldFaults();
  const refs = await resolveReferences(ctx, faults, input);
  faults.throwIfAny();
  await ctx.access.authorize("area.manage", refs.leadUnitId);
  if (await areaBySlug(ctx.db, input.slug)) fail("conflict", [{ field: "slug", reason: "duplicate" }]);
  checkActivation(input.status, refs.mandates ?? [], input.justification);
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const row = await insertArea(tx.db, {
      slug: input.slug,
      name: input.name,
      description: input.description,
      originalLanguage: input.originalLanguage,
      status: input.status,
      leadUnitId: refs.leadUnitId!,
      justification: input.justification,
      sdgTargets: sortTargets(input.sdgTargets),
      visibility: input.visibility,
      createdAt: now,
      updatedAt: now,
    });
    await replaceParticipants(tx.db, row.id, refs.participantIds ?? []);
    await replaceMandates(
      tx.db,
      row.id,
      (refs.mandates ?? []).map((m) => m.id),
    );
    return recordRevision(tx, row, input.reason, null);
  });
}

export async function updateArea(ctx: Ctx, idOrSlug: string, input: UpdateAreaInput): Promise<Area> {
  const current = await findArea(ctx, idOrSlug);
  await ctx.access.authorize("area.manage", current.leadUnitId);
  const faults = new FieldFaults();
  const refs = await resolveReferences(ctx, faults, input);
  const name = input.name ?? current.name;
  const originalLanguage = input.originalLanguage ?? (current.originalLanguage as Language);
  if (name[originalLanguage] === undefined) faults.add("name", "required");
  faults.throwIfAny();
  if (refs.leadUnitId && refs.leadUnitId !== current.leadUnitId)
    await ctx.access.authorize("area.manage", refs.leadUnitId);
  const [before] = await present(ctx, [current]);
  const mandates = refs.mandates ?? (await readableMandates(ctx, before!.mandateIds));
  const justification = input.justification !== undefined ? input.justification : current.justification;
  checkActivation(input.status ?? (current.status as AreaStatus), mandates, justification);
  return ctx.transaction(async (tx) => {
    const next = await updateAreaIfVersion(
      tx.db,
      current.id,
      input.version,
      {
        name,
        originalLanguage,
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(refs.leadUnitId ? { leadUnitId: refs.leadUnitId } : {}),
        justification,
        ...(input.sdgTargets ? { sdgTargets: sortTargets(input.sdgTargets) } : {}),
        ...(input.visibility ? { visibility: input.visibility } : {}),
      },
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    if (refs.participantIds) await replaceParticipants(tx.db, current.id, refs.participantIds);
    if (refs.mandates)
      await replaceMandates(
        tx.db,
        current.id,
        refs.mandates.map((m) => m.id),
      );
    return recordRevision(tx, next, input.reason, before!);
  });
}

/** Names a focal point for one of the area's units; the list gets a new revision. */
export async function addFocalPoint(ctx: Ctx, idOrSlug: string, input: AddFocalPointInput): Promise<Area> {
  const current = await findArea(ctx, idOrSlug);
  await ctx.access.authorize("area.manage", current.leadUnitId);
  const faults = new FieldFaults();
  const [unitRow] = await unitsByCodes(ctx.db, [input.unitCode]);
  const [before] = await present(ctx, [current]);
  if (!unitRow) faults.add("unitCode", "unknown_unit");
  else if (unitRow.id !== current.leadUnitId && !before!.participatingUnitCodes.includes(unitRow.code)) {
    faults.add("unitCode", "unit_not_participating");
  }
  faults.throwIfAny();
  const focal = await findPerson(ctx, input.personId).catch(() =>
    fail("validation_failed", [{ field: "personId", reason: "unknown_person" }]),
  );
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    await insertFocalPoint(tx.db, {
      areaId: current.id,
      personId: focal.id,
      unitId: unitRow!.id,
      validFrom: input.validFrom,
      validTo: input.validTo,
      createdAt: now,
      updatedAt: now,
    });
    const next = await updateAreaIfVersion(tx.db, current.id, current.version, {}, now);
    assertFresh(next);
    return recordRevision(tx, next, input.reason, before!);
  });
}

export async function endFocalPoint(
  ctx: Ctx,
  idOrSlug: string,
  focalPointId: string,
  input: EndFocalPointInput,
): Promise<Area> {
  const current = await findArea(ctx, idOrSlug);
  await ctx.access.authorize("area.manage", current.leadUnitId);
  const focal = await focalPointById(ctx.db, focalPointId);
  if (!focal || focal.areaId !== current.id) fail("not_found", { entity: "focal_point", id: focalPointId });
  if (input.validTo < focal.validFrom)
    fail("validation_failed", [{ field: "validTo", reason: "before_start" }]);
  const [before] = await present(ctx, [current]);
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const ended = await endFocalPointIfVersion(tx.db, focal.id, input.version, input.validTo, now);
    assertFresh(ended);
    const next = await updateAreaIfVersion(tx.db, current.id, current.version, {}, now);
    assertFresh(next);
    return recordRevision(tx, next, input.reason, before!);
  });
}

export async function listRevisions(ctx: Ctx, idOrSlug: string): Promise<{ entries: AreaRevision[] }> {
  const current = await findArea(ctx, idOrSlug);
  const rows = await revisionsOf(ctx.db, current.id);
  return {
    entries: rows.map((r) => ({
      revision: r.revision.revision,
      changedAt: isoTimestamp(r.revision.changedAt),
      changedBy: r.actorName,
      reason: r.revision.reason,
      area: r.revision.snapshot as Area,
    })),
  };
}

/** The list as the table annexed to a Council report, in one language, as of a day (today by default). */
export async function areasAnnex(ctx: Ctx, options: { asOf?: string; lang: Language }): Promise<Table> {
  const day = options.asOf ?? today(ctx.clock);
  const { entries } = await listAreas(ctx, { asOf: options.asOf });
  return {
    name: `areas-of-common-interest-${day}`,
    header: [
      "slug",
      "name",
      "status",
      "lead_unit",
      "participating_units",
      "mandates",
      "focal_points",
      "qualifies",
      "justification",
    ],
    rows: entries.map((a) => [
      a.slug,
      localize(a.name, a.originalLanguage, options.lang).text,
      a.status,
      a.leadUnitCode,
      a.participatingUnitCodes.join(";"),
      a.mandateCitations.join("; "),
      a.sdgTargets.join(";"),
      a.focalPoints
        .filter((f) => f.validFrom <= day && (f.validTo === null || f.validTo >= day))
        .map((f) => `${f.personName} (${f.unitCode})`)
        .join("; "),
      a.qualification.qualifies ? "yes" : "no",
      a.justification,
    ]),
  };
}

/** Targets in the UN's order (5.1 … 5.6, 5.a …), each once. */
function sortTargets(codes: readonly string[]): string[] {
  const key = (code: string) => {
    const [goal, target] = code.split(".") as [string, string];
    return [Number(goal), /^\d+$/.test(target) ? Number(target) : 100 + target.charCodeAt(0)] as const;
  };
  return [...new Set(codes)].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
}

/** Readable areas by slug, for other modules (activities tag them). */
export async function findAreasBySlugs(ctx: Ctx, slugs: readonly string[]): Promise<AreaRow[]> {
  const scope = await ctx.access.readableScope();
  return (await areasBySlugs(ctx.db, slugs)).filter((a) =>
    scope.visibilities.includes(a.visibility as Visibility),
  );
}

/** The areas the viewer is a focal point of today: they may tag any unit's activity with them. */
export async function areasOfFocalPoint(ctx: Ctx): Promise<Set<string>> {
  if (!ctx.viewer) return new Set();
  return new Set(await areaIdsWithFocalPoint(ctx.db, ctx.viewer.personId, today(ctx.clock)));
}
