import type { z } from "zod";
import type { AuditEvent, AuditQuery } from "#shared/audit.ts";
import { isoTimestamp } from "../../core/clock.ts";
import type { Ctx } from "../../core/context.ts";
import { decodeCursor, pageFrom } from "../../core/pagination.ts";
import { listAuditRows } from "./audit.repo.ts";

type Row = Awaited<ReturnType<typeof listAuditRows>>[number];

function toAuditEvent(row: Row): AuditEvent {
  return {
    id: row.event.id,
    occurredAt: isoTimestamp(row.event.occurredAt),
    actorId: row.event.actorId,
    actorName: row.actorName,
    action: row.event.action,
    entity: row.event.entity,
    entityId: row.event.entityId,
    before: row.event.before,
    after: row.event.after,
  };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

async function page(ctx: Ctx, query: z.infer<typeof AuditQuery> & { cursor?: string; limit: number }) {
  const before = decodeCursor(query.cursor, 2) as [string, string] | null;
  const rows = await listAuditRows(ctx.db, {
    ...query,
    to: undefined,
    toExclusive: query.to ? nextDay(query.to) : undefined,
    before,
    limit: query.limit,
  } as Parameters<typeof listAuditRows>[1]);
  const result = pageFrom(rows, query.limit, (row) => [row.event.occurredAt, row.event.id]);
  return { entries: result.entries.map(toAuditEvent), nextCursor: result.nextCursor };
}

/**
 * The global trail, across every record: for administrators and observers of the whole
 * organization, since a row's before/after may hold any unit's data.
 */
export async function listAuditEvents(
  ctx: Ctx,
  query: z.infer<typeof AuditQuery> & { cursor?: string; limit: number },
) {
  await ctx.access.authorize("audit.read", null);
  return page(ctx, query);
}

/** The history of one record; the caller has already checked that the viewer may read the record. */
export async function historyOf(
  ctx: Ctx,
  entity: string,
  entityId: string,
  cursor: string | undefined,
  limit: number,
) {
  return page(ctx, { entity, entityId, cursor, limit });
}
