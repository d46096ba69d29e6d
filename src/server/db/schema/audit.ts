import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The append-only trail of every change. It has no version or updated_at: a trigger
 * (migration 0001) refuses any UPDATE or DELETE, so a row never changes after it is written.
 */
export const auditEvent = pgTable(
  "audit_event",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_event_entity_idx").on(t.entity, t.entityId, t.occurredAt),
    index("audit_event_occurred_idx").on(t.occurredAt, t.id),
    index("audit_event_actor_idx").on(t.actorId),
  ],
);
