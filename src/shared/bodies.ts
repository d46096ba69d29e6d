import { z } from "zod";
import { Visibility } from "./access.ts";
import { IsoDate } from "./dates.ts";
import { Language, MultilingualText } from "./languages.ts";

export const BODY_LEVELS = ["secretariat", "membership"] as const;
export const BodyLevel = z.enum(BODY_LEVELS);

/** How a category takes part: as members, as observers, or only when the chair invites them. */
export const CATEGORY_ATTENDANCE = ["member", "observer", "invited_only"] as const;
export const CategoryAttendance = z.enum(CATEGORY_ATTENDANCE);

export const BodyCode = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case words joined by hyphens, such as isc-tf");

export const BodyCategory = z.object({
  /** As the terms of reference letter it: `a`, `b`… */
  code: z
    .string()
    .trim()
    .min(1)
    .max(10)
    .regex(/^[a-z0-9-]+$/),
  name: MultilingualText,
  attendance: CategoryAttendance,
});
export type BodyCategory = z.infer<typeof BodyCategory>;

export const BodyMember = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  category: z.string(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  version: z.int(),
});
export type BodyMember = z.infer<typeof BodyMember>;

export const Body = z.object({
  id: z.uuid(),
  code: z.string(),
  name: MultilingualText,
  originalLanguage: Language,
  level: BodyLevel,
  chairPersonId: z.uuid().nullable(),
  chairName: z.string().nullable(),
  termsOfReference: MultilingualText.nullable(),
  instrumentId: z.uuid().nullable(),
  instrumentCitation: z.string().nullable(),
  categories: z.array(BodyCategory),
  members: z.array(BodyMember),
  visibility: Visibility,
  version: z.int(),
});
export type Body = z.infer<typeof Body>;

const BodyFields = {
  name: MultilingualText,
  originalLanguage: Language.optional(),
  level: BodyLevel,
  chairPersonId: z.uuid().nullable(),
  termsOfReference: MultilingualText.nullable(),
  instrumentId: z.uuid().nullable(),
  categories: z.array(BodyCategory).max(20),
  visibility: Visibility,
};

export const CreateBodyInput = z
  .object({
    code: BodyCode,
    ...BodyFields,
    chairPersonId: BodyFields.chairPersonId.default(null),
    termsOfReference: BodyFields.termsOfReference.default(null),
    instrumentId: BodyFields.instrumentId.default(null),
    categories: BodyFields.categories.default([]),
    visibility: BodyFields.visibility.default("internal"),
  })
  .strict();
export type CreateBodyInput = z.infer<typeof CreateBodyInput>;

export const UpdateBodyInput = z
  .object({
    name: BodyFields.name.optional(),
    originalLanguage: BodyFields.originalLanguage,
    level: BodyFields.level.optional(),
    chairPersonId: BodyFields.chairPersonId.optional(),
    termsOfReference: BodyFields.termsOfReference.optional(),
    instrumentId: BodyFields.instrumentId.optional(),
    categories: BodyFields.categories.optional(),
    visibility: BodyFields.visibility.optional(),
    version: z.int().positive(),
  })
  .strict();
export type UpdateBodyInput = z.infer<typeof UpdateBodyInput>;

export const AddMemberInput = z
  .object({
    personId: z.uuid(),
    category: z.string().min(1).max(10),
    validFrom: IsoDate,
    validTo: IsoDate.nullable().default(null),
  })
  .strict();
export type AddMemberInput = z.infer<typeof AddMemberInput>;

export const EndMemberInput = z.object({ validTo: IsoDate, version: z.int().positive() }).strict();

export const MEETING_MODES = ["in_person", "remote", "hybrid"] as const;
export const MeetingMode = z.enum(MEETING_MODES);
export const MEETING_STATUSES = ["planned", "held", "cancelled"] as const;
export const MeetingStatus = z.enum(MEETING_STATUSES);
export const ATTENDANCE = ["in_person", "remote", "apologies", "absent"] as const;
export const Attendance = z.enum(ATTENDANCE);
export type Attendance = z.infer<typeof Attendance>;

