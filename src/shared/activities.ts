import { z } from "zod";
import { Visibility } from "./access.ts";
import { AreaSlug } from "./areas.ts";
import { IsoDate } from "./dates.ts";
import { Language, MultilingualText } from "./languages.ts";
import { UnitCode } from "./organization.ts";
import { SdgTargetCode } from "./sdg.ts";

export const ACTIVITY_TYPES = [
  "study_group_question",
  "project",
  "initiative",
  "event",
  "publication",
  "service",
  "guideline",
] as const;
export const ActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityType>;

export const ACTIVITY_STATUSES = ["planned", "ongoing", "completed", "cancelled"] as const;
export const ActivityStatus = z.enum(ACTIVITY_STATUSES);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

/** Stable reference, unique within its unit: `ITU-D/Q5/2`, `COP22`. */
export const ActivityRef = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[A-Za-z0-9][A-Za-z0-9/._-]*$/, "letters, digits and / . _ - only");

export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as CHF");

const Budget = z.object({ amount: z.number().nonnegative().max(1e12), currency: CurrencyCode });

export const Activity = z.object({
  id: z.uuid(),
  unitCode: z.string(),
  ref: z.string(),
  type: ActivityType,
  status: ActivityStatus,
  title: MultilingualText,
  description: MultilingualText.nullable(),
  originalLanguage: Language,
  missingLanguages: z.array(Language),
  start: IsoDate,
  end: IsoDate.nullable(),
  areaSlugs: z.array(z.string()),
  sdgTargets: z.array(z.string()),
  budget: Budget.nullable(),
  contactIds: z.array(z.uuid()),
  links: z.array(z.string()),
  visibility: Visibility,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type Activity = z.infer<typeof Activity>;

const fields = {
  type: ActivityType,
  status: ActivityStatus,
  title: MultilingualText,
  description: MultilingualText.nullable(),
  originalLanguage: Language,
  start: IsoDate,
  end: IsoDate.nullable(),
  areaSlugs: z.array(AreaSlug).max(20),
  sdgTargets: z.array(SdgTargetCode).max(169),
  budget: Budget.nullable(),
  contactIds: z.array(z.uuid()).max(20),
  links: z.array(z.url().max(500)).max(20),
  visibility: Visibility,
};

export const CreateActivityInput = z
  .object({
    unitCode: UnitCode,
    ref: ActivityRef,
    ...fields,
    description: fields.description.default(null),
    originalLanguage: Language.optional(),
    end: fields.end.default(null),
    status: ActivityStatus.default("planned"),
    areaSlugs: fields.areaSlugs.default([]),
    sdgTargets: fields.sdgTargets.default([]),
    budget: fields.budget.default(null),
    contactIds: fields.contactIds.default([]),
    links: fields.links.default([]),
    visibility: Visibility.default("public"),
  })
  .refine((a) => a.end === null || a.end >= a.start, { path: ["end"], message: "must not be before start" });
export type CreateActivityInput = z.infer<typeof CreateActivityInput>;

export const UpdateActivityInput = z.object({
  version: z.int().min(1),
  type: fields.type.optional(),
  status: fields.status.optional(),
  title: fields.title.optional(),
  description: fields.description.optional(),
  originalLanguage: fields.originalLanguage.optional(),
  start: fields.start.optional(),
  end: fields.end.optional(),
  areaSlugs: fields.areaSlugs.optional(),
  sdgTargets: fields.sdgTargets.optional(),
  budget: fields.budget.optional(),
  contactIds: fields.contactIds.optional(),
  links: fields.links.optional(),
  visibility: fields.visibility.optional(),
});
export type UpdateActivityInput = z.infer<typeof UpdateActivityInput>;

export const TagActivityInput = z.object({ version: z.int().min(1), areaSlugs: z.array(AreaSlug).max(20) });

export const ActivityListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  unitCode: UnitCode.optional(),
  areaSlug: AreaSlug.optional(),
  sdgGoal: z
    .string()
    .regex(/^(1[0-7]|[1-9])$/)
    .optional(),
  sdgTarget: SdgTargetCode.optional(),
  type: ActivityType.optional(),
  status: ActivityStatus.optional(),
  /** Activities whose period overlaps [from, to]. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

/** The exchange format's columns, in exactly this order (CSV, XLSX; JSON objects use the same keys). */
export const ACTIVITY_COLUMNS = [
  "ref",
  "unit",
  "type",
  "status",
  "start",
  "end",
  "title_ar",
  "title_zh",
  "title_en",
  "title_fr",
  "title_ru",
  "title_es",
  "description_ar",
  "description_zh",
  "description_en",
  "description_fr",
  "description_ru",
  "description_es",
  "areas",
  "sdg_targets",
  "budget",
  "currency",
] as const;
export type ActivityColumn = (typeof ACTIVITY_COLUMNS)[number];
