import { sql } from "drizzle-orm";
import { check, date, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { MultilingualText } from "#shared/languages.ts";
import { body, meeting } from "./bodies.ts";
import { recordColumns } from "./columns.ts";

/**
 * The documents register. Agenda items and figures cite documents by symbol, not by key: a
 * symbol can be cited before its document is registered, and registering it links every citation.
 */
export const document = pgTable(
  "document",
  {
    ...recordColumns,
    /** Canonical, without a language suffix (shared/document-symbols.ts). */
    symbol: text("symbol").notNull(),
    title: jsonb("title").$type<MultilingualText>().notNull(),
    originalLanguage: text("original_language").notNull(),
    issuedOn: date("issued_on", { mode: "string" }),
    languages: text("languages")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    bodyId: uuid("body_id").references(() => body.id),
    meetingId: uuid("meeting_id").references(() => meeting.id),
    link: text("link"),
    /** The symbol with its numbers padded, so C16/9 comes before C16/10. */
    sortKey: text("sort_key").notNull(),
    /** Every language's words of the title and the symbol, for the register's search (core/text.ts). */
    searchText: text("search_text").notNull().default(""),
  },
  (t) => [
    uniqueIndex("document_symbol_key").on(t.symbol),
    index("document_sort_idx").on(t.sortKey, t.id),
    index("document_meeting_idx").on(t.meetingId),
    index("document_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    check("document_link_check", sql`${t.link} is null or ${t.link} ~ '^https?://'`),
    // A meeting's document is its body's: the register's visibility reads the body column alone.
    check("document_meeting_body_check", sql`${t.meetingId} is null or ${t.bodyId} is not null`),
  ],
);
