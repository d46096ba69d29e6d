import type { z } from "zod";
import type { Visibility } from "#shared/access.ts";
import type {
  AddMemberInput,
  Attendance,
  Body,
  BodyStatistics,
  CreateBodyInput,
  CreateMeetingInput,
  Meeting,
  MeetingListQuery,
  RecordAttendanceInput,
  WithdrawInvitationsInput,
  UpdateBodyInput,
  UpdateMeetingInput,
} from "#shared/bodies.ts";
import { ATTENDANCE } from "#shared/bodies.ts";
import { type Language, originalLanguageOf } from "#shared/languages.ts";
import { isoTimestamp } from "../../core/clock.ts";
import type { Ctx } from "../../core/context.ts";
import { fail, FieldFaults, looksLikeId, assertFresh } from "../../core/errors.ts";
import { decodeCursor, pageFrom } from "../../core/pagination.ts";
import { findMandate, toMandate } from "../mandates/mandates.service.ts";
import { findPerson } from "../people/people.service.ts";
import {
  type BodyRow,
  bodyByCode,
  bodyById,
  endMemberIfVersion,
  insertBody,
  insertMeeting,
  insertMember,
  insertParticipants,
  listBodyRows,
  listMeetingRows,
  type MeetingRow,
  meetingById,
  meetingCounts,
  meetingNumberTaken,
  meetingsFor,
  memberById,
  membersOf,
  membersOn,
  nextMeetingNumber,
  participantsOf,
  setAttendance,
  deleteParticipants,
  updateBodyIfVersion,
  updateMeetingIfVersion,
} from "./bodies.repo.ts";

async function present(ctx: Ctx, row: BodyRow): Promise<Body> {
  const members = await membersOf(ctx.db, [row.id]);
  const chair = row.chairPersonId ? await findPerson(ctx, row.chairPersonId).catch(() => null) : null;
  const instrument = row.instrumentId ? await findMandate(ctx, row.instrumentId).catch(() => null) : null;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    originalLanguage: row.originalLanguage as Language,
    level: row.level as Body["level"],
    chairPersonId: row.chairPersonId,
    chairName: chair?.name ?? null,
    termsOfReference: row.termsOfReference,
    instrumentId: row.instrumentId,
    instrumentCitation: instrument ? toMandate(instrument).citation : null,
    categories: row.categories as Body["categories"],
    members: members.map((m) => ({
      id: m.id,
      personId: m.personId,
      personName: m.personName,
      category: m.category,
      validFrom: m.validFrom,
      validTo: m.validTo,
      version: m.version,
    })),
    visibility: row.visibility as Visibility,
    version: row.version,
  };
}

/** A body by id or code; one the viewer may not read is not found. */
export async function findBody(ctx: Ctx, idOrCode: string): Promise<BodyRow> {
  const row = looksLikeId(idOrCode) ? await bodyById(ctx.db, idOrCode) : await bodyByCode(ctx.db, idOrCode);
  if (!row || !(await ctx.access.canRead(row.visibility as Visibility, []))) {
    return fail("not_found", { entity: "body", id: idOrCode });
  }
  return row;
}

export async function getBody(ctx: Ctx, idOrCode: string): Promise<Body> {
  return present(ctx, await findBody(ctx, idOrCode));
}

export async function listBodies(ctx: Ctx): Promise<{ entries: Body[] }> {
  if (!ctx.viewer) return fail("unauthenticated");
  const scope = await ctx.access.readableScope();
  const rows = await listBodyRows(ctx.db, scope.visibilities);
  const entries: Body[] = [];
  for (const row of rows) entries.push(await present(ctx, row));
  return { entries };
}

async function checkBodyReferences(
  ctx: Ctx,
  faults: FieldFaults,
  input: { chairPersonId?: string | null; instrumentId?: string | null; categories?: { code: string }[] },
) {
  if (input.chairPersonId)
    await findPerson(ctx, input.chairPersonId).catch(() => faults.add("chairPersonId", "unknown_person"));
  if (input.instrumentId)
    await findMandate(ctx, input.instrumentId).catch(() => faults.add("instrumentId", "unknown_mandate"));
  const seen = new Set<string>();
  input.categories?.forEach((c, i) => {
    if (seen.has(c.code)) faults.add(`categories.${i}.code`, "duplicate");
    seen.add(c.code);
  });
}

