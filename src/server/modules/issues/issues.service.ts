import type { z } from "zod";
import type { CoordinationIssue, EscalationLevel, IssueListQuery, RaiseIssueInput } from "#shared/issues.ts";
import { type Language, originalLanguageOf } from "#shared/languages.ts";
import { isoTimestamp } from "../../core/clock.ts";
import type { Ctx } from "../../core/context.ts";
import { fail, FieldFaults, looksLikeId, assertFresh } from "../../core/errors.ts";
import { notify } from "../../core/notifications.ts";
import { decodeCursor, pageFrom } from "../../core/pagination.ts";
import { areasOfFocalPoint, findAreasBySlugs } from "../areas/areas.service.ts";
import { findBody } from "../bodies/bodies.service.ts";
import { getDecision } from "../decisions/decisions.service.ts";
import {
  agendaPositionsOf,
  insertIssue,
  insertLevels,
  type IssueRow,
  issueById,
  issuesOnAgenda,
  type LevelRow,
  ladder,
  listIssueRows,
  nextMeetingOf,
  openIssues,
  proposeOnAgenda,
  updateIssueIfVersion,
} from "./issues.repo.ts";

const DAY = 86_400_000;

function toLevel(row: LevelRow): EscalationLevel {
  return {
    position: row.position,
    name: row.name,
    bodyId: row.bodyId,
    bodyCode: row.bodyCode,
    timeLimitDays: row.timeLimitDays,
  };
}

function escalatesAt(row: IssueRow, levels: LevelRow[]): string | null {
  const level = levels.find((l) => l.position === row.level);
  const hasNext = levels.some((l) => l.position > row.level);
  if (row.status !== "open" || !level?.timeLimitDays || !hasNext) return null;
  return new Date(Date.parse(row.levelSince) + level.timeLimitDays * DAY).toISOString();
}

function toIssue(row: IssueRow, levels: LevelRow[]): CoordinationIssue {
  return {
    id: row.id,
    areaSlug: row.areaSlug,
    title: row.title,
    description: row.description,
    originalLanguage: row.originalLanguage as Language,
    raisedBy: row.raisedBy,
    raisedByName: row.raisedByName,
    level: row.level,
    levelName: levels.find((l) => l.position === row.level)?.name ?? {},
    levelSince: isoTimestamp(row.levelSince),
    escalatesAt: escalatesAt(row, levels),
    status: row.status as CoordinationIssue["status"],
    resolvedByDecisionId: row.resolvedByDecisionId,
    resolution: row.resolution,
    moves: row.moves,
    version: row.version,
  };
}

/** Sets the organization's ladder once (demo, first configuration); levels are bodies by code. */
export async function defineLadder(
  ctx: Ctx,
  levels: {
    name: Partial<Record<Language, string>>;
    bodyCode: string | null;
    timeLimitDays: number | null;
  }[],
): Promise<{ entries: EscalationLevel[] }> {
  await ctx.access.authorize("body.manage", null);
  if ((await ladder(ctx.db)).length > 0) fail("rule_violation", { reason: "ladder_already_defined" });
  const faults = new FieldFaults();
  const bodyIds: (string | null)[] = [];
  for (const [i, level] of levels.entries()) {
    const found = level.bodyCode ? await findBody(ctx, level.bodyCode).catch(() => null) : null;
    if (level.bodyCode && !found) faults.add(`levels.${i}.bodyCode`, "unknown_body");
    bodyIds.push(found?.id ?? null);
  }
  faults.throwIfAny();
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    await insertLevels(
      tx.db,
      levels.map((level, i) => ({
        position: i + 1,
        name: level.name,
        bodyId: bodyIds[i] ?? null,
        timeLimitDays: level.timeLimitDays,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const entries = (await ladder(tx.db)).map(toLevel);
    await tx.audit.record("escalation_ladder", "ladder", null, { entries }, "define");
    return { entries };
  });
}

export async function getLadder(ctx: Ctx): Promise<{ entries: EscalationLevel[] }> {
  if (!ctx.viewer) return fail("unauthenticated");
  return { entries: (await ladder(ctx.db)).map(toLevel) };
}

/** Coordination issues are internal: any role but reader reads them. */
async function findIssue(ctx: Ctx, id: string): Promise<IssueRow> {
  await ctx.access.requireStaff();
  const row = looksLikeId(id) ? await issueById(ctx.db, id) : undefined;
  return row ?? fail("not_found", { entity: "coordination_issue", id });
}

export async function getIssue(ctx: Ctx, id: string): Promise<CoordinationIssue> {
  return toIssue(await findIssue(ctx, id), await ladder(ctx.db));
}

export async function listIssues(
  ctx: Ctx,
  query: z.infer<typeof IssueListQuery> & { cursor?: string; limit: number },
) {
  await ctx.access.requireStaff();
  let areaId: string | null = null;
  if (query.areaSlug) {
    const [found] = await findAreasBySlugs(ctx, [query.areaSlug]);
    if (!found) fail("validation_failed", [{ field: "areaSlug", reason: "unknown_area" }]);
    areaId = found.id;
  }
  const rows = await listIssueRows(ctx.db, {
    status: query.status ?? null,
    areaId,
    escalated: query.escalated === undefined ? null : query.escalated === "true",
    after: decodeCursor(query.cursor, 2) as [string, string] | null,
    limit: query.limit,
  });
  const page = pageFrom(rows, query.limit, (r) => [r.levelSince, r.id]);
  const levels = await ladder(ctx.db);
  return { entries: page.entries.map((r) => toIssue(r, levels)), nextCursor: page.nextCursor };
}

/** A focal point raises an issue on an area they are focal point of (the secretariat on any). */
export async function raiseIssue(ctx: Ctx, input: RaiseIssueInput): Promise<CoordinationIssue> {
  if (!ctx.viewer) return fail("unauthenticated");
  const faults = new FieldFaults();
  const [found] = await findAreasBySlugs(ctx, [input.areaSlug]);
  if (!found) faults.add("areaSlug", "unknown_area");
  const originalLanguage = originalLanguageOf(input.title, input.originalLanguage);
  if (!originalLanguage) faults.add("title", "required");
  faults.throwIfAny();
  const focal = (await areasOfFocalPoint(ctx)).has(found!.id);
  if (!focal && !(await ctx.access.can("body.manage", null))) fail("forbidden");
  const levels = await ladder(ctx.db);
  if (levels.length === 0) fail("rule_violation", { reason: "no_escalation_ladder" });
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const created = await insertIssue(tx.db, {
      areaId: found!.id,
      title: input.title,
      description: input.description,
      originalLanguage:
        input.originalLanguage && input.title[input.originalLanguage]
          ? input.originalLanguage
          : originalLanguage!,
      raisedBy: ctx.viewer!.personId,
      level: levels[0]!.position,
      levelSince: now,
      moves: [
        {
          at: now,
          from: null,
          to: levels[0]!.position,
          by: ctx.viewer!.name,
          reason: "raised",
          automatic: false,
        },
      ],
      createdAt: now,
      updatedAt: now,
    });
    const issue = toIssue((await issueById(tx.db, created.id))!, levels);
    await tx.audit.record("coordination_issue", created.id, null, issue);
    return issue;
  });
}

