import type { z } from "zod";
import type { Visibility } from "#shared/access.ts";
import type { ActivityStatus, ActivityType } from "#shared/activities.ts";
import { LANGUAGES, type Language } from "#shared/languages.ts";
import type {
  DecideOverlapInput,
  OverlapCandidate,
  OverlapEvidence,
  OverlapListQuery,
  OverlapOutcome,
  OverlapSide,
  OverlapStatus,
} from "#shared/overlaps.ts";
import { isoTimestamp } from "../../core/clock.ts";
import type { Ctx } from "../../core/context.ts";
import { fail, FieldFaults, looksLikeId, assertFresh } from "../../core/errors.ts";
import type { Progress } from "../../core/jobs.ts";
import { notify } from "../../core/notifications.ts";
import { decodeCursor, pageFrom } from "../../core/pagination.ts";
import { type OverlapProfile, type OverlapSubject, profileOf } from "./overlap.profile.ts";
import { candidateLine, overlapModel, scan } from "./overlap.scan.ts";
import { terminology } from "./overlap.terminology.ts";
import {
  activityCount,
  allCandidates,
  type CandidateRow,
  candidateById,
  type NewCandidateRow,
  deleteCandidates,
  insertCandidates,
  listCandidateRows,
  refreshCandidates,
  type SubjectRow,
  subjectPage,
  subjectsByIds,
  updateCandidateIfVersion,
} from "./overlaps.repo.ts";

const PAGE = 5000;
const BATCH = 2000;
/** Below this share of words in common with the text it was dismissed on, a text has changed substantially. */
const UNCHANGED = 0.8;

export function subjectOf(row: SubjectRow): OverlapSubject {
  return {
    key: `${row.unitCode}:${row.ref}`,
    unitCode: row.unitCode,
    unitName: row.unitName,
    type: row.type,
    status: row.status,
    start: row.startDate,
    end: row.endDate,
    title: row.title,
    description: row.description,
    areaSlugs: row.areaSlugs,
    sdgTargets: row.sdgTargets,
  };
}

/** The words a decision was taken on: concepts and stems, in every language of the two texts. */
export function wordsOf(profile: OverlapProfile): string[] {
  return [...[...profile.concepts.keys()].map((c) => `c:${c}`), ...profile.terms.keys()].sort();
}

function changedSubstantially(before: readonly string[], now: readonly string[]): boolean {
  const old = new Set(before);
  const shared = now.filter((w) => old.has(w)).length;
  const union = old.size + now.length - shared;
  return union > 0 && shared / union < UNCHANGED;
}

/** Every activity, profiled, page by page; progress counts activities read. */
export async function profileCorpus(ctx: Ctx, progress?: Progress) {
  const terms = terminology();
  const total = progress ? await activityCount(ctx.db) : 0;
  const rows: SubjectRow[] = [];
  const profiles: OverlapProfile[] = [];
  // The next page is read while this one is profiled: the database and the profiling overlap.
  let next: Promise<SubjectRow[]> | null = subjectPage(ctx.db, null, PAGE);
  while (next) {
    const page: SubjectRow[] = await next;
    next = page.length < PAGE ? null : subjectPage(ctx.db, page.at(-1)!.id, PAGE);
    next?.catch(() => {}); // thrown where it is awaited, not reported as unhandled in between
    for (const row of page) {
      if (progress && rows.length % 1000 === 0) progress(rows.length, Math.max(total, rows.length) * 2);
      rows.push(row);
      profiles.push(profileOf(subjectOf(row), terms));
    }
  }
  return { rows, profiles };
}

export interface ScanSummary extends Record<string, unknown> {
  activities: number;
  candidates: number;
  likely: number;
  added: number;
  reopened: number;
  removed: number;
  notified: number;
}

/**
 * Scans every activity and brings the inbox up to date: new pairs are added (their contacts told
 * when the pair is a likely duplicate), pairs still found get the new score and evidence, open
 * pairs no longer found are removed, and a dismissed pair comes back only if one of its two texts
 * changed substantially since it was dismissed. Decisions already taken are kept.
 */
