import type { z } from "zod";
import type { Visibility } from "#shared/access.ts";
import type { Language } from "#shared/languages.ts";
import {
  citeMandate,
  type CreateMandateInput,
  type Mandate,
  type MandateKind,
  type MandateListQuery,
  type MandateSource,
  type UpdateMandateInput,
} from "#shared/mandates.ts";
import { isoTimestamp } from "../../core/clock.ts";
import type { Ctx } from "../../core/context.ts";
import { fail, looksLikeId, assertFresh } from "../../core/errors.ts";
import {
  insertMandate,
  listMandateRows,
  mandateByCitation,
  mandateById,
  mandatesByIds,
  type MandateRow,
  updateMandateIfVersion,
} from "./mandates.repo.ts";

export function toMandate(row: MandateRow): Mandate {
  const source = row.source as MandateSource;
  const kind = row.kind as MandateKind;
  return {
    id: row.id,
    source,
    kind,
    number: row.number,
    revised: row.revised,
    place: row.place,
    year: row.year,
    citation: citeMandate({
      source,
      kind,
      number: row.number,
      revised: row.revised,
      place: row.place,
      year: row.year,
    }),
    title: row.title,
    originalLanguage: row.originalLanguage as Language,
    link: row.link,
    instructs: row.instructs,
    callsForInterSectoralCoordination: row.callsForCoordination,
    verified: row.verified,
    sourceNote: row.sourceNote,
    visibility: row.visibility as Visibility,
    createdAt: isoTimestamp(row.createdAt),
    updatedAt: isoTimestamp(row.updatedAt),
    version: row.version,
  };
}

export async function findMandate(ctx: Ctx, id: string): Promise<MandateRow> {
  const row = looksLikeId(id) ? await mandateById(ctx.db, id) : undefined;
  if (!row || !(await ctx.access.canRead(row.visibility as Visibility, [])))
    fail("not_found", { entity: "mandate", id });
  return row;
}

/** Mandates by id for another module (areas); unknown or unreadable ids are reported by the caller. */
export async function readableMandates(ctx: Ctx, ids: readonly string[]): Promise<Mandate[]> {
  const scope = await ctx.access.readableScope();
  return (await mandatesByIds(ctx.db, ids))
    .filter((m) => scope.visibilities.includes(m.visibility as Visibility))
    .map(toMandate);
}

export async function listMandates(ctx: Ctx, query: z.infer<typeof MandateListQuery>) {
  const scope = await ctx.access.readableScope();
  const rows = await listMandateRows(ctx.db, { ...query, visibilities: scope.visibilities });
  return { entries: rows.map(toMandate) };
}

export async function createMandate(ctx: Ctx, input: CreateMandateInput): Promise<Mandate> {
  await ctx.access.authorize("mandate.manage", null);
  if (await mandateByCitation(ctx.db, input.source, input.kind, input.number, input.year)) {
    fail("conflict", [{ field: "number", reason: "duplicate" }]);
  }
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const row = await insertMandate(tx.db, {
      ...input,
      callsForCoordination: input.callsForInterSectoralCoordination,
      createdAt: now,
      updatedAt: now,
    });
    await tx.audit.record("mandate", row.id, null, toMandate(row));
    return toMandate(row);
  });
}

export async function updateMandate(ctx: Ctx, id: string, input: UpdateMandateInput): Promise<Mandate> {
  const current = await findMandate(ctx, id);
  await ctx.access.authorize("mandate.manage", null);
  const { version, callsForInterSectoralCoordination, ...changes } = input;
  return ctx.transaction(async (tx) => {
    const next = await updateMandateIfVersion(
      tx.db,
      current.id,
      version,
      {
        ...changes,
        ...(callsForInterSectoralCoordination === undefined
          ? {}
          : { callsForCoordination: callsForInterSectoralCoordination }),
      },
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    await tx.audit.record("mandate", current.id, toMandate(current), toMandate(next));
    return toMandate(next);
  });
}
