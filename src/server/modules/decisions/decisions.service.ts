import type { z } from "zod";
import type {
  ActionItem,
  ActionItemListQuery,
  AgendaItem,
  AreaReport,
  CreateActionItemInput,
  CreateAgendaItemInput,
  CreateDecisionInput,
  Decision,
  DecisionListQuery,
  FileReportInput,
  SpawnActionItemsInput,
  UpdateActionItemInput,
  UpdateAgendaItemInput,
  UpdateDecisionInput,
} from "#shared/decisions.ts";
import { formatDocumentSymbol, parseDocumentSymbol } from "#shared/document-symbols.ts";
import { type Language, originalLanguageOf } from "#shared/languages.ts";
import { today as dayOf, isoTimestamp } from "../../core/clock.ts";
import type { Ctx } from "../../core/context.ts";
import { fail, FieldFaults, looksLikeId, assertFresh } from "../../core/errors.ts";
import { notify } from "../../core/notifications.ts";
import { decodeCursor, pageFrom } from "../../core/pagination.ts";
import { searchText, words } from "../../core/text.ts";
import { areasOfFocalPoint, findAreasBySlugs } from "../areas/areas.service.ts";
import { findBody, findMeeting, getMeeting, listBodies } from "../bodies/bodies.service.ts";
import { findPerson } from "../people/people.service.ts";
import { unitByCode } from "../units/units.repo.ts";
import {
  type ActionRow,
  insertReport,
  type ReportRow,
  reportsOf,
  updateMinutesIfVersion,
  updateReportIfVersion,
  actionItemById,
  type AgendaRow,
  agendaItemById,
  agendaOf,
  claimOverdue,
  type DecisionRow,
  decisionById,
  decisionsInMeeting,
  insertActionItems,
  insertAgendaItem,
  insertDecision,
  lastAgendaPosition,
  listActionRows,
  listDecisionRows,
  updateActionItemIfVersion,
  updateAgendaItemIfVersion,
  updateDecisionIfVersion,
} from "./decisions.repo.ts";

const today = (ctx: Ctx) => dayOf(ctx.clock);

function toAgendaItem(row: AgendaRow): AgendaItem {
  return {
    id: row.id,
    meetingId: row.meetingId,
    position: row.position,
    title: row.title,
    originalLanguage: row.originalLanguage as Language,
    kind: row.kind as AgendaItem["kind"],
    areaSlug: row.areaSlug,
    documentSymbol: row.documentSymbol,
    minutes: row.minutes,
    version: row.version,
  };
}

export async function getAgenda(ctx: Ctx, meetingId: string): Promise<{ entries: AgendaItem[] }> {
  const found = await findMeeting(ctx, meetingId);
  return { entries: (await agendaOf(ctx.db, found.id)).map(toAgendaItem) };
}

export async function addAgendaItem(
  ctx: Ctx,
  meetingId: string,
  input: CreateAgendaItemInput,
): Promise<AgendaItem> {
  const found = await findMeeting(ctx, meetingId);
  await ctx.access.authorize("body.manage", null);
  const faults = new FieldFaults();
  const originalLanguage = originalLanguageOf(input.title, input.originalLanguage);
  if (!originalLanguage) faults.add("title", "required");
  let areaId: string | null = null;
  if (input.areaSlug) {
    const [area] = await findAreasBySlugs(ctx, [input.areaSlug]);
    if (!area) faults.add("areaSlug", "unknown_area");
    areaId = area?.id ?? null;
  }
  if (input.kind === "area" && !input.areaSlug) faults.add("areaSlug", "required");
  const documentSymbol = canonicalSymbol(input.documentSymbol, faults);
  faults.throwIfAny();
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const created = await insertAgendaItem(tx.db, {
      meetingId: found.id,
      position: input.position ?? (await lastAgendaPosition(tx.db, found.id)) + 1,
      title: input.title,
      originalLanguage: originalLanguage!,
      kind: input.kind,
      areaId,
      documentSymbol,
      createdAt: now,
      updatedAt: now,
    });
    const item = toAgendaItem((await agendaItemById(tx.db, created.id))!);
    await tx.audit.record("agenda_item", created.id, null, item);
    return item;
  });
}

/** A document symbol as documents write it (`C17/INF/4`), or a fault; null and absent pass through. */
function canonicalSymbol<T extends string | null | undefined>(symbol: T, faults: FieldFaults): T | string {
  if (!symbol) return symbol;
  const parsed = parseDocumentSymbol(symbol);
  if (!parsed) {
    faults.add("documentSymbol", "invalid_symbol");
    return symbol;
  }
  return formatDocumentSymbol(parsed);
}