/** Moves an issue one level up: by hand, or by the timer when its level's time is up. */
async function moveUp(
  ctx: Ctx,
  row: IssueRow,
  levels: LevelRow[],
  reason: string,
  automatic: boolean,
  version: number,
): Promise<CoordinationIssue> {
  const next = levels.find((l) => l.position > row.level);
  if (!next) return fail("invalid_transition", { reason: "top_of_ladder", level: row.level });
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const moved = await updateIssueIfVersion(
      tx.db,
      row.id,
      version,
      {
        level: next.position,
        levelSince: now,
        moves: [
          ...row.moves,
          {
            at: now,
            from: row.level,
            to: next.position,
            by: automatic ? null : (ctx.viewer?.name ?? null),
            reason,
            automatic,
          },
        ],
      },
      now,
    );
    assertFresh(moved);
    const after = toIssue((await issueById(tx.db, row.id))!, levels);
    await tx.audit.record(
      "coordination_issue",
      row.id,
      toIssue(row, levels),
      after,
      automatic ? "escalate_timer" : "escalate",
    );
    // Proposed for the next meeting of the next level's body, and its owners told.
    const recipients = [row.raisedBy];
    if (next.bodyId) {
      const bodyRow = await findBody(tx, next.bodyId);
      if (bodyRow.chairPersonId) recipients.push(bodyRow.chairPersonId);
      const upcoming = await nextMeetingOf(tx.db, next.bodyId, now);
      if (upcoming && !(await issuesOnAgenda(tx.db, upcoming.id, [row.id])).has(row.id)) {
        await proposeOnAgenda(tx.db, {
          meetingId: upcoming.id,
          position: (await agendaPositionsOf(tx.db, upcoming.id)) + 1,
          title: row.title,
          originalLanguage: row.originalLanguage,
          kind: "coordination_issue",
          areaId: row.areaId,
          coordinationIssueId: row.id,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
    await notify(tx, recipients, "coordination_issue.escalated", { issueId: row.id, level: next.position });
    return after;
  });
}

export async function escalateIssue(
  ctx: Ctx,
  id: string,
  input: { reason: string; version: number },
): Promise<CoordinationIssue> {
  const row = await findIssue(ctx, id);
  await ctx.access.authorize("issue.resolve", null);
  if (row.status !== "open") fail("invalid_transition", { reason: "not_open", status: row.status });
  return moveUp(ctx, row, await ladder(ctx.db), input.reason, false, input.version);
}

/** Settles an issue with the decision that settled it. */
export async function resolveIssue(
  ctx: Ctx,
  id: string,
  input: { decisionId: string; resolution: string; version: number },
): Promise<CoordinationIssue> {
  const row = await findIssue(ctx, id);
  await ctx.access.authorize("issue.resolve", null);
  if (row.status !== "open") fail("invalid_transition", { reason: "not_open", status: row.status });
  await getDecision(ctx, input.decisionId).catch(() =>
    fail("validation_failed", [{ field: "decisionId", reason: "unknown_decision" }]),
  );
  const levels = await ladder(ctx.db);
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const settled = await updateIssueIfVersion(
      tx.db,
      row.id,
      input.version,
      { status: "resolved", resolvedByDecisionId: input.decisionId, resolution: input.resolution },
      now,
    );
    assertFresh(settled);
    const after = toIssue((await issueById(tx.db, row.id))!, levels);
    await tx.audit.record("coordination_issue", row.id, toIssue(row, levels), after, "resolve");
    return after;
  });
}

/**
 * Moves up every open issue whose level's time limit has passed. Run by the server every hour (with
 * the reminders) and on demand; a stale version (someone acted meanwhile) skips the issue this round.
 */
export async function escalateOverdueIssues(ctx: Ctx): Promise<{ escalated: number }> {
  const levels = await ladder(ctx.db);
  const now = ctx.clock.now().getTime();
  let escalated = 0;
  for (const row of await openIssues(ctx.db)) {
    const due = escalatesAt(row, levels);
    if (!due || Date.parse(due) > now) continue;
    try {
      await moveUp(ctx, row, levels, "time_limit", true, row.version);
      escalated++;
    } catch (error) {
      if (!(error instanceof Error && error.message === "conflict")) throw error;
    }
  }
  return { escalated };
}
