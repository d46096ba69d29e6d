import { z } from "zod";
import { Visibility } from "./access.ts";
import { IsoDate } from "./dates.ts";
import { Language, MultilingualText } from "./languages.ts";
import { UnitCode } from "./organization.ts";
import { SdgTargetCode } from "./sdg.ts";

export const AREA_STATUSES = ["proposed", "active", "retired"] as const;
export const AreaStatus = z.enum(AREA_STATUSES);
export type AreaStatus = z.infer<typeof AreaStatus>;

/** Stable, URL-safe identifier used by imports and public pages: `climate-change`. */
export const AreaSlug = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case words joined by hyphens");

/**
 * The Resolution 191 rule, as advice: an area qualifies when a Plenipotentiary resolution calls for
 * inter-sectoral coordination on it, or a Plenipotentiary resolution and at least one Sector
 * resolution address it.
 */
export const Qualification = z.object({
  qualifies: z.boolean(),
  rule: z.enum(["pp_calls_for_coordination", "pp_and_sector_resolutions"]).nullable(),
  /** Why not, when it does not: `no_plenipotentiary_resolution`, `no_sector_resolution`. */
  missing: z.array(z.string()),
});
export type Qualification = z.infer<typeof Qualification>;

export const FocalPoint = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  unitCode: z.string(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  version: z.int(),
});
export type FocalPoint = z.infer<typeof FocalPoint>;

export const Area = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: MultilingualText,
  description: MultilingualText.nullable(),
  originalLanguage: Language,
  missingLanguages: z.array(Language),
  status: AreaStatus,
  leadUnitCode: z.string(),
  participatingUnitCodes: z.array(z.string()),
  mandateIds: z.array(z.uuid()),
  mandateCitations: z.array(z.string()),
  sdgTargets: z.array(z.string()),
  focalPoints: z.array(FocalPoint),
  justification: z.string().nullable(),
  qualification: Qualification,
  visibility: Visibility,
  revision: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type Area = z.infer<typeof Area>;

/** Every change to the list says why: it is the list Council sees. */
const Reason = z.string().trim().min(1).max(1000);

export const CreateAreaInput = z
  .object({
    slug: AreaSlug,
    name: MultilingualText,
    description: MultilingualText.nullable().default(null),
    originalLanguage: Language.default("en"),
    status: AreaStatus.default("proposed"),
    leadUnitCode: UnitCode,
    participatingUnitCodes: z.array(UnitCode).max(40).default([]),
    mandateIds: z.array(z.uuid()).max(40).default([]),
    sdgTargets: z.array(SdgTargetCode).max(169).default([]),
    justification: z.string().trim().min(1).max(2000).nullable().default(null),
    visibility: Visibility.default("public"),
    reason: Reason,
  })
  .refine((a) => a.name[a.originalLanguage] !== undefined, {
    path: ["name"],
    message: "the name must be given in its original language",
  });
export type CreateAreaInput = z.infer<typeof CreateAreaInput>;

export const UpdateAreaInput = z.object({
  version: z.int().min(1),
  reason: Reason,
  name: MultilingualText.optional(),
  description: MultilingualText.nullable().optional(),
  originalLanguage: Language.optional(),
  status: AreaStatus.optional(),
  leadUnitCode: UnitCode.optional(),
  participatingUnitCodes: z.array(UnitCode).max(40).optional(),
  mandateIds: z.array(z.uuid()).max(40).optional(),
  sdgTargets: z.array(SdgTargetCode).max(169).optional(),
  justification: z.string().trim().min(1).max(2000).nullable().optional(),
  visibility: Visibility.optional(),
});
export type UpdateAreaInput = z.infer<typeof UpdateAreaInput>;

export const AddFocalPointInput = z
  .object({
    personId: z.uuid(),
    unitCode: UnitCode,
    validFrom: IsoDate,
    validTo: IsoDate.nullable().default(null),
    reason: Reason,
  })
  .refine((f) => f.validTo === null || f.validTo >= f.validFrom, {
    path: ["validTo"],
    message: "must not be before validFrom",
  });
export type AddFocalPointInput = z.infer<typeof AddFocalPointInput>;

export const EndFocalPointInput = z.object({ version: z.int().min(1), validTo: IsoDate, reason: Reason });
export type EndFocalPointInput = z.infer<typeof EndFocalPointInput>;

export const AreaListQuery = z.object({
  /** The list as it stood at the end of this day, rebuilt from the revisions. */
  asOf: IsoDate.optional(),
  status: AreaStatus.optional(),
});

export const AreaRevision = z.object({
  revision: z.int(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  reason: z.string(),
  area: Area,
});
export type AreaRevision = z.infer<typeof AreaRevision>;

export const AreaComparison = z.object({
  from: IsoDate,
  to: IsoDate,
  added: z.array(Area),
  removed: z.array(Area),
  changed: z.array(z.object({ slug: z.string(), fields: z.array(z.string()), before: Area, after: Area })),
});