export async function createBody(ctx: Ctx, input: CreateBodyInput): Promise<Body> {
  await ctx.access.authorize("body.manage", null);
  const faults = new FieldFaults();
  const originalLanguage = originalLanguageOf(input.name, input.originalLanguage);
  if (!originalLanguage) faults.add("name", "required");
  await checkBodyReferences(ctx, faults, input);
  if (await bodyByCode(ctx.db, input.code)) faults.add("code", "duplicate");
  faults.throwIfAny();
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const row = await insertBody(tx.db, {
      code: input.code,
      name: input.name,
      originalLanguage: originalLanguage!,
      level: input.level,
      chairPersonId: input.chairPersonId,
      termsOfReference: input.termsOfReference,
      instrumentId: input.instrumentId,
      categories: input.categories,
      visibility: input.visibility,
      createdAt: now,
      updatedAt: now,
    });
    const created = await present(tx, row);
    await tx.audit.record("body", row.id, null, created);
    return created;
  });
}

export async function updateBody(ctx: Ctx, idOrCode: string, input: UpdateBodyInput): Promise<Body> {
  const current = await findBody(ctx, idOrCode);
  await ctx.access.authorize("body.manage", null);
  const faults = new FieldFaults();
  const name = input.name ?? current.name;
  const originalLanguage = originalLanguageOf(
    name,
    input.originalLanguage ?? (current.originalLanguage as Language),
  );
  if (!originalLanguage) faults.add("name", "required");
  await checkBodyReferences(ctx, faults, input);
  // A category still held by a member cannot disappear from under them.
  if (input.categories) {
    const kept = new Set(input.categories.map((c) => c.code));
    for (const m of await membersOf(ctx.db, [current.id]))
      if (!m.validTo && !kept.has(m.category)) faults.add("categories", "category_in_use");
  }
  faults.throwIfAny();
  const before = await present(ctx, current);
  return ctx.transaction(async (tx) => {
    const { version, ...changes } = input;
    const next = await updateBodyIfVersion(
      tx.db,
      current.id,
      version,
      { ...changes, name, originalLanguage: originalLanguage! },
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    const after = await present(tx, next);
    await tx.audit.record("body", current.id, before, after);
    return after;
  });
}

export async function addMember(ctx: Ctx, idOrCode: string, input: AddMemberInput): Promise<Body> {
  const current = await findBody(ctx, idOrCode);
  await ctx.access.authorize("body.manage", null);
  const faults = new FieldFaults();
  if (!current.categories.some((c) => c.code === input.category)) faults.add("category", "unknown_category");
  await findPerson(ctx, input.personId).catch(() => faults.add("personId", "unknown_person"));
  if (input.validTo && input.validTo < input.validFrom) faults.add("validTo", "before_start");
  faults.throwIfAny();
  const before = await present(ctx, current);
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    await insertMember(tx.db, { bodyId: current.id, ...input, createdAt: now, updatedAt: now });
    const after = await present(tx, current);
    await tx.audit.record("body", current.id, before, after, "add_member");
    return after;
  });
}

export async function endMember(
  ctx: Ctx,
  idOrCode: string,
  memberId: string,
  input: { validTo: string; version: number },
): Promise<Body> {
  const current = await findBody(ctx, idOrCode);
  await ctx.access.authorize("body.manage", null);
  const member = looksLikeId(memberId) ? await memberById(ctx.db, memberId) : undefined;
  if (!member || member.bodyId !== current.id) return fail("not_found", { entity: "member", id: memberId });
  if (input.validTo < member.validFrom)
    fail("validation_failed", [{ field: "validTo", reason: "before_start" }]);
  const before = await present(ctx, current);
  return ctx.transaction(async (tx) => {
    const ended = await endMemberIfVersion(
      tx.db,
      member.id,
      input.version,
      input.validTo,
      tx.clock.now().toISOString(),
    );
    assertFresh(ended);
    const after = await present(tx, current);
    await tx.audit.record("body", current.id, before, after, "end_member");
    return after;
  });
}

