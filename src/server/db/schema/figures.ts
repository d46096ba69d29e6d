import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { MultilingualText } from "#shared/languages.ts";
import { recordColumns } from "./columns.ts";
import { person, unit } from "./organization.ts";

/** What is counted, in what unit, by which service: the catalogue every figure belongs to. */
export const metric = pgTable(
  "metric",
  {
    ...recordColumns,
    code: text("code").notNull(),
    name: jsonb("name").$type<MultilingualText>().notNull(),
    definition: jsonb("definition").$type<MultilingualText>(),
    originalLanguage: text("original_language").notNull(),
    unit: text("unit").notNull(),
    additive: boolean("additive").notNull(),
    section: text("section").notNull(),
    ownerUnitId: uuid("owner_unit_id")
      .notNull()
      .references(() => unit.id),
  },
  (t) => [
    uniqueIndex("metric_code_key").on(t.code),
    check("metric_unit_check", sql`${t.unit} in ('count', 'chf', 'percent', 't_co2e_per_capita')`),
  ],
);

/** One figure as a source states it: value, qualifier, period, scope and where it was read. */
export const figure = pgTable(
  "figure",
  {
    ...recordColumns,
    metricId: uuid("metric_id")
      .notNull()
      .references(() => metric.id),
    kind: text("kind").notNull(),
    value: doublePrecision("value").notNull(),
    unit: text("unit").notNull(),
    qualifier: text("qualifier").notNull(),
    outOf: integer("out_of"),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    periodSince: text("period_since"),
    scopePlace: text("scope_place"),
    scopeUnitId: uuid("scope_unit_id").references(() => unit.id),
    scopeCategory: text("scope_category"),
    sourceSymbol: text("source_symbol").notNull(),
    sourceSection: text("source_section"),
    sourceLanguage: text("source_language").notNull(),
    sourceSymbolAssumed: boolean("source_symbol_assumed").notNull().default(false),
    sourceQuote: text("source_quote"),
    enteredBy: uuid("entered_by").references(() => person.id),
  },
  (t) => [
    index("figure_metric_period_idx").on(t.metricId, t.periodStart),
    check("figure_period_check", sql`${t.periodEnd} >= ${t.periodStart}`),
    check(
      "figure_kind_check",
      sql`${t.kind} in ('total', 'level', 'rate', 'average', 'change', 'share', 'rank')`,
    ),
    check(
      "figure_qualifier_check",
      sql`${t.qualifier} in ('exact', 'about', 'more_than', 'less_than', 'at_least', 'at_most')`,
    ),
    check("figure_rank_check", sql`(${t.kind} = 'rank') = (${t.outOf} is not null)`),
  ],
);

/** Budget against actual, this year against last: two figures read side by side. */
export const figureComparison = pgTable(
  "figure_comparison",
  {
    // Every table has an id: backups page through rows by it.
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    figureId: uuid("figure_id")
      .notNull()
      .references(() => figure.id, { onDelete: "cascade" }),
    otherFigureId: uuid("other_figure_id")
      .notNull()
      .references(() => figure.id, { onDelete: "cascade" }),
    relation: text("relation").notNull(),
  },
  (t) => [
    uniqueIndex("figure_comparison_key").on(t.figureId, t.otherFigureId, t.relation),
    index("figure_comparison_other_idx").on(t.otherFigureId),
    check("figure_comparison_relation_check", sql`${t.relation} in ('budget', 'previous')`),
    check("figure_comparison_not_self_check", sql`${t.figureId} <> ${t.otherFigureId}`),
  ],
);

/**
 * Someone responsible for a metric looked at two contradicting figures and wrote down why both
 * stay (the source itself disagrees, one counts another scope, …). It holds for the versions read:
 * a correction of either figure brings the contradiction back to review.
 */
export const figureContradictionReview = pgTable(
  "figure_contradiction_review",
  {
    ...recordColumns,
    // The pair is stored once, in id order, whichever figure it was reviewed from.
    figureId: uuid("figure_id")
      .notNull()
      .references(() => figure.id, { onDelete: "cascade" }),
    otherFigureId: uuid("other_figure_id")
      .notNull()
      .references(() => figure.id, { onDelete: "cascade" }),
    figureVersion: integer("figure_version").notNull(),
    otherFigureVersion: integer("other_figure_version").notNull(),
    explanation: text("explanation").notNull(),
    reviewedBy: uuid("reviewed_by").references(() => person.id),
  },
  (t) => [
    uniqueIndex("figure_contradiction_review_pair_key").on(t.figureId, t.otherFigureId),
    index("figure_contradiction_review_other_idx").on(t.otherFigureId),
    check("figure_contradiction_review_order_check", sql`${t.figureId} < ${t.otherFigureId}`),
  ],
);
