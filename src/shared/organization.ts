import { z } from "zod";
import { Role, Visibility } from "./access.ts";
import { IsoDate } from "./dates.ts";
import { Language, MultilingualText } from "./languages.ts";

export const UNIT_KINDS = [
  "organization",
  "sector",
  "bureau",
  "general_secretariat",
  "department",
  "division",
  "regional_office",
  "office",
] as const;
export const UnitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKind>;

/** Short stable code used by imports and the API: `BR`, `C&P`, `ITU-D`, `ASP`. */
export const UnitCode = z
  .string()
  .trim()
  .min(1)
  .max(24)
  .regex(/^[A-Z0-9][A-Z0-9&.-]*$/, "upper-case letters, digits and & . - only");

const Version = z.int().min(1);

export const Unit = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: UnitKind,
  parentId: z.uuid().nullable(),
  name: MultilingualText,
  originalLanguage: Language,
  missingLanguages: z.array(Language),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  visibility: Visibility,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type Unit = z.infer<typeof Unit>;

export const CreateUnitInput = z
  .object({
    code: UnitCode,
    kind: UnitKind,
    parentCode: UnitCode.nullable().default(null),
    name: MultilingualText,
    originalLanguage: Language.default("en"),
    validFrom: IsoDate,
    validTo: IsoDate.nullable().default(null),
    visibility: Visibility.default("public"),
  })
  .refine((u) => u.name[u.originalLanguage] !== undefined, {
    path: ["name"],
    message: "the name must be given in its original language",
  })
  .refine((u) => u.validTo === null || u.validTo >= u.validFrom, {
    path: ["validTo"],
    message: "must not be before validFrom",
  });
export type CreateUnitInput = z.infer<typeof CreateUnitInput>;

export const UpdateUnitInput = z.object({
  version: Version,
  kind: UnitKind.optional(),
  parentCode: UnitCode.nullable().optional(),
  name: MultilingualText.optional(),
  originalLanguage: Language.optional(),
  validFrom: IsoDate.optional(),
  validTo: IsoDate.nullable().optional(),
  visibility: Visibility.optional(),
});
export type UpdateUnitInput = z.infer<typeof UpdateUnitInput>;

export const DeactivateInput = z.object({ version: Version, on: IsoDate.optional() });
export type DeactivateInput = z.infer<typeof DeactivateInput>;

export const UnitListQuery = z.object({
  asOf: IsoDate.optional(),
  parentCode: UnitCode.optional(),
  kind: UnitKind.optional(),
  includeClosed: z.stringbool().default(false),
});

export const Post = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  unitId: z.uuid(),
  unitCode: z.string(),
  title: MultilingualText,
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  version: z.int(),
});
export type Post = z.infer<typeof Post>;

export const RoleAssignment = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  role: Role,
  unitId: z.uuid().nullable(),
  unitCode: z.string().nullable(),
  createdAt: z.string(),
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const Person = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  preferredLanguage: Language,
  active: z.boolean(),
  visibility: Visibility,
  posts: z.array(Post),
  roles: z.array(RoleAssignment),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type Person = z.infer<typeof Person>;

export const PostInput = z
  .object({
    unitCode: UnitCode,
    title: MultilingualText,
    validFrom: IsoDate,
    validTo: IsoDate.nullable().default(null),
  })
  .refine((p) => p.validTo === null || p.validTo >= p.validFrom, {
    path: ["validTo"],
    message: "must not be before validFrom",
  });
export type PostInput = z.infer<typeof PostInput>;

export const CreatePersonInput = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320).toLowerCase().nullable().default(null),
  preferredLanguage: Language.default("en"),
  visibility: Visibility.default("internal"),
  posts: z.array(PostInput).max(50).default([]),
});
export type CreatePersonInput = z.infer<typeof CreatePersonInput>;

export const UpdatePersonInput = z.object({
  version: Version,
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(320).toLowerCase().nullable().optional(),
  preferredLanguage: Language.optional(),
  visibility: Visibility.optional(),
});
export type UpdatePersonInput = z.infer<typeof UpdatePersonInput>;

export const PersonListQuery = z.object({
  asOf: IsoDate.optional(),
  unitCode: UnitCode.optional(),
  q: z.string().trim().max(200).optional(),
  includeInactive: z.stringbool().default(false),
});

export const AddPostInput = PostInput;
export const EndPostInput = z.object({ version: Version, validTo: IsoDate });

export const GrantRoleInput = z.object({ role: Role, unitCode: UnitCode.nullable().default(null) });
export type GrantRoleInput = z.infer<typeof GrantRoleInput>;