/** Meetings per year (in the body's usual time zone, Geneva), attendance by category, the share remote. */
export async function bodyStatistics(ctx: Ctx, idOrCode: string): Promise<BodyStatistics> {
  const found = await findBody(ctx, idOrCode);
  const counts = await meetingCounts(ctx.db, found.id, "Europe/Zurich");
  const years = counts.meetings.map(({ year, meetings }) => {
    const attendance: BodyStatistics["years"][number]["attendance"] = {};
    let present_ = 0;
    let remote = 0;
    for (const row of counts.attendance.filter((a) => a.year === year)) {
      attendance[row.category] ??= { in_person: 0, remote: 0, apologies: 0, absent: 0 };
      attendance[row.category]![row.attendance as Attendance] = row.n;
      if (row.attendance === "remote") remote += row.n;
      if (row.attendance === "in_person" || row.attendance === "remote") present_ += row.n;
    }
    return { year, meetings, attendance, remoteShare: present_ ? +(remote / present_).toFixed(3) : null };
  });
  return {
    years,
    total: years.reduce((sum, y) => sum + y.meetings, 0),
    since: counts.since ? isoTimestamp(counts.since) : null,
  };
}

export async function presentMeetings(ctx: Ctx, rows: MeetingRow[]): Promise<Meeting[]> {
  const participants = await participantsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const bodies = new Map<string, BodyRow>();
  const out: Meeting[] = [];
  for (const row of rows) {
    if (!bodies.has(row.bodyId)) bodies.set(row.bodyId, (await bodyById(ctx.db, row.bodyId))!);
    const b = bodies.get(row.bodyId)!;
    out.push({
      id: row.id,
      bodyId: b.id,
      bodyCode: b.code,
      bodyName: b.name,
      number: row.number,
      startsAt: isoTimestamp(row.startsAt),
      endsAt: isoTimestamp(row.endsAt),
      timeZone: row.timeZone,
      mode: row.mode as Meeting["mode"],
      place: row.place,
      status: row.status as Meeting["status"],
      participants: participants
        .filter((p) => p.meetingId === row.id)
        .map((p) => ({
          personId: p.personId,
          personName: p.personName,
          category: p.category,
          invited: p.invited,
          attendance: p.attendance as Attendance | null,
        })),
      minutesStatus: row.minutesStatus as Meeting["minutesStatus"],
      minutesRevision: row.minutesRevision,
      minutesApprovedAt: isoTimestamp(row.minutesApprovedAt),
      version: row.version,
    });
  }
  return out;
}

export async function findMeeting(ctx: Ctx, id: string): Promise<MeetingRow> {
  const row = looksLikeId(id) ? await meetingById(ctx.db, id) : undefined;
  if (!row) return fail("not_found", { entity: "meeting", id });
  await findBody(ctx, row.bodyId).catch(() => fail("not_found", { entity: "meeting", id }));
  return row;
}

export async function getMeeting(ctx: Ctx, id: string): Promise<Meeting> {
  return (await presentMeetings(ctx, [await findMeeting(ctx, id)]))[0]!;
}

export async function listMeetings(
  ctx: Ctx,
  query: z.infer<typeof MeetingListQuery> & { cursor?: string; limit: number },
) {
  const readable = (await listBodies(ctx)).entries.map((b) => b.id);
  const bodyIds = query.bodyId ? readable.filter((id) => id === query.bodyId) : readable;
  if (query.bodyId && bodyIds.length === 0)
    fail("validation_failed", [{ field: "bodyId", reason: "unknown_body" }]);
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const rows = await listMeetingRows(ctx.db, {
    bodyIds,
    from: query.from ?? null,
    to: query.to ?? null,
    status: query.status ?? null,
    after,
    limit: query.limit,
  });
  const page = pageFrom(rows, query.limit, (r) => [r.startsAt, r.id]);
  return { entries: await presentMeetings(ctx, page.entries), nextCursor: page.nextCursor };
}

