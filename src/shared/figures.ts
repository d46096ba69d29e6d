import { z } from "zod";
import { IsoDate } from "./dates.ts";
import { Language, MultilingualText } from "./languages.ts";

/**
 * What a metric counts in. `count` is a number of things (events, pages, days, members: the
 * metric's name says of what); money is in Swiss francs, the Union's currency.
 */
export const METRIC_UNITS = ["count", "chf", "percent", "t_co2e_per_capita"] as const;
export const MetricUnit = z.enum(METRIC_UNITS);
export type MetricUnit = z.infer<typeof MetricUnit>;

/** The unit a figure's value is in: the metric's own, a percentage (changes, shares), or a rank. */
export const FIGURE_UNITS = [...METRIC_UNITS, "rank"] as const;
export const FigureUnit = z.enum(FIGURE_UNITS);
export type FigureUnit = z.infer<typeof FigureUnit>;

/**
 * How a figure relates to its period: a total over it; a rate per year ("about 600 a year"); an
 * average per year ("150 a year on average"); a change over it ("+22 %"); a share ("20 %"); a rank
 * ("among the top 10 of 43"); or a level at its end (a stock: members, pages online).
 */
export const FIGURE_KINDS = ["total", "level", "rate", "average", "change", "share", "rank"] as const;
export const FigureKind = z.enum(FIGURE_KINDS);
export type FigureKind = z.infer<typeof FigureKind>;

export const QUALIFIERS = ["exact", "about", "more_than", "less_than", "at_least", "at_most"] as const;
export const Qualifier = z.enum(QUALIFIERS);
export type Qualifier = z.infer<typeof Qualifier>;

/** Where a figure was counted: in Geneva (headquarters) or worldwide. */
export const SCOPE_PLACES = ["geneva", "worldwide"] as const;
export const ScopePlace = z.enum(SCOPE_PLACES);
export type ScopePlace = z.infer<typeof ScopePlace>;

/** Whom a membership figure counts. `all_members` is Sector Members, Associates and Academia together. */
export const MEMBER_CATEGORIES = [
  "member_states",
  "sector_members",
  "associates",
  "academia",
  "all_members",
] as const;
export const MemberCategory = z.enum(MEMBER_CATEGORIES);
export type MemberCategory = z.infer<typeof MemberCategory>;

/**
 * How the figures of the support-services report are grouped: one section each, in the report's
 * order (S.1 management … S.16 strategic planning).
 */
export const REPORT_SECTIONS = [
  "S.1",
  "S.2",
  "S.3",
  "S.4",
  "S.5",
  "S.6.1",
  "S.6.2",
  "S.7",
  "S.8",
  "S.9",
  "S.10",
  "S.11",
  "S.12",
  "S.13",
  "S.14",
  "S.15",
  "S.16",
] as const;
export const ReportSection = z.enum(REPORT_SECTIONS);
export type ReportSection = z.infer<typeof ReportSection>;

/**
 * Which units a figure's value may be in, by kind: a total, level, rate or average in the metric's
 * own; a change in percent or the metric's unit; a share in percent; a rank is a rank. The server
 * refuses anything else; the form offers nothing else.
 */
export function unitsAllowed(kind: FigureKind, metricUnit: MetricUnit): FigureUnit[] {
  switch (kind) {
    case "total":
    case "level":
    case "rate":
    case "average":
      return [metricUnit];
    case "change":
      return metricUnit === "percent" ? ["percent"] : ["percent", metricUnit];
    case "share":
      return ["percent"];
    case "rank":
      return ["rank"];
  }
}

/** A rank is a position, not a measurement: "10th" or "within the top 10", never "about 10th". */
export function qualifiersAllowed(kind: FigureKind): readonly Qualifier[] {
  return kind === "rank" ? ["exact", "at_most"] : QUALIFIERS;
}

const Code = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/, "lowercase words joined by dots, dashes or underscores")
  .max(60);