async function findAgendaItem(ctx: Ctx, id: string): Promise<AgendaRow> {
  const row = looksLikeId(id) ? await agendaItemById(ctx.db, id) : undefined;
  if (!row) return fail("not_found", { entity: "agenda_item", id });
  await findMeeting(ctx, row.meetingId);
  return row;
}

export async function updateAgendaItem(
  ctx: Ctx,
  id: string,
  input: UpdateAgendaItemInput,
): Promise<AgendaItem> {
  const current = await findAgendaItem(ctx, id);
  await ctx.access.authorize("body.manage", null);
  // Approved minutes are a record: changing them takes a new revision (reviseMinutes) first.
  if ((await findMeeting(ctx, current.meetingId)).minutesStatus === "approved")
    fail("invalid_transition", { reason: "minutes_approved" });
  const faults = new FieldFaults();
  const documentSymbol = canonicalSymbol(input.documentSymbol, faults);
  faults.throwIfAny();
  return ctx.transaction(async (tx) => {
    const { version, ...changes } = input;
    const next = await updateAgendaItemIfVersion(
      tx.db,
      current.id,
      version,
      { ...changes, ...(documentSymbol === undefined ? {} : { documentSymbol }) },
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    const after = toAgendaItem((await agendaItemById(tx.db, current.id))!);
    await tx.audit.record("agenda_item", current.id, toAgendaItem(current), after);
    return after;
  });
}

function toDecision(row: DecisionRow): Decision {
  return {
    id: row.id,
    bodyId: row.bodyId,
    bodyCode: row.bodyCode,
    meetingId: row.meetingId,
    meetingNumber: row.meetingNumber,
    agendaItemId: row.agendaItemId,
    number: row.number,
    text: row.text,
    originalLanguage: row.originalLanguage as Language,
    takenOn: isoTimestamp(row.takenOn),
    version: row.version,
  };
}

/** Records a decision of a meeting; it takes the next number of that meeting: `ISC-TF/16/3`. */
export async function takeDecision(
  ctx: Ctx,
  meetingId: string,
  input: CreateDecisionInput,
): Promise<Decision> {
  const found = await findMeeting(ctx, meetingId);
  await ctx.access.authorize("body.manage", null);
  const faults = new FieldFaults();
  const originalLanguage = originalLanguageOf(input.text, input.originalLanguage);
  if (!originalLanguage) faults.add("text", "required");
  if (input.agendaItemId) {
    const item = looksLikeId(input.agendaItemId)
      ? await agendaItemById(ctx.db, input.agendaItemId)
      : undefined;
    if (!item || item.meetingId !== found.id) faults.add("agendaItemId", "not_in_meeting");
  }
  faults.throwIfAny();
  const bodyRow = await findBody(ctx, found.bodyId);
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const number = `${bodyRow.code.toUpperCase()}/${found.number}/${(await decisionsInMeeting(tx.db, found.id)) + 1}`;
    const created = await insertDecision(tx.db, {
      bodyId: found.bodyId,
      meetingId: found.id,
      agendaItemId: input.agendaItemId,
      number,
      text: input.text,
      originalLanguage: originalLanguage!,
      searchText: searchText(input.text),
      createdAt: now,
      updatedAt: now,
    });
    const decided = toDecision((await decisionById(tx.db, created.id))!);
    await tx.audit.record("decision", created.id, null, decided);
    return decided;
  });
}

export async function getDecision(ctx: Ctx, id: string): Promise<Decision> {
  const row = looksLikeId(id) ? await decisionById(ctx.db, id) : undefined;
  if (!row) return fail("not_found", { entity: "decision", id });
  await findBody(ctx, row.bodyId).catch(() => fail("not_found", { entity: "decision", id }));
  return toDecision(row);
}

/**
 * Corrects a decision's text or the agenda item it answers. Like the rest of the minutes, a decision
 * of approved minutes is a record: a new revision of the minutes comes first.
 */