/** The day a meeting falls on where it is held: whose membership it counts. */
const localDay = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(instant),
  );

export async function createMeeting(ctx: Ctx, input: CreateMeetingInput): Promise<Meeting> {
  await ctx.access.authorize("body.manage", null);
  const faults = new FieldFaults();
  const found = looksLikeId(input.bodyId) ? await bodyById(ctx.db, input.bodyId) : undefined;
  if (!found) return fail("validation_failed", [{ field: "bodyId", reason: "unknown_body" }]);
  if (input.endsAt && input.endsAt < input.startsAt) faults.add("endsAt", "before_start");
  for (const [i, id] of input.guests.entries())
    await findPerson(ctx, id).catch(() => faults.add(`guests.${i}`, "unknown_person"));
  faults.throwIfAny();
  const number = input.number ?? (await nextMeetingNumber(ctx.db, found.id));
  if (await meetingNumberTaken(ctx.db, found.id, number))
    fail("conflict", [{ field: "number", reason: "duplicate" }]);
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const row = await insertMeeting(tx.db, {
      bodyId: found.id,
      number,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      timeZone: input.timeZone,
      mode: input.mode,
      place: input.place,
      status: input.status,
      createdAt: now,
      updatedAt: now,
    });
    // Every member seated on the day is invited, except categories that attend only when invited.
    const invitedOnly = new Set(
      found.categories.filter((c) => c.attendance === "invited_only").map((c) => c.code),
    );
    const seated = (await membersOn(tx.db, found.id, localDay(input.startsAt, input.timeZone))).filter(
      (m) => !invitedOnly.has(m.category),
    );
    const categoryOf = new Map(
      (await membersOn(tx.db, found.id, localDay(input.startsAt, input.timeZone))).map((m) => [
        m.personId,
        m.category,
      ]),
    );
    await insertParticipants(tx.db, [
      ...seated.map((m) => ({
        meetingId: row.id,
        personId: m.personId,
        category: m.category,
        createdAt: now,
        updatedAt: now,
      })),
      ...input.guests.map((personId) => ({
        meetingId: row.id,
        personId,
        category: categoryOf.get(personId) ?? null,
        createdAt: now,
        updatedAt: now,
      })),
    ]);
    const created = (await presentMeetings(tx, [row]))[0]!;
    await tx.audit.record("meeting", row.id, null, created);
    return created;
  });
}

