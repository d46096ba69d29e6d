import type { Executor } from "../db/client.ts";
import { auditEvent } from "../db/schema/audit.ts";

/** Columns that never enter the trail: a copy of the audit table must not grant access. */
const SECRET_FIELDS = new Set(["passwordHash", "tokenHash", "csrfToken"]);

function snapshot(record: object | null | undefined): Record<string, unknown> | null {
  if (!record) return null;
  return Object.fromEntries(Object.entries(record).filter(([key]) => !SECRET_FIELDS.has(key)));
}

export interface AuditEntry {
  entity: string;
  entityId: string;
  before: object | null;
  after: object | null;
  action?: string;
}

export interface Audit {
  /** Many rows in one statement, for bulk imports; same rules as `record`. */
  recordMany(entries: AuditEntry[]): Promise<void>;
  /** Writes one audit row in the caller's transaction: the change and its record stand or fall together. */
  record(
    entity: string,
    entityId: string,
    before: object | null | undefined,
    after: object | null | undefined,
    action?: string,
  ): Promise<void>;
}

export function createAudit(db: Executor, actorId: string | null, now: () => Date): Audit {
  return {
    async recordMany(entries) {
      if (entries.length === 0) return;
      const at = now().toISOString();
      await db.insert(auditEvent).values(
        entries.map((e) => ({
          occurredAt: at,
          actorId,
          action: e.action ?? (e.before ? (e.after ? "update" : "delete") : "create"),
          entity: e.entity,
          entityId: e.entityId,
          before: snapshot(e.before),
          after: snapshot(e.after),
        })),
      );
    },
    async record(entity, entityId, before, after, action) {
      await db.insert(auditEvent).values({
        occurredAt: now().toISOString(),
        actorId,
        action: action ?? (before ? (after ? "update" : "delete") : "create"),
        entity,
        entityId,
        before: snapshot(before),
        after: snapshot(after),
      });
    },
  };
}
