import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { MultilingualText } from "#shared/languages.ts";
import { recordColumns } from "./columns.ts";

const visibilityCheck = (column: string) =>
  sql.raw(`${column} in ('public', 'members', 'internal', 'restricted')`);

export const unit = pgTable(
  "unit",
  {
    ...recordColumns,
    code: text("code").notNull(),
    kind: text("kind").notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => unit.id),
    name: jsonb("name").$type<MultilingualText>().notNull(),
    originalLanguage: text("original_language").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }),
    visibility: text("visibility").notNull().default("public"),
  },
  (t) => [
    uniqueIndex("unit_code_key").on(t.code),
    index("unit_parent_idx").on(t.parentId),
    check("unit_validity_check", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check("unit_visibility_check", visibilityCheck("visibility")),
    check("unit_not_own_parent_check", sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
);

export const person = pgTable(
  "person",
  {
    ...recordColumns,
    name: text("name").notNull(),
    email: text("email"),
    preferredLanguage: text("preferred_language").notNull().default("en"),
    active: boolean("active").notNull().default(true),
    visibility: text("visibility").notNull().default("internal"),
    passwordHash: text("password_hash"),
  },
  (t) => [
    uniqueIndex("person_email_key").on(t.email),
    index("person_name_idx").on(t.name),
    check("person_visibility_check", visibilityCheck("visibility")),
  ],
);

/** A post a person holds in a unit for a period: the organization chart as of any date. */
export const post = pgTable(
  "post",
  {
    ...recordColumns,
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => unit.id),
    title: jsonb("title").$type<MultilingualText>().notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }),
  },
  (t) => [
    index("post_person_idx").on(t.personId),
    index("post_unit_idx").on(t.unitId),
    check("post_validity_check", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** A role held over a unit and its sub-units, or over the whole organization when unit_id is null. */
export const roleAssignment = pgTable(
  "role_assignment",
  {
    ...recordColumns,
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    role: text("role").notNull(),
    unitId: uuid("unit_id").references(() => unit.id),
  },
  (t) => [
    index("role_assignment_person_idx").on(t.personId),
    uniqueIndex("role_assignment_key").on(
      t.personId,
      t.role,
      sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000')`,
    ),
    check(
      "role_assignment_role_check",
      sql`${t.role} in ('administrator', 'secretariat', 'chair', 'focal_point', 'staff', 'observer', 'reader')`,
    ),
  ],
);
