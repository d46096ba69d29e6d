import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { activity } from "./activities.ts";
import { recordColumns } from "./columns.ts";

/**
 * A pair of activities of different units that a scan found alike, and what the people responsible
 * decided about it. The pair is stored once, the activity with the smaller id first.
 */
export const overlapCandidate = pgTable(
  "overlap_candidate",
  {
    ...recordColumns,
    activityAId: uuid("activity_a_id")
      .notNull()
      .references(() => activity.id),
    activityBId: uuid("activity_b_id")
      .notNull()
      .references(() => activity.id),
    score: real("score").notNull(),
    likely: boolean("likely").notNull(),
    evidence: jsonb("evidence").$type<Record<string, unknown>[]>().notNull(),
    /** When the scan last found the pair (a rescan that no longer finds an open pair removes it). */
    detectedAt: timestamp("detected_at", { withTimezone: true, mode: "string" }).notNull(),
    status: text("status").notNull().default("open"),
    outcome: text("outcome"),
    reason: text("reason"),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "string" }),
    /** The words of both texts when decided: a dismissed pair returns only if one of them changed substantially. */
    decidedWords: jsonb("decided_words").$type<{ a: string[]; b: string[] }>(),
  },
  (t) => [
    uniqueIndex("overlap_candidate_pair_key").on(t.activityAId, t.activityBId),
    index("overlap_candidate_inbox_idx").on(t.status, t.score.desc(), t.id),
    index("overlap_candidate_b_idx").on(t.activityBId),
    check("overlap_candidate_order_check", sql`${t.activityAId} < ${t.activityBId}`),
    check("overlap_candidate_status_check", sql`${t.status} in ('open', 'confirmed', 'dismissed')`),
    check(
      "overlap_candidate_outcome_check",
      sql`(${t.status} = 'confirmed' and ${t.outcome} in ('coordinate', 'merge', 'joint_activity')) or (${t.status} <> 'confirmed' and ${t.outcome} is null)`,
    ),
  ],
);