export async function runOverlapScan(
  ctx: Ctx,
  progress?: Progress,
  onCandidate?: (line: ReturnType<typeof candidateLine>) => void,
): Promise<ScanSummary> {
  await ctx.access.authorize("overlap.scan", null);
  const { rows, profiles } = await profileCorpus(ctx, progress);
  const model = overlapModel();
  const byKey = new Map(
    rows.map((row, i) => [`${row.unitCode}:${row.ref}`, { row, profile: profiles[i]!, index: i }]),
  );
  const indexOf = new Map(rows.map((row, i) => [row.id, i]));
  // Pairs found, as numbers (a scan of 100,000 activities finds hundreds of thousands).
  const pairNumber = (x: number, y: number) => Math.min(x, y) * rows.length + Math.max(x, y);
  const now = ctx.clock.now().toISOString();
  return ctx.transaction(async (tx) => {
    // The open candidates the scan no longer finds, removed at its end.
    const gone: string[] = [];
    // Keyed by the pair's number, not its two ids joined: a scan looks up every pair it reports.
    const known = await allCandidates(tx.db);
    const existing = new Map<number, (typeof known)[number]>();
    for (const c of known) {
      const [a, b] = [indexOf.get(c.activityAId), indexOf.get(c.activityBId)];
      if (a !== undefined && b !== undefined) existing.set(pairNumber(a, b), c);
      else if (c.status === "open") gone.push(c.id);
    }
    const summary: ScanSummary = {
      activities: rows.length,
      candidates: 0,
      likely: 0,
      added: 0,
      reopened: 0,
      removed: 0,
      notified: 0,
    };
    // Candidates are written as the scan finds them, in batches: a scan of 100,000 activities never
    // holds all its findings in memory, nor sends one statement per pair.
    let fresh: NewCandidateRow[] = [];
    let refreshed: Pick<CandidateRow, "id" | "score" | "likely" | "evidence" | "detectedAt">[] = [];
    // One batch is written while the scan computes the next: the database and the scan each keep a
    // core busy, rather than taking turns.
    let writing: Promise<unknown> = Promise.resolve();
    const flush = async (all = false) => {
      if (fresh.length >= BATCH || (all && fresh.length)) {
        const batch = fresh;
        fresh = [];
        summary.added += batch.length;
        await writing;
        writing = insertCandidates(tx.db, batch);
        // Its failure is thrown where it is awaited, not reported as unhandled in between.
        writing.catch(() => {});
      }
      if (refreshed.length >= BATCH || (all && refreshed.length)) {
        const batch = refreshed;
        refreshed = [];
        await writing;
        writing = refreshCandidates(tx.db, batch);
        writing.catch(() => {});
      }
      if (all) await writing;
    };
    const tellAbout: { ids: [string, string]; contacts: string[] }[] = [];
    const seen = new Set<number>();
    for (const candidate of scan(profiles, model, {
      progress: (done, total) => progress?.(total + done, total * 2),
    })) {
      summary.candidates++;
      if (candidate.likely) summary.likely++;
      let x = byKey.get(candidate.a.subject.key)!;
      let y = byKey.get(candidate.b.subject.key)!;
      if (x.row.id > y.row.id) [x, y] = [y, x];
      const pair = pairNumber(x.index, y.index);
      seen.add(pair);
      const line = candidateLine(candidate);
      onCandidate?.(line);
      const machine = {
        score: candidate.score,
        likely: candidate.likely,
        evidence: line.evidence,
        detectedAt: now,
      };
      const contacts = () => [...x.row.contactIds, ...y.row.contactIds];
      const before = existing.get(pair);
      if (!before) {
        fresh.push({
          activityAId: x.row.id,
          activityBId: y.row.id,
          ...machine,
          createdAt: now,
          updatedAt: now,
        });
        if (candidate.likely) tellAbout.push({ ids: [x.row.id, y.row.id], contacts: contacts() });
      } else if (
        before.status === "dismissed" &&
        before.decidedWords &&
        (changedSubstantially(before.decidedWords.a, wordsOf(x.profile)) ||
          changedSubstantially(before.decidedWords.b, wordsOf(y.profile)))
      ) {
        const reopened = await updateCandidateIfVersion(
          tx.db,
          before.id,
          before.version,
          {
            ...machine,
            status: "open",
            outcome: null,
            reason: null,
            decidedBy: null,
            decidedAt: null,
            decidedWords: null,
          },
          now,
        );
        if (reopened) {
          await tx.audit.record("overlap", before.id, { ...before, status: "dismissed" }, reopened, "reopen");
          summary.reopened++;
          if (candidate.likely) tellAbout.push({ ids: [x.row.id, y.row.id], contacts: contacts() });
        }
      } else {
        refreshed.push({ id: before.id, ...machine });
      }
      // Awaited only when a batch is full: not a turn of the event loop for each of 300,000 pairs.
      if (fresh.length >= BATCH || refreshed.length >= BATCH) await flush();
    }
    await flush(true);
    for (const [pair, c] of existing) if (c.status === "open" && !seen.has(pair)) gone.push(c.id);
    for (let start = 0; start < gone.length; start += BATCH)
      await deleteCandidates(tx.db, gone.slice(start, start + BATCH));
    summary.removed = gone.length;
    for (const { ids, contacts } of tellAbout) {
      summary.notified += await notify(tx, contacts, "overlap.likely", { activityIds: ids });
    }
    // The scan's own trail: one row with what it changed (decisions have their own rows).
    await tx.audit.record("overlap_scan", now, null, summary, "scan");
    return summary;
  });
}