export async function correctDecision(ctx: Ctx, id: string, input: UpdateDecisionInput): Promise<Decision> {
  const current = await getDecision(ctx, id);
  await ctx.access.authorize("body.manage", null);
  if ((await findMeeting(ctx, current.meetingId)).minutesStatus === "approved")
    fail("invalid_transition", { reason: "minutes_approved" });
  const faults = new FieldFaults();
  const text = input.text ?? current.text;
  const originalLanguage = originalLanguageOf(
    text,
    input.originalLanguage ?? (input.text ? undefined : current.originalLanguage),
  );
  if (!originalLanguage) faults.add(input.originalLanguage ? "originalLanguage" : "text", "required");
  if (input.agendaItemId) {
    const item = looksLikeId(input.agendaItemId)
      ? await agendaItemById(ctx.db, input.agendaItemId)
      : undefined;
    if (!item || item.meetingId !== current.meetingId) faults.add("agendaItemId", "not_in_meeting");
  }
  faults.throwIfAny();
  return ctx.transaction(async (tx) => {
    const next = await updateDecisionIfVersion(
      tx.db,
      current.id,
      input.version,
      {
        text,
        originalLanguage: originalLanguage!,
        searchText: searchText(text),
        ...(input.agendaItemId === undefined ? {} : { agendaItemId: input.agendaItemId }),
      },
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    const after = toDecision((await decisionById(tx.db, current.id))!);
    await tx.audit.record("decision", current.id, current, after);
    return after;
  });
}

async function readableBodyIds(ctx: Ctx, bodyId: string | undefined): Promise<string[]> {
  const readable = (await listBodies(ctx)).entries.map((b) => b.id);
  if (!bodyId) return readable;
  if (!readable.includes(bodyId)) fail("validation_failed", [{ field: "bodyId", reason: "unknown_body" }]);
  return [bodyId];
}

export async function listDecisions(
  ctx: Ctx,
  query: z.infer<typeof DecisionListQuery> & { cursor?: string; limit: number },
) {
  const rows = await listDecisionRows(ctx.db, {
    bodyIds: await readableBodyIds(ctx, query.bodyId),
    meetingId: query.meetingId ?? null,
    terms: query.q ? words(query.q) : [],
    after: decodeCursor(query.cursor, 2) as [string, string] | null,
    limit: query.limit,
  });
  const page = pageFrom(rows, query.limit, (r) => [r.takenOn, r.id]);
  return { entries: page.entries.map(toDecision), nextCursor: page.nextCursor };
}

function toActionItem(row: ActionRow, day: string): ActionItem {
  return {
    id: row.id,
    bodyId: row.bodyId,
    bodyCode: row.bodyCode,
    meetingId: row.meetingId,
    agendaItemId: row.agendaItemId,
    decisionId: row.decisionId,
    title: row.title,
    originalLanguage: row.originalLanguage as Language,
    ownerPersonId: row.ownerPersonId,
    ownerName: row.ownerName,
    ownerUnitCode: row.ownerUnitCode,
    dueDate: row.dueDate,
    status: row.status as ActionItem["status"],
    overdue: (row.status === "open" || row.status === "in_progress") && row.dueDate < day,
    notes: row.notes,
    version: row.version,
  };
}

type ActionDraft = SpawnActionItemsInput["items"][number];

async function createActionItems(
  ctx: Ctx,
  origin: {
    bodyId: string;
    meetingId: string | null;
    agendaItemId: string | null;
    decisionId: string | null;
  },
  drafts: ActionDraft[],
  field: (i: number) => string,
): Promise<ActionItem[]> {
  await ctx.access.authorize("body.manage", null);
  const faults = new FieldFaults();
  const units: string[] = [];
  for (const [i, draft] of drafts.entries()) {
    if (!originalLanguageOf(draft.title, draft.originalLanguage)) faults.add(`${field(i)}title`, "required");
    await findPerson(ctx, draft.ownerPersonId).catch(() =>
      faults.add(`${field(i)}ownerPersonId`, "unknown_person"),
    );
    const unit = await unitByCode(ctx.db, draft.ownerUnitCode);
    if (!unit) faults.add(`${field(i)}ownerUnitCode`, "unknown_unit");
    units.push(unit?.id ?? "");
  }
  faults.throwIfAny();
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const created = await insertActionItems(
      tx.db,
      drafts.map((draft, i) => ({
        ...origin,
        title: draft.title,
        originalLanguage: originalLanguageOf(draft.title, draft.originalLanguage)!,
        ownerPersonId: draft.ownerPersonId,
        ownerUnitId: units[i]!,
        dueDate: draft.dueDate,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const items: ActionItem[] = [];
    for (const { id } of created) {
      const item = toActionItem((await actionItemById(tx.db, id))!, today(tx));
      await tx.audit.record("action_item", id, null, item);
      items.push(item);
    }
    // Each owner hears of their own items only.
    for (const owner of new Set(items.map((item) => item.ownerPersonId))) {
      await notify(tx, [owner], "action_item.assigned", {
        actionItemIds: items.filter((item) => item.ownerPersonId === owner).map((item) => item.id),
      });
    }
    return items;
  });
}

export async function createActionItem(ctx: Ctx, input: CreateActionItemInput): Promise<ActionItem> {
  await ctx.access.authorize("body.manage", null);
  const { bodyId, ...draft } = input;
  const found = await findBody(ctx, bodyId).catch(() =>
    fail("validation_failed", [{ field: "bodyId", reason: "unknown_body" }]),
  );
  const [item] = await createActionItems(
    ctx,
    { bodyId: found.id, meetingId: null, agendaItemId: null, decisionId: null },
    [draft],
    () => "",
  );
  return item!;
}

/** An agenda item's or a decision's actions, in one step. */
export async function spawnActionItems(
  ctx: Ctx,
  from: { agendaItemId: string } | { decisionId: string },
  input: SpawnActionItemsInput,
): Promise<{ entries: ActionItem[] }> {
  if ("agendaItemId" in from) {
    const item = await findAgendaItem(ctx, from.agendaItemId);
    const found = await findMeeting(ctx, item.meetingId);
    return {
      entries: await createActionItems(
        ctx,
        { bodyId: found.bodyId, meetingId: found.id, agendaItemId: item.id, decisionId: null },
        input.items,
        (i) => `items.${i}.`,
      ),
    };
  }
  const decided = await getDecision(ctx, from.decisionId);
  return {
    entries: await createActionItems(
      ctx,
      {
        bodyId: decided.bodyId,
        meetingId: decided.meetingId,
        agendaItemId: decided.agendaItemId,
        decisionId: decided.id,
      },
      input.items,
      (i) => `items.${i}.`,
    ),
  };
}

async function findActionItem(ctx: Ctx, id: string): Promise<ActionRow> {
  const row = looksLikeId(id) ? await actionItemById(ctx.db, id) : undefined;
  if (!row) return fail("not_found", { entity: "action_item", id });
  await findBody(ctx, row.bodyId).catch(() => fail("not_found", { entity: "action_item", id }));
  return row;
}

export async function getActionItem(ctx: Ctx, id: string): Promise<ActionItem> {
  return toActionItem(await findActionItem(ctx, id), today(ctx));
}

/** The secretariat changes anything; the owner reports progress and status on their own item. */
export async function updateActionItem(
  ctx: Ctx,
  id: string,
  input: UpdateActionItemInput,
): Promise<ActionItem> {
  const current = await findActionItem(ctx, id);
  const manager = await ctx.access.can("body.manage", null);
  const owner = ctx.viewer?.personId === current.ownerPersonId;
  if (!manager && !(owner && input.title === undefined && input.dueDate === undefined)) fail("forbidden");
  const before = toActionItem(current, today(ctx));
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const { version, note, ...changes } = input;
    const next = await updateActionItemIfVersion(
      tx.db,
      current.id,
      version,
      {
        ...changes,
        ...(note ? { notes: [...current.notes, { at: now, by: ctx.viewer?.name ?? null, note }] } : {}),
      },
      now,
    );
    assertFresh(next);
    const after = toActionItem((await actionItemById(tx.db, current.id))!, today(tx));
    await tx.audit.record("action_item", current.id, before, after);
    return after;
  });
}

export async function listActionItems(
  ctx: Ctx,
  query: z.infer<typeof ActionItemListQuery> & { cursor?: string; limit: number },
) {
  const day = today(ctx);
  const rows = await listActionRows(ctx.db, {
    bodyIds: await readableBodyIds(ctx, query.bodyId),
    meetingId: query.meetingId ?? null,
    ownerPersonId: query.ownerPersonId ?? null,
    status: query.status ?? null,
    overdueOn: query.overdue === "true" ? day : null,
    notOverdueOn: query.overdue === "false" ? day : null,
    after: decodeCursor(query.cursor, 2) as [string, string] | null,
    limit: query.limit,
  });
  const page = pageFrom(rows, query.limit, (r) => [r.dueDate, r.id]);
  return { entries: page.entries.map((r) => toActionItem(r, day)), nextCursor: page.nextCursor };
}

/**
 * Reminds the owners of overdue action items (in the platform; by e-mail once SMTP is configured),
 * each item at most once a week. Run by the server every hour and by `intersect reminders send`.
 */
export async function remindOverdueActionItems(ctx: Ctx): Promise<{ reminded: number }> {
  const now = ctx.clock.now();
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  return ctx.transaction(async (tx) => {
    const claimed = await claimOverdue(tx.db, now.toISOString().slice(0, 10), now.toISOString(), weekAgo);
    for (const item of claimed) {
      await notify(tx, [item.ownerPersonId], "action_item.overdue", {
        actionItemId: item.id,
        dueDate: item.dueDate,
      });
    }
    if (claimed.length)
      await tx.audit.record("reminder", now.toISOString(), null, { overdue: claimed.length }, "remind");
    return { reminded: claimed.length };
  });
}

function toReport(row: ReportRow): AreaReport {
  return {
    id: row.id,
    meetingId: row.meetingId,
    areaSlug: row.areaSlug,
    personId: row.personId,
    personName: row.personName,
    language: row.language as Language,
    progress: row.progress,
    issues: row.issues,
    nextSteps: row.nextSteps,
    updatedAt: isoTimestamp(row.updatedAt),
    version: row.version,
  };
}

export async function listReports(ctx: Ctx, meetingId: string): Promise<{ entries: AreaReport[] }> {
  const found = await findMeeting(ctx, meetingId);
  return { entries: (await reportsOf(ctx.db, found.id)).map(toReport) };
}

/**
 * A focal point files (or revises) the progress report on their area for a meeting: progress,
 * issues, next steps. It appears under the agenda item on that area.
 */
export async function fileReport(ctx: Ctx, meetingId: string, input: FileReportInput): Promise<AreaReport> {
  const found = await findMeeting(ctx, meetingId);
  if (!ctx.viewer) return fail("unauthenticated");
  const [area] = await findAreasBySlugs(ctx, [input.areaSlug]);
  if (!area) return fail("validation_failed", [{ field: "areaSlug", reason: "unknown_area" }]);
  if (!(await areasOfFocalPoint(ctx)).has(area.id)) fail("forbidden");
  const personId = ctx.viewer.personId;
  const existing = (await reportsOf(ctx.db, found.id)).find(
    (r) => r.areaId === area.id && r.personId === personId,
  );
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const fields = {
      language: input.language,
      progress: input.progress,
      issues: input.issues,
      nextSteps: input.nextSteps,
    };
    if (existing) {
      if (input.version === undefined) fail("conflict", [{ field: "version", reason: "required" }]);
      const next = await updateReportIfVersion(tx.db, existing.id, input.version, fields, now);
      assertFresh(next);
    } else {
      await insertReport(tx.db, {
        meetingId: found.id,
        areaId: area.id,
        personId,
        ...fields,
        createdAt: now,
        updatedAt: now,
      });
    }
    const after = (await reportsOf(tx.db, found.id)).find(
      (r) => r.areaId === area.id && r.personId === personId,
    )!;
    await tx.audit.record("area_report", after.id, existing ? toReport(existing) : null, toReport(after));
    return toReport(after);
  });
}

