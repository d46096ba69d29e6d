import { z } from "zod";
import { ActivityStatus, ActivityType } from "./activities.ts";
import { AreaSlug } from "./areas.ts";
import { IsoDate } from "./dates.ts";
import { Language, MultilingualText } from "./languages.ts";
import { UnitCode } from "./organization.ts";
import { SdgTargetCode } from "./sdg.ts";

export const OVERLAP_STATUSES = ["open", "confirmed", "dismissed"] as const;
export const OverlapStatus = z.enum(OVERLAP_STATUSES);
export type OverlapStatus = z.infer<typeof OverlapStatus>;

/** What the people responsible decided to do about duplicated effort they confirmed. */
export const OVERLAP_OUTCOMES = ["coordinate", "merge", "joint_activity"] as const;
export const OverlapOutcome = z.enum(OVERLAP_OUTCOMES);
export type OverlapOutcome = z.infer<typeof OverlapOutcome>;

/** One piece of evidence, as the scan prints it and the inbox lists it. */
export const OverlapEvidence = z.object({
  kind: z.enum([
    "shared_concepts",
    "shared_terms",
    "shared_codes",
    "shared_areas",
    "shared_sdg_targets",
    "same_type",
    "overlapping_periods",
    "years_apart",
    "different_regions",
    "different_deliverables",
    "across_languages",
  ]),
  values: z.array(z.union([z.string(), z.array(z.string())])).optional(),
  value: z.union([z.string(), z.number()]).optional(),
});
export type OverlapEvidence = z.infer<typeof OverlapEvidence>;

/** Character ranges [start, end) of a text that match the other activity, per language. */
export const Passages = z.partialRecord(Language, z.array(z.tuple([z.int(), z.int()])));

export const OverlapSide = z.object({
  id: z.uuid(),
  unitCode: z.string(),
  ref: z.string(),
  type: ActivityType,
  status: ActivityStatus,
  title: MultilingualText,
  description: MultilingualText.nullable(),
  originalLanguage: Language,
  start: IsoDate,
  end: IsoDate.nullable(),
  areaSlugs: z.array(z.string()),
  sdgTargets: z.array(z.string()),
  /** Filled on a single candidate's page: the passages to highlight in title and description. */
  highlights: z.object({ title: Passages, description: Passages }).optional(),
});
export type OverlapSide = z.infer<typeof OverlapSide>;

export const OverlapCandidate = z.object({
  id: z.uuid(),
  a: OverlapSide,
  b: OverlapSide,
  score: z.number(),
  likely: z.boolean(),
  evidence: z.array(OverlapEvidence),
  status: OverlapStatus,
  outcome: OverlapOutcome.nullable(),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  detectedAt: z.string(),
  version: z.int(),
});
export type OverlapCandidate = z.infer<typeof OverlapCandidate>;

export const OverlapListQuery = z.object({
  status: OverlapStatus.optional(),
  likely: z.enum(["true", "false"]).optional(),
  areaSlug: AreaSlug.optional(),
  unitCode: UnitCode.optional(),
  /** Pairs one of whose activities is this one (what a notification about it links to). */
  activityId: z.uuid().optional(),
});

export const DecideOverlapInput = z
  .object({
    status: z.enum(["confirmed", "dismissed", "open"]),
    outcome: OverlapOutcome.nullable().optional(),
    reason: z.string().trim().max(2000).nullable().optional(),
    version: z.int().positive(),
  })
  .strict();
export type DecideOverlapInput = z.infer<typeof DecideOverlapInput>;

/** An activity being written: what the editor asks about before saving it. */
export const SimilarActivitiesInput = z
  .object({
    /** The activity being edited, left out of its own results. */
    id: z.uuid().optional(),
    unitCode: UnitCode,
    type: ActivityType,
    status: ActivityStatus.default("planned"),
    title: MultilingualText,
    description: MultilingualText.nullable().default(null),
    start: IsoDate,
    end: IsoDate.nullable().default(null),
    areaSlugs: z.array(AreaSlug).max(30).default([]),
    sdgTargets: z.array(SdgTargetCode).max(50).default([]),
  })
  .strict();
export type SimilarActivitiesInput = z.infer<typeof SimilarActivitiesInput>;

export const SimilarActivity = z.object({
  activity: OverlapSide,
  score: z.number(),
  likely: z.boolean(),
  evidence: z.array(OverlapEvidence),
});
export type SimilarActivity = z.infer<typeof SimilarActivity>;
