import { z } from "zod";
import { Role } from "./access.ts";
import { Language } from "./languages.ts";

export const PASSWORD_MIN_LENGTH = 10;

export const SignInInput = z.object({
  email: z.email().toLowerCase(),
  password: z.string().min(1).max(1000),
});

export const Viewer = z.object({
  personId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  preferredLanguage: Language,
  roles: z.array(z.object({ role: Role, unitId: z.uuid().nullable(), unitCode: z.string().nullable() })),
  csrfToken: z.string().optional(),
});
export type Viewer = z.infer<typeof Viewer>;

export const CreateTokenInput = z.object({
  name: z.string().trim().min(1).max(100),
  /** `calendar`: a read-only token for the URL of .ics feeds (calendar clients send no headers). */
  scope: z.enum(["api", "calendar"]).default("api"),
});
export const AccessToken = z.object({
  id: z.uuid(),
  name: z.string(),
  /** `api` for scripts (Bearer), `calendar` for the token in .ics feed URLs (read-only). */
  scope: z.enum(["api", "calendar"]),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const CreatedAccessToken = AccessToken.extend({ token: z.string() });

/** The length rule is the service's (reason `weak_password`), so the form can say exactly what is wrong. */
export const SetPasswordInput = z.object({ password: z.string().min(1).max(1000) });
export const SetLanguageInput = z.object({ preferredLanguage: Language });