/** A date and time with its offset, as ISO 8601 writes it: `2016-03-14T10:00:00+01:00`. */
export const IsoDateTime = z.iso.datetime({ offset: true });
/** An IANA time zone such as `Europe/Zurich`, checked against the zones the runtime knows. */
export const TimeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "an IANA time zone such as Europe/Zurich");

export const Participant = z.object({
  personId: z.uuid(),
  personName: z.string(),
  category: z.string().nullable(),
  invited: z.boolean(),
  attendance: Attendance.nullable(),
});
export type Participant = z.infer<typeof Participant>;

export const Meeting = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyCode: z.string(),
  bodyName: MultilingualText,
  number: z.int(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  timeZone: z.string(),
  mode: MeetingMode,
  place: z.string().nullable(),
  status: MeetingStatus,
  participants: z.array(Participant),
  minutesStatus: z.enum(["draft", "approved"]),
  minutesRevision: z.int(),
  minutesApprovedAt: z.string().nullable(),
  version: z.int(),
});
export type Meeting = z.infer<typeof Meeting>;

export const CreateMeetingInput = z
  .object({
    bodyId: z.uuid(),
    /** The next in the body's series when left out. */
    number: z.int().positive().optional(),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime.nullable().default(null),
    timeZone: TimeZone.default("Europe/Zurich"),
    mode: MeetingMode,
    place: z.string().trim().max(200).nullable().default(null),
    status: MeetingStatus.default("planned"),
    /** Invite every current member (default), plus these guests. */
    guests: z.array(z.uuid()).max(200).default([]),
  })
  .strict();
export type CreateMeetingInput = z.infer<typeof CreateMeetingInput>;

export const UpdateMeetingInput = z
  .object({
    startsAt: IsoDateTime.optional(),
    endsAt: IsoDateTime.nullable().optional(),
    timeZone: TimeZone.optional(),
    mode: MeetingMode.optional(),
    place: z.string().trim().max(200).nullable().optional(),
    status: MeetingStatus.optional(),
    version: z.int().positive(),
  })
  .strict();
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingInput>;

/** Invite people (members of another category, guests) to a meeting. */
export const InviteInput = z
  .object({ personIds: z.array(z.uuid()).min(1).max(200), version: z.int().positive() })
  .strict();

/** Withdraw invitations sent by mistake; someone whose attendance is recorded keeps theirs. */
export const WithdrawInvitationsInput = z
  .object({ personIds: z.array(z.uuid()).min(1).max(200), version: z.int().positive() })
  .strict();
export type WithdrawInvitationsInput = z.infer<typeof WithdrawInvitationsInput>;

export const RecordAttendanceInput = z
  .object({
    entries: z
      // null clears what was recorded (entered for the wrong person, or before the meeting was held).
      .array(z.object({ personId: z.uuid(), attendance: Attendance.nullable() }))
      .min(1)
      .max(500),
    version: z.int().positive(),
  })
  .strict();
export type RecordAttendanceInput = z.infer<typeof RecordAttendanceInput>;

export const MeetingListQuery = z.object({
  bodyId: z.uuid().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  status: MeetingStatus.optional(),
});

export const BodyStatistics = z.object({
  years: z.array(
    z.object({
      year: z.int(),
      meetings: z.int(),
      attendance: z.record(
        z.string(),
        z.object({ in_person: z.int(), remote: z.int(), apologies: z.int(), absent: z.int() }),
      ),
      /** Remote attendances over all attendances (in person + remote), or null with no attendance recorded. */
      remoteShare: z.number().nullable(),
    }),
  ),
  total: z.int(),
  since: z.string().nullable(),
});
export type BodyStatistics = z.infer<typeof BodyStatistics>;
