import { z } from "zod";

export const ROLES = [
  "administrator",
  "secretariat",
  "chair",
  "focal_point",
  "staff",
  "observer",
  "reader",
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Who may read a record: from everyone to the people whose scope covers the record's unit. */
export const VISIBILITIES = ["public", "members", "internal", "restricted"] as const;
export const Visibility = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof Visibility>;

/** `ROLE` or `ROLE@UNIT` as the CLI and imports write a role assignment. */
export function parseRoleSpec(spec: string): { role: Role; unitCode: string | null } | null {
  const [role, unitCode, ...rest] = spec.split("@");
  if (rest.length > 0) return null;
  const parsed = Role.safeParse(role);
  if (!parsed.success) return null;
  return { role: parsed.data, unitCode: unitCode === undefined || unitCode === "" ? null : unitCode };
}
