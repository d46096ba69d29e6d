import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { MultilingualText } from "#shared/languages.ts";
import { area } from "./areas.ts";
import { recordColumns } from "./columns.ts";
import { unit } from "./organization.ts";

/** A unit's activity: study-group question, project, initiative, event, publication, service, guideline. */
export const activity = pgTable(
  "activity",
  {
    ...recordColumns,
    unitId: uuid("unit_id")
      .notNull()
      .references(() => unit.id),
    ref: text("ref").notNull(),
    type: text("type").notNull(),
    status: text("status").notNull(),
    title: jsonb("title").$type<MultilingualText>().notNull(),
    description: jsonb("description").$type<MultilingualText>(),
    originalLanguage: text("original_language").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    sdgTargets: jsonb("sdg_targets").$type<string[]>().notNull().default([]),
    /** The goals of sdgTargets, kept beside them: a goal filter on a small-integer GIN index costs
     * under a millisecond where `?|` over the jsonb targets cost ten at 100,000 activities. */
    sdgGoals: smallint("sdg_goals")
      .array()
      .notNull()
      .default(sql`'{}'`),
    budgetAmount: numeric("budget_amount", { precision: 16, scale: 2 }),
    currency: text("currency"),
    contactIds: jsonb("contact_ids").$type<string[]>().notNull().default([]),
    links: jsonb("links").$type<string[]>().notNull().default([]),
    visibility: text("visibility").notNull().default("public"),
    /** Every language of title, description and ref as normalised words (core/text.ts), for search. */
    searchText: text("search_text").notNull().default(""),
    /** The same words as an array: Chinese and other unsegmented words match whole, through a GIN
     * index, because pg_trgm does not index Han characters under a C locale. */
    searchWords: text("search_words")
      .array()
      .notNull()
      .generatedAlwaysAs(sql`string_to_array(btrim(search_text), ' ')`),
  },
  (t) => [
    uniqueIndex("activity_unit_ref_key").on(t.unitId, t.ref),
    index("activity_start_idx").on(t.startDate, t.id),
    // What the overlap check-on-save index reads to catch up with changes made since it last looked.
    index("activity_updated_idx").on(t.updatedAt),
    // Lists filtered by type read this index newest first and stop after a page (60 ms → 9 ms at 100k).
    index("activity_type_start_idx").on(t.type, t.startDate.desc(), t.id.desc()),
    index("activity_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    index("activity_sdg_idx").using("gin", t.sdgTargets),
    index("activity_sdg_goals_idx").using("gin", t.sdgGoals),
    index("activity_search_words_idx").using("gin", t.searchWords),
    check("activity_period_check", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check(
      "activity_type_check",
      sql`${t.type} in ('study_group_question', 'project', 'initiative', 'event', 'publication', 'service', 'guideline')`,
    ),
    check("activity_status_check", sql`${t.status} in ('planned', 'ongoing', 'completed', 'cancelled')`),
    check("activity_budget_check", sql`(${t.budgetAmount} is null) = (${t.currency} is null)`),
  ],
);

export const activityArea = pgTable(
  "activity_area",
  {
    ...recordColumns,
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activity.id),
    areaId: uuid("area_id")
      .notNull()
      .references(() => area.id),
  },
  (t) => [
    uniqueIndex("activity_area_key").on(t.activityId, t.areaId),
    index("activity_area_area_idx").on(t.areaId),
  ],
);