/** The chair of the meeting's body approves its minutes; from then on they change only in a new revision. */
export async function approveMinutes(ctx: Ctx, meetingId: string, input: { version: number }) {
  const found = await findMeeting(ctx, meetingId);
  const bodyRow = await findBody(ctx, found.bodyId);
  const isChair = ctx.viewer !== null && bodyRow.chairPersonId === ctx.viewer.personId;
  if (!isChair && !(await ctx.access.can("unit.manage", null))) fail("forbidden");
  if (found.minutesStatus === "approved") fail("invalid_transition", { reason: "minutes_approved" });
  return changeMinutes(ctx, found.id, input.version, "approve_minutes", (now) => ({
    minutesStatus: "approved",
    minutesApprovedBy: ctx.viewer?.personId ?? null,
    minutesApprovedAt: now,
  }));
}

/** Opens a new revision of approved minutes (the approved text stays in the audit trail). */
export async function reviseMinutes(
  ctx: Ctx,
  meetingId: string,
  input: { version: number; reason?: string },
) {
  const found = await findMeeting(ctx, meetingId);
  await ctx.access.authorize("body.manage", null);
  if (found.minutesStatus !== "approved") fail("invalid_transition", { reason: "minutes_not_approved" });
  return changeMinutes(ctx, found.id, input.version, "revise_minutes", () => ({
    minutesStatus: "draft",
    minutesRevision: found.minutesRevision + 1,
    minutesApprovedBy: null,
    minutesApprovedAt: null,
  }));
}

async function changeMinutes(
  ctx: Ctx,
  meetingId: string,
  version: number,
  action: string,
  changes: (now: string) => Record<string, unknown>,
) {
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const minutes = (await agendaOf(tx.db, meetingId)).map((a) => ({
      position: a.position,
      title: a.title,
      minutes: a.minutes,
    }));
    const next = await updateMinutesIfVersion(tx.db, meetingId, version, changes(now), now);
    assertFresh(next);
    const meeting = await getMeeting(tx, meetingId);
    await tx.audit.record("meeting", meetingId, null, { ...meeting, minutes }, action);
    return meeting;
  });
}
