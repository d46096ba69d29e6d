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
import { mandate } from "./areas.ts";
import { recordColumns } from "./columns.ts";
import { person } from "./organization.ts";

/** A coordination body: the task force, the Coordination Committee, an inter-sector team of advisory groups. */
export const body = pgTable(
  "body",
  {
    ...recordColumns,
    code: text("code").notNull(),
    name: jsonb("name").$type<MultilingualText>().notNull(),
    originalLanguage: text("original_language").notNull(),
    level: text("level").notNull(),
    chairPersonId: uuid("chair_person_id").references(() => person.id),
    termsOfReference: jsonb("terms_of_reference").$type<MultilingualText>(),
    /** The service order or resolution that sets the terms of reference. */
    instrumentId: uuid("instrument_id").references(() => mandate.id),
    /** Member categories: `{code, name, attendance}` in the order the terms of reference list them. */
    categories: jsonb("categories")
      .$type<{ code: string; name: MultilingualText; attendance: string }[]>()
      .notNull()
      .default([]),
    visibility: text("visibility").notNull().default("internal"),
  },
  (t) => [
    uniqueIndex("body_code_key").on(t.code),
    check("body_level_check", sql`${t.level} in ('secretariat', 'membership')`),
  ],
);

/** A person's seat on a body, in one of its categories, for a period. */
export const bodyMember = pgTable(
  "body_member",
  {
    ...recordColumns,
    bodyId: uuid("body_id")
      .notNull()
      .references(() => body.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    category: text("category").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }),
  },
  (t) => [
    index("body_member_body_idx").on(t.bodyId, t.validFrom),
    index("body_member_person_idx").on(t.personId),
    check("body_member_period_check", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** A meeting of a body: the 16th meeting of the task force. */
export const meeting = pgTable(
  "meeting",
  {
    ...recordColumns,
    bodyId: uuid("body_id")
      .notNull()
      .references(() => body.id),
    number: integer("number").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true, mode: "string" }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true, mode: "string" }),
    /** The IANA zone the meeting is held in, so "10:00 Geneva time" stays that across summer time. */
    timeZone: text("time_zone").notNull(),
    mode: text("mode").notNull(),
    place: text("place"),
    status: text("status").notNull().default("planned"),
    /** Minutes are drafted, then approved by the chair; changing approved minutes opens a new revision. */
    minutesStatus: text("minutes_status").notNull().default("draft"),
    minutesRevision: integer("minutes_revision").notNull().default(1),
    minutesApprovedBy: uuid("minutes_approved_by"),
    minutesApprovedAt: timestamp("minutes_approved_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [
    uniqueIndex("meeting_body_number_key").on(t.bodyId, t.number),
    index("meeting_starts_idx").on(t.startsAt, t.id),
    check("meeting_mode_check", sql`${t.mode} in ('in_person', 'remote', 'hybrid')`),
    check("meeting_status_check", sql`${t.status} in ('planned', 'held', 'cancelled')`),
    check("meeting_period_check", sql`${t.endsAt} is null or ${t.endsAt} >= ${t.startsAt}`),
  ],
);

/** Who was invited to a meeting and how they took part, with the category they sat in. */
export const meetingParticipant = pgTable(
  "meeting_participant",
  {
    ...recordColumns,
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    /** The body category they sat in, or null for an invited guest. */
    category: text("category"),
    invited: boolean("invited").notNull().default(true),
    attendance: text("attendance"),
  },
  (t) => [
    uniqueIndex("meeting_participant_key").on(t.meetingId, t.personId),
    index("meeting_participant_person_idx").on(t.personId),
    check(
      "meeting_participant_attendance_check",
      sql`${t.attendance} is null or ${t.attendance} in ('in_person', 'remote', 'apologies', 'absent')`,
    ),
  ],
);

/** An item of a meeting's agenda, which may concern an area, a coordination issue, an action item or a document. */
export const agendaItem = pgTable(
  "agenda_item",
  {
    ...recordColumns,
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id),
    position: integer("position").notNull(),
    title: jsonb("title").$type<MultilingualText>().notNull(),
    originalLanguage: text("original_language").notNull(),
    kind: text("kind").notNull().default("other"),
    areaId: uuid("area_id"),
    documentSymbol: text("document_symbol"),
    minutes: jsonb("minutes").$type<MultilingualText>(),
    /** The coordination issue this item discusses (proposed by the escalation timer or by hand). */
    coordinationIssueId: uuid("coordination_issue_id"),
  },
  (t) => [
    index("agenda_item_meeting_idx").on(t.meetingId, t.position),
    check(
      "agenda_item_kind_check",
      sql`${t.kind} in ('area', 'coordination_issue', 'action_item', 'document', 'other')`,
    ),
  ],
);

