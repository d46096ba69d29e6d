import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { auditEvent } from "../../db/schema/audit.ts";
import { person } from "../../db/schema/organization.ts";

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  toExclusive?: string;
  before: [string, string] | null;
  limit: number;
}

export async function listAuditRows(db: Executor, filter: AuditFilter) {
  const conditions: (SQL | undefined)[] = [];
  if (filter.entity) conditions.push(eq(auditEvent.entity, filter.entity));
  if (filter.entityId) conditions.push(eq(auditEvent.entityId, filter.entityId));
  if (filter.actorId) conditions.push(eq(auditEvent.actorId, filter.actorId));
  if (filter.action) conditions.push(eq(auditEvent.action, filter.action));
  if (filter.from) conditions.push(gte(auditEvent.occurredAt, filter.from));
  if (filter.toExclusive) conditions.push(lt(auditEvent.occurredAt, filter.toExclusive));
  if (filter.before) {
    const [at, id] = filter.before;
    conditions.push(
      or(lt(auditEvent.occurredAt, at), and(eq(auditEvent.occurredAt, at), lt(auditEvent.id, id))),
    );
  }
  return db
    .select({ event: auditEvent, actorName: person.name })
    .from(auditEvent)
    .leftJoin(person, eq(person.id, auditEvent.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id))
    .limit(filter.limit + 1);
}