export function sideOf(row: SubjectRow): OverlapSide {
  return {
    id: row.id,
    unitCode: row.unitCode,
    ref: row.ref,
    type: row.type as ActivityType,
    status: row.status as ActivityStatus,
    title: row.title,
    description: row.description,
    originalLanguage: row.originalLanguage as Language,
    start: row.startDate,
    end: row.endDate,
    areaSlugs: row.areaSlugs,
    sdgTargets: row.sdgTargets,
  };
}

function toCandidate(row: CandidateRow, sides: Map<string, OverlapSide>): OverlapCandidate {
  return {
    id: row.id,
    a: sides.get(row.activityAId)!,
    b: sides.get(row.activityBId)!,
    score: +row.score.toFixed(3),
    likely: row.likely,
    evidence: row.evidence as OverlapEvidence[],
    status: row.status as OverlapStatus,
    outcome: row.outcome as OverlapOutcome | null,
    reason: row.reason,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt ? isoTimestamp(row.decidedAt) : null,
    detectedAt: isoTimestamp(row.detectedAt),
    version: row.version,
  };
}

/** The inbox is for people who work on activities (any role but reader); readers have no use for it. */
export async function listOverlaps(
  ctx: Ctx,
  query: z.infer<typeof OverlapListQuery> & { cursor?: string; limit: number },
) {
  const scope = await ctx.access.requireStaff();
  const after = decodeCursor(query.cursor, 2) as [number, string] | null;
  const rows = await listCandidateRows(ctx.db, {
    status: query.status ?? "open",
    likely: query.likely === undefined ? null : query.likely === "true",
    areaSlug: query.areaSlug ?? null,
    unitCode: query.unitCode ?? null,
    activityId: query.activityId ?? null,
    visibilities: scope.visibilities,
    restrictedUnits: scope.restrictedUnits,
    after,
    limit: query.limit,
  });
  const page = pageFrom(rows, query.limit, (row) => [row.score, row.id]);
  const subjects = await subjectsByIds(
    ctx.db,
    page.entries.flatMap((r) => [r.activityAId, r.activityBId]),
  );
  const sides = new Map(subjects.map((s) => [s.id, sideOf(s)]));
  return { entries: page.entries.map((row) => toCandidate(row, sides)), nextCursor: page.nextCursor };
}

