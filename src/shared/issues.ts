import { z } from "zod";
import { AreaSlug } from "./areas.ts";
import { Language, MultilingualText } from "./languages.ts";

export const EscalationLevel = z.object({
  position: z.int(),
  name: MultilingualText,
  bodyId: z.uuid().nullable(),
  bodyCode: z.string().nullable(),
  timeLimitDays: z.int().nullable(),
});
export type EscalationLevel = z.infer<typeof EscalationLevel>;

export const ISSUE_STATUSES = ["open", "resolved", "withdrawn"] as const;
export const IssueStatus = z.enum(ISSUE_STATUSES);

export const IssueMove = z.object({
  at: z.string(),
  from: z.int().nullable(),
  to: z.int(),
  by: z.string().nullable(),
  reason: z.string(),
  automatic: z.boolean(),
});

export const CoordinationIssue = z.object({
  id: z.uuid(),
  areaSlug: z.string(),
  title: MultilingualText,
  description: MultilingualText.nullable(),
  originalLanguage: Language,
  raisedBy: z.uuid(),
  raisedByName: z.string(),
  level: z.int(),
  levelName: MultilingualText,
  levelSince: z.string(),
  /** When the issue moves up by itself if still unresolved; null at the top of the ladder or once settled. */
  escalatesAt: z.string().nullable(),
  status: IssueStatus,
  resolvedByDecisionId: z.uuid().nullable(),
  resolution: z.string().nullable(),
  moves: z.array(IssueMove),
  version: z.int(),
});
export type CoordinationIssue = z.infer<typeof CoordinationIssue>;

export const RaiseIssueInput = z
  .object({
    areaSlug: AreaSlug,
    title: MultilingualText,
    description: MultilingualText.nullable().default(null),
    originalLanguage: Language.optional(),
  })
  .strict();
export type RaiseIssueInput = z.infer<typeof RaiseIssueInput>;

export const EscalateIssueInput = z
  .object({ reason: z.string().trim().min(1).max(2000), version: z.int().positive() })
  .strict();

export const ResolveIssueInput = z
  .object({
    decisionId: z.uuid(),
    resolution: z.string().trim().min(1).max(4000),
    version: z.int().positive(),
  })
  .strict();

export const IssueListQuery = z.object({
  status: IssueStatus.optional(),
  areaSlug: AreaSlug.optional(),
  /** Only issues above the focal points' own level: what the chair sees in one view. */
  escalated: z.enum(["true", "false"]).optional(),
});