export const Metric = z.object({
  id: z.uuid(),
  /** Stable key used in files and report templates: `conference.events`. */
  code: z.string(),
  name: MultilingualText,
  /** What the figures mean, caveats included (membership counts members, not memberships per Sector). */
  definition: MultilingualText.nullable(),
  originalLanguage: Language,
  unit: MetricUnit,
  /** Whether values of adjacent periods may be added into a total of the longer period. */
  additive: z.boolean(),
  section: ReportSection,
  ownerUnitId: z.uuid(),
  ownerUnitCode: z.string(),
  figureCount: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type Metric = z.infer<typeof Metric>;

const MetricFields = {
  code: Code,
  name: MultilingualText,
  definition: MultilingualText.nullable().default(null),
  originalLanguage: Language.optional(),
  unit: MetricUnit,
  additive: z.boolean(),
  section: ReportSection,
  ownerUnitCode: z.string().trim().min(1).max(40),
};
export const CreateMetricInput = z.object(MetricFields);
export type CreateMetricInput = z.infer<typeof CreateMetricInput>;
export const UpdateMetricInput = z.object({
  ...Object.fromEntries(Object.entries(MetricFields).map(([k, v]) => [k, v.optional()])),
  version: z.int().min(1),
} as { [K in keyof typeof MetricFields]: z.ZodOptional<(typeof MetricFields)[K]> } & { version: z.ZodInt });
export type UpdateMetricInput = z.infer<typeof UpdateMetricInput>;

/** Where a figure comes from: a Council document, its section, the language it was read in. */
export const FigureSource = z.object({
  /** `C18/35`, `C17/INF/4`, `CWG-FHR-8/14` (see documentSymbol.ts). */
  symbol: z.string(),
  section: z.string().nullable(),
  language: Language,
  /** The symbol is the secretariat's assumption, not read off the document. */
  symbolAssumed: z.boolean(),
  /** The passage the figure was read from, as written. */
  quote: z.string().nullable(),
});
export type FigureSource = z.infer<typeof FigureSource>;

export const FigureScope = z.object({
  place: ScopePlace.nullable(),
  /** A Sector, Bureau or regional office the figure is limited to. */
  unitCode: z.string().nullable(),
  category: MemberCategory.nullable(),
});
export type FigureScope = z.infer<typeof FigureScope>;

export const FigureComparison = z.object({
  /** `budget`: the other figure is what was budgeted; `previous`: the same metric before. */
  relation: z.enum(["budget", "previous"]),
  figureId: z.uuid(),
});
export type FigureComparison = z.infer<typeof FigureComparison>;

/** Why two contradicting figures both stay, as someone responsible for the metric wrote it. */
export const ContradictionReview = z.object({
  /** The other figure of the pair. */
  figureId: z.uuid(),
  explanation: z.string(),
  /** Shown to the organization's staff only, like who entered a figure. */
  reviewedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  reviewedAt: z.string(),
});
export type ContradictionReview = z.infer<typeof ContradictionReview>;

export const Figure = z.object({
  id: z.uuid(),
  metricId: z.uuid(),
  metricCode: z.string(),
  kind: FigureKind,
  value: z.number(),
  unit: FigureUnit,
  qualifier: Qualifier,
  /** For a rank: how many were ranked ("of 43"). */
  outOf: z.int().nullable(),
  /** First and last day covered, both included. */
  periodStart: IsoDate,
  periodEnd: IsoDate,
  /** A named start ("PP-14") the source counts from, shown beside the dates. */
  periodSince: z.string().nullable(),
  scope: FigureScope,
  source: FigureSource,
  comparisons: z.array(FigureComparison),
  /** Other figures of the same metric and scope this one disagrees with (kept, flagged for review). */
  contradictions: z.array(z.uuid()),
  /**
   * The contradictions someone reviewed, for the versions of both figures they read; a
   * correction of either figure drops its review, so the pair is flagged again.
   */
  contradictionReviews: z.array(ContradictionReview),
  enteredBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type Figure = z.infer<typeof Figure>;

/** A contradiction of this figure that no review covers (yet, or since a correction). */
export const awaitsReview = (f: Pick<Figure, "contradictions" | "contradictionReviews">): boolean =>
  f.contradictions.length > f.contradictionReviews.length;

const FigureFields = {
  metricCode: z.string().trim().min(1).max(60),
  kind: FigureKind,
  value: z.number().finite(),
  unit: FigureUnit.optional(),
  qualifier: Qualifier.default("exact"),
  outOf: z.int().min(1).nullable().default(null),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  periodSince: z.string().trim().min(1).max(40).nullable().default(null),
  scope: z
    .object({
      place: ScopePlace.nullable().default(null),
      unitCode: z.string().trim().min(1).max(40).nullable().default(null),
      category: MemberCategory.nullable().default(null),
    })
    .default({ place: null, unitCode: null, category: null }),
  source: z.object({
    symbol: z.string().trim().min(1).max(60),
    section: z.string().trim().min(1).max(20).nullable().default(null),
    language: Language,
    symbolAssumed: z.boolean().default(false),
    quote: z.string().trim().min(1).max(2000).nullable().default(null),
  }),
  comparisons: z.array(FigureComparison).max(10).default([]),
};
export const CreateFigureInput = z.object(FigureFields);
export type CreateFigureInput = z.infer<typeof CreateFigureInput>;
export const UpdateFigureInput = CreateFigureInput.extend({ version: z.int().min(1) });
export type UpdateFigureInput = z.infer<typeof UpdateFigureInput>;

/** Marks a contradiction reviewed: the explanation, and the versions of both figures it is about. */
export const ReviewContradictionInput = z.object({
  explanation: z.string().trim().min(1).max(2000),
  version: z.int().min(1),
  otherVersion: z.int().min(1),
});
export type ReviewContradictionInput = z.infer<typeof ReviewContradictionInput>;

/** Several figures entered at once (the grid of a metric): all saved, or none. */
export const CreateFiguresInput = z.object({ figures: z.array(CreateFigureInput).min(1).max(200) });
export type CreateFiguresInput = z.infer<typeof CreateFiguresInput>;

export const FigureListQuery = z.object({
  metricCode: z.string().optional(),
  section: ReportSection.optional(),
  /** Figures whose period overlaps [from, to]. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  contradicted: z.stringbool().optional(),
  /** Figures with a contradiction nobody has reviewed yet (or since a correction). */
  unreviewed: z.stringbool().optional(),
});
export type FigureListQuery = z.infer<typeof FigureListQuery>;

/** The answer to "what is the total of this metric over this period?" — a sum, or why there is none. */
export const PeriodTotal = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("computed"),
    value: z.number(),
    qualifier: Qualifier,
    figureIds: z.array(z.uuid()),
  }),
  z.object({
    status: z.literal("not_computable"),
    reasons: z.array(
      z.object({
        reason: z.enum(["not_additive", "gap", "overlap", "no_figures", "qualifiers_disagree"]),
        from: IsoDate.optional(),
        to: IsoDate.optional(),
      }),
    ),
  }),
]);
export type PeriodTotal = z.infer<typeof PeriodTotal>;