async function findCandidate(ctx: Ctx, id: string) {
  await ctx.access.requireStaff();
  const row = looksLikeId(id) ? await candidateById(ctx.db, id) : undefined;
  const subjects = row ? await subjectsByIds(ctx.db, [row.activityAId, row.activityBId]) : [];
  let readable = subjects.length === 2;
  for (const s of subjects) readable &&= await ctx.access.canRead(s.visibility as Visibility, [s.unitId]);
  if (!row || !readable) return fail("not_found", { entity: "overlap", id });
  const [x, y] = row.activityAId === subjects[0]!.id ? subjects : [subjects[1]!, subjects[0]!];
  return { row, x: x!, y: y! };
}

/** One candidate with both activities and the passages that match highlighted, in every language. */
export async function getOverlap(ctx: Ctx, id: string): Promise<OverlapCandidate> {
  const { row, x, y } = await findCandidate(ctx, id);
  const terms = terminology();
  const [px, py] = [profileOf(subjectOf(x), terms), profileOf(subjectOf(y), terms)];
  const sharedConcepts = new Set([...px.concepts.keys()].filter((c) => py.concepts.has(c)));
  const highlightsOf = (side: SubjectRow, own: OverlapProfile, other: OverlapProfile) => {
    const stemsIn = (lang: Language) =>
      new Set(
        [...own.terms.keys()]
          .filter((k) => k.startsWith(`${lang}:`) && other.terms.has(k))
          .map((k) => k.slice(lang.length + 1)),
      );
    const cut = (text: Partial<Record<Language, string>> | null) =>
      Object.fromEntries(
        LANGUAGES.filter((lang) => text?.[lang]).map((lang) => [
          lang,
          terms.passages(lang, text![lang]!, sharedConcepts, stemsIn(lang)),
        ]),
      );
    return { title: cut(side.title), description: cut(side.description) };
  };
  const sides = new Map([
    [x.id, { ...sideOf(x), highlights: highlightsOf(x, px, py) }],
    [y.id, { ...sideOf(y), highlights: highlightsOf(y, py, px) }],
  ]);
  return toCandidate(row, sides);
}

/**
 * A focal point (of either unit), the secretariat or an administrator confirms a candidate with an
 * outcome, dismisses it with a reason, or opens it again.
 */
export async function decideOverlap(
  ctx: Ctx,
  id: string,
  input: DecideOverlapInput,
): Promise<OverlapCandidate> {
  const { row, x, y } = await findCandidate(ctx, id);
  if (
    !(await ctx.access.can("overlap.decide", x.unitId)) &&
    !(await ctx.access.can("overlap.decide", y.unitId))
  )
    fail("forbidden");
  const faults = new FieldFaults();
  if (input.status === "confirmed" && !input.outcome) faults.add("outcome", "required");
  if (input.status !== "confirmed" && input.outcome) faults.add("outcome", "not_applicable");
  if (input.status === "dismissed" && !input.reason) faults.add("reason", "required");
  faults.throwIfAny();
  const terms = terminology();
  const now = ctx.clock.now().toISOString();
  const decided = input.status !== "open";
  return ctx.transaction(async (tx) => {
    const next = await updateCandidateIfVersion(
      tx.db,
      row.id,
      input.version,
      {
        status: input.status,
        outcome: input.status === "confirmed" ? input.outcome! : null,
        reason: input.reason ?? null,
        decidedBy: decided ? (ctx.viewer?.personId ?? null) : null,
        decidedAt: decided ? now : null,
        decidedWords: decided
          ? { a: wordsOf(profileOf(subjectOf(x), terms)), b: wordsOf(profileOf(subjectOf(y), terms)) }
          : null,
      },
      now,
    );
    assertFresh(next);
    await tx.audit.record("overlap", row.id, row, next, input.status === "open" ? "reopen" : input.status);
    return getOverlap(tx, row.id);
  });
}