/** A decision of a body, numbered in its register across the whole series: `ISC-TF/16/2`. */
export const decision = pgTable(
  "decision",
  {
    ...recordColumns,
    bodyId: uuid("body_id")
      .notNull()
      .references(() => body.id),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItem.id),
    number: text("number").notNull(),
    text: jsonb("text").$type<MultilingualText>().notNull(),
    originalLanguage: text("original_language").notNull(),
    /** Every language's words, for the register's search (core/text.ts). */
    searchText: text("search_text").notNull().default(""),
  },
  (t) => [
    uniqueIndex("decision_body_number_key").on(t.bodyId, t.number),
    index("decision_meeting_idx").on(t.meetingId),
    index("decision_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Something someone must do by a date, with its progress: from an agenda item, a decision, or on its own. */
export const actionItem = pgTable(
  "action_item",
  {
    ...recordColumns,
    bodyId: uuid("body_id")
      .notNull()
      .references(() => body.id),
    meetingId: uuid("meeting_id").references(() => meeting.id),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItem.id),
    decisionId: uuid("decision_id").references(() => decision.id),
    title: jsonb("title").$type<MultilingualText>().notNull(),
    originalLanguage: text("original_language").notNull(),
    ownerPersonId: uuid("owner_person_id")
      .notNull()
      .references(() => person.id),
    ownerUnitId: uuid("owner_unit_id").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    status: text("status").notNull().default("open"),
    /** Progress notes, oldest first: `{at, by, note}`. */
    notes: jsonb("notes").$type<{ at: string; by: string | null; note: string }[]>().notNull().default([]),
    remindedAt: timestamp("reminded_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [
    index("action_item_owner_idx").on(t.ownerPersonId, t.status, t.dueDate),
    index("action_item_due_idx").on(t.status, t.dueDate),
    check("action_item_status_check", sql`${t.status} in ('open', 'in_progress', 'done', 'cancelled')`),
  ],
);

/**
 * The escalation ladder of the organization: level 1 is the focal points themselves, each level above
 * a body; an issue unresolved past its level's time limit moves up.
 */
export const escalationLevel = pgTable(
  "escalation_level",
  {
    ...recordColumns,
    position: integer("position").notNull(),
    name: jsonb("name").$type<MultilingualText>().notNull(),
    bodyId: uuid("body_id").references(() => body.id),
    /** Days an issue may stay at this level; null at the top. */
    timeLimitDays: integer("time_limit_days"),
  },
  (t) => [uniqueIndex("escalation_level_position_key").on(t.position)],
);

/** An issue a focal point raises on an area, which moves up the ladder until a decision settles it. */
export const coordinationIssue = pgTable(
  "coordination_issue",
  {
    ...recordColumns,
    areaId: uuid("area_id").notNull(),
    title: jsonb("title").$type<MultilingualText>().notNull(),
    description: jsonb("description").$type<MultilingualText>(),
    originalLanguage: text("original_language").notNull(),
    raisedBy: uuid("raised_by")
      .notNull()
      .references(() => person.id),
    level: integer("level").notNull().default(1),
    levelSince: timestamp("level_since", { withTimezone: true, mode: "string" }).notNull(),
    status: text("status").notNull().default("open"),
    resolvedByDecisionId: uuid("resolved_by_decision_id").references(() => decision.id),
    resolution: text("resolution"),
    /** Every move, oldest first: `{at, from, to, by, reason, automatic}`. */
    moves: jsonb("moves")
      .$type<
        {
          at: string;
          from: number | null;
          to: number;
          by: string | null;
          reason: string;
          automatic: boolean;
        }[]
      >()
      .notNull()
      .default([]),
  },
  (t) => [
    index("coordination_issue_status_idx").on(t.status, t.level, t.levelSince),
    index("coordination_issue_area_idx").on(t.areaId),
    check("coordination_issue_status_check", sql`${t.status} in ('open', 'resolved', 'withdrawn')`),
  ],
);

/** A focal point's progress report on their area, filed before a meeting, shown under the area's agenda item. */
export const areaReport = pgTable(
  "area_report",
  {
    ...recordColumns,
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id),
    areaId: uuid("area_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    language: text("language").notNull(),
    progress: text("progress").notNull(),
    issues: text("issues").notNull().default(""),
    nextSteps: text("next_steps").notNull().default(""),
  },
  (t) => [uniqueIndex("area_report_key").on(t.meetingId, t.areaId, t.personId)],
);
