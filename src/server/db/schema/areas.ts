import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { MultilingualText } from "#shared/languages.ts";
import { recordColumns } from "./columns.ts";
import { person, unit } from "./organization.ts";

/** A resolution, decision or secretariat instrument that gives the Union a mandate. */
export const mandate = pgTable(
  "mandate",
  {
    ...recordColumns,
    source: text("source").notNull(),
    kind: text("kind").notNull(),
    number: text("number").notNull(),
    revised: boolean("revised").notNull().default(false),
    place: text("place"),
    year: integer("year").notNull(),
    title: jsonb("title").$type<MultilingualText>().notNull(),
    originalLanguage: text("original_language").notNull(),
    link: text("link"),
    instructs: jsonb("instructs").$type<string[]>().notNull().default([]),
    callsForCoordination: boolean("calls_for_coordination").notNull().default(false),
    verified: boolean("verified").notNull().default(false),
    sourceNote: text("source_note").notNull().default(""),
    visibility: text("visibility").notNull().default("public"),
  },
  (t) => [
    uniqueIndex("mandate_citation_key").on(t.source, t.kind, t.number, t.year),
    check(
      "mandate_source_check",
      sql`${t.source} in ('PP', 'Council', 'WRC', 'RA', 'WTSA', 'WTDC', 'secretariat')`,
    ),
    check(
      "mandate_kind_check",
      sql`${t.kind} in ('resolution', 'decision', 'recommendation', 'service_order')`,
    ),
  ],
);

/** An area of common interest of the Sectors (Resolution 191). */
export const area = pgTable(
  "area",
  {
    ...recordColumns,
    slug: text("slug").notNull(),
    name: jsonb("name").$type<MultilingualText>().notNull(),
    description: jsonb("description").$type<MultilingualText>(),
    originalLanguage: text("original_language").notNull(),
    status: text("status").notNull().default("proposed"),
    leadUnitId: uuid("lead_unit_id")
      .notNull()
      .references(() => unit.id),
    justification: text("justification"),
    /** SDG target codes (`5.b`); checked against data/sdg, which is reference data, not a table. */
    sdgTargets: jsonb("sdg_targets").$type<string[]>().notNull().default([]),
    visibility: text("visibility").notNull().default("public"),
    revision: integer("revision").notNull().default(1),
  },
  (t) => [
    uniqueIndex("area_slug_key").on(t.slug),
    check("area_status_check", sql`${t.status} in ('proposed', 'active', 'retired')`),
  ],
);

export const areaParticipant = pgTable(
  "area_participant",
  {
    ...recordColumns,
    areaId: uuid("area_id")
      .notNull()
      .references(() => area.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => unit.id),
  },
  (t) => [uniqueIndex("area_participant_key").on(t.areaId, t.unitId)],
);

export const areaMandate = pgTable(
  "area_mandate",
  {
    ...recordColumns,
    areaId: uuid("area_id")
      .notNull()
      .references(() => area.id),
    mandateId: uuid("mandate_id")
      .notNull()
      .references(() => mandate.id),
  },
  (t) => [uniqueIndex("area_mandate_key").on(t.areaId, t.mandateId)],
);

/** A person acting as the area's focal point for one participating unit, for a period. */
export const areaFocalPoint = pgTable(
  "area_focal_point",
  {
    ...recordColumns,
    areaId: uuid("area_id")
      .notNull()
      .references(() => area.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => unit.id),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }),
  },
  (t) => [
    index("area_focal_point_area_idx").on(t.areaId),
    check("area_focal_point_validity_check", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/**
 * The versioned list: a full snapshot of an area after every change, with who, when and why.
 * The list as of any date is rebuilt from these rows.
 */
export const areaRevision = pgTable(
  "area_revision",
  {
    ...recordColumns,
    areaId: uuid("area_id")
      .notNull()
      .references(() => area.id),
    revision: integer("revision").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    reason: text("reason").notNull(),
    actorId: uuid("actor_id"),
    changedAt: timestamp("changed_at", { withTimezone: true, mode: "string" }).notNull(),
  },
  (t) => [
    uniqueIndex("area_revision_key").on(t.areaId, t.revision),
    index("area_revision_changed_idx").on(t.changedAt),
  ],
);
