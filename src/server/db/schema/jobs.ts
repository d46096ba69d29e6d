import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { recordColumns } from "./columns.ts";

/**
 * Long work run in the background, with its progress. The row is the only state: any process can
 * report on a job, and a job left running by a process that died is marked failed at the next start.
 */
export const job = pgTable(
  "job",
  {
    ...recordColumns,
    kind: text("kind").notNull(),
    status: text("status").notNull().default("running"),
    done: integer("done").notNull().default(0),
    total: integer("total"),
    result: jsonb("result").$type<Record<string, unknown>>(),
    error: text("error"),
    requestedBy: uuid("requested_by"),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "string" }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [
    index("job_kind_idx").on(t.kind, t.startedAt),
    check("job_status_check", sql`${t.status} in ('running', 'succeeded', 'failed')`),
  ],
);
