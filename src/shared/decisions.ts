import { z } from "zod";
import { AreaSlug } from "./areas.ts";
import { IsoDate } from "./dates.ts";
import { Language, MultilingualText } from "./languages.ts";
import { UnitCode } from "./organization.ts";

export const AGENDA_KINDS = ["area", "coordination_issue", "action_item", "document", "other"] as const;
export const AgendaKind = z.enum(AGENDA_KINDS);

export const AgendaItem = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  position: z.int(),
  title: MultilingualText,
  originalLanguage: Language,
  kind: AgendaKind,
  areaSlug: z.string().nullable(),
  documentSymbol: z.string().nullable(),
  minutes: MultilingualText.nullable(),
  version: z.int(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const CreateAgendaItemInput = z
  .object({
    title: MultilingualText,
    originalLanguage: Language.optional(),
    kind: AgendaKind.default("other"),
    areaSlug: AreaSlug.nullable().default(null),
    documentSymbol: z.string().trim().max(60).nullable().default(null),
    /** At the end of the agenda when left out. */
    position: z.int().positive().optional(),
  })
  .strict();
export type CreateAgendaItemInput = z.infer<typeof CreateAgendaItemInput>;

export const UpdateAgendaItemInput = z
  .object({
    title: MultilingualText.optional(),
    minutes: MultilingualText.nullable().optional(),
    documentSymbol: z.string().trim().max(60).nullable().optional(),
    version: z.int().positive(),
  })
  .strict();
export type UpdateAgendaItemInput = z.infer<typeof UpdateAgendaItemInput>;

export const Decision = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyCode: z.string(),
  meetingId: z.uuid(),
  meetingNumber: z.int(),
  agendaItemId: z.uuid().nullable(),
  /** `ISC-TF/16/2`: body, meeting, order within the meeting. */
  number: z.string(),
  text: MultilingualText,
  originalLanguage: Language,
  takenOn: z.string(),
  version: z.int(),
});
export type Decision = z.infer<typeof Decision>;

export const CreateDecisionInput = z
  .object({
    text: MultilingualText,
    originalLanguage: Language.optional(),
    agendaItemId: z.uuid().nullable().default(null),
  })
  .strict();
export type CreateDecisionInput = z.infer<typeof CreateDecisionInput>;

/** Corrects a decision as recorded (a wrong word, a missing language, the wrong agenda item); its number stays. */
export const UpdateDecisionInput = z
  .object({
    text: MultilingualText.optional(),
    originalLanguage: Language.optional(),
    agendaItemId: z.uuid().nullable().optional(),
    version: z.int().positive(),
  })
  .strict();
export type UpdateDecisionInput = z.infer<typeof UpdateDecisionInput>;

export const DecisionListQuery = z.object({
  bodyId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
});

export const ACTION_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);

export const ActionItem = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyCode: z.string(),
  meetingId: z.uuid().nullable(),
  agendaItemId: z.uuid().nullable(),
  decisionId: z.uuid().nullable(),
  title: MultilingualText,
  originalLanguage: Language,
  ownerPersonId: z.uuid(),
  ownerName: z.string(),
  ownerUnitCode: z.string(),
  dueDate: IsoDate,
  status: ActionStatus,
  /** Past its due date and not done or cancelled (by the server's clock). */
  overdue: z.boolean(),
  notes: z.array(z.object({ at: z.string(), by: z.string().nullable(), note: z.string() })),
  version: z.int(),
});
export type ActionItem = z.infer<typeof ActionItem>;

const ActionFields = {
  title: MultilingualText,
  originalLanguage: Language.optional(),
  ownerPersonId: z.uuid(),
  ownerUnitCode: UnitCode,
  dueDate: IsoDate,
};

export const CreateActionItemInput = z.object({ bodyId: z.uuid(), ...ActionFields }).strict();
export type CreateActionItemInput = z.infer<typeof CreateActionItemInput>;

/** One step from an agenda item or a decision to the actions it calls for. */
export const SpawnActionItemsInput = z
  .object({ items: z.array(z.object(ActionFields).strict()).min(1).max(50) })
  .strict();
export type SpawnActionItemsInput = z.infer<typeof SpawnActionItemsInput>;

export const UpdateActionItemInput = z
  .object({
    title: MultilingualText.optional(),
    dueDate: IsoDate.optional(),
    status: ActionStatus.optional(),
    note: z.string().trim().min(1).max(4000).optional(),
    version: z.int().positive(),
  })
  .strict();
export type UpdateActionItemInput = z.infer<typeof UpdateActionItemInput>;

export const ActionItemListQuery = z.object({
  bodyId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
  ownerPersonId: z.uuid().optional(),
  status: ActionStatus.optional(),
  overdue: z.enum(["true", "false"]).optional(),
});

export const AreaReport = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  areaSlug: z.string(),
  personId: z.uuid(),
  personName: z.string(),
  language: Language,
  progress: z.string(),
  issues: z.string(),
  nextSteps: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type AreaReport = z.infer<typeof AreaReport>;

export const FileReportInput = z
  .object({
    areaSlug: AreaSlug,
    language: Language,
    progress: z.string().trim().min(1).max(8000),
    issues: z.string().trim().max(8000).default(""),
    nextSteps: z.string().trim().max(8000).default(""),
    /** The version read, when changing a report already filed. */
    version: z.int().positive().optional(),
  })
  .strict();
export type FileReportInput = z.infer<typeof FileReportInput>;

export const MinutesActionInput = z
  .object({ version: z.int().positive(), reason: z.string().trim().max(2000).optional() })
  .strict();