export async function updateMeeting(ctx: Ctx, id: string, input: UpdateMeetingInput): Promise<Meeting> {
  const current = await findMeeting(ctx, id);
  await ctx.access.authorize("body.manage", null);
  const startsAt = input.startsAt ?? current.startsAt;
  const endsAt = input.endsAt !== undefined ? input.endsAt : current.endsAt;
  if (endsAt && Date.parse(endsAt) < Date.parse(startsAt))
    fail("validation_failed", [{ field: "endsAt", reason: "before_start" }]);
  const before = (await presentMeetings(ctx, [current]))[0]!;
  return ctx.transaction(async (tx) => {
    const { version, ...changes } = input;
    const next = await updateMeetingIfVersion(
      tx.db,
      current.id,
      version,
      changes,
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    const after = (await presentMeetings(tx, [next]))[0]!;
    await tx.audit.record("meeting", current.id, before, after);
    return after;
  });
}

/** Invites people to one meeting (department heads the chair asks in, guests); members keep their category. */
export async function inviteToMeeting(
  ctx: Ctx,
  id: string,
  input: { personIds: string[]; version: number },
): Promise<Meeting> {
  const current = await findMeeting(ctx, id);
  await ctx.access.authorize("body.manage", null);
  const faults = new FieldFaults();
  for (const [i, personId] of input.personIds.entries())
    await findPerson(ctx, personId).catch(() => faults.add(`personIds.${i}`, "unknown_person"));
  faults.throwIfAny();
  const before = (await presentMeetings(ctx, [current]))[0]!;
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const next = await updateMeetingIfVersion(tx.db, current.id, input.version, {}, now);
    assertFresh(next);
    const categoryOf = new Map(
      (await membersOn(tx.db, current.bodyId, localDay(current.startsAt, current.timeZone))).map((m) => [
        m.personId,
        m.category,
      ]),
    );
    await insertParticipants(
      tx.db,
      input.personIds.map((personId) => ({
        meetingId: current.id,
        personId,
        category: categoryOf.get(personId) ?? null,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const after = (await presentMeetings(tx, [next]))[0]!;
    await tx.audit.record("meeting", current.id, before, after, "invite");
    return after;
  });
}

/**
 * Withdraws invitations sent by mistake, members' as well as guests'. Someone whose attendance is
 * recorded took part (or sent apologies): clear that first, so the record never loses it silently.
 */
export async function withdrawInvitations(
  ctx: Ctx,
  id: string,
  input: WithdrawInvitationsInput,
): Promise<Meeting> {
  const current = await findMeeting(ctx, id);
  await ctx.access.authorize("body.manage", null);
  const before = (await presentMeetings(ctx, [current]))[0]!;
  const participants = new Map(before.participants.map((p) => [p.personId, p]));
  const faults = new FieldFaults();
  input.personIds.forEach((personId, i) => {
    const participant = participants.get(personId);
    if (!participant) faults.add(`personIds.${i}`, "not_invited");
    else if (participant.attendance) faults.add(`personIds.${i}`, "attendance_recorded");
  });
  faults.throwIfAny();
  return ctx.transaction(async (tx) => {
    const next = await updateMeetingIfVersion(
      tx.db,
      current.id,
      input.version,
      {},
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    await deleteParticipants(tx.db, current.id, [...new Set(input.personIds)]);
    const after = (await presentMeetings(tx, [next]))[0]!;
    await tx.audit.record("meeting", current.id, before, after, "withdraw_invitations");
    return after;
  });
}

/** Records how each participant took part; someone neither member nor invited cannot have attended. */
export async function recordAttendance(ctx: Ctx, id: string, input: RecordAttendanceInput): Promise<Meeting> {
  const current = await findMeeting(ctx, id);
  await ctx.access.authorize("body.manage", null);
  const before = (await presentMeetings(ctx, [current]))[0]!;
  const invited = new Set(before.participants.map((p) => p.personId));
  const faults = new FieldFaults();
  input.entries.forEach((entry, i) => {
    if (!invited.has(entry.personId)) faults.add(`entries.${i}.personId`, "not_invited");
    if (entry.attendance !== null && !(ATTENDANCE as readonly string[]).includes(entry.attendance))
      faults.add(`entries.${i}.attendance`, "invalid_enum");
  });
  faults.throwIfAny();
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const next = await updateMeetingIfVersion(tx.db, current.id, input.version, {}, now);
    assertFresh(next);
    for (const entry of input.entries)
      await setAttendance(tx.db, current.id, entry.personId, entry.attendance, now);
    const after = (await presentMeetings(tx, [next]))[0]!;
    await tx.audit.record("meeting", current.id, before, after, "attendance");
    return after;
  });
}

/** A body's meetings for its calendar feed. */
export async function bodyMeetings(ctx: Ctx, idOrCode: string) {
  const found = await findBody(ctx, idOrCode);
  return {
    body: found,
    meetings: await presentMeetings(ctx, await meetingsFor(ctx.db, { bodyId: found.id })),
  };
}

/** The meetings a person takes part in, for their own calendar feed (administrators may read anyone's). */
export async function personMeetings(ctx: Ctx, personId: string) {
  if (ctx.viewer?.personId !== personId && !(await ctx.access.can("person.manage", null))) {
    return fail("not_found", { entity: "person", id: personId });
  }
  const person = await findPerson(ctx, personId);
  const readable = new Set((await listBodies(ctx)).entries.map((b) => b.id));
  const rows = (await meetingsFor(ctx.db, { personId: person.id })).filter((m) => readable.has(m.bodyId));
  return { person, meetings: await presentMeetings(ctx, rows) };
}
