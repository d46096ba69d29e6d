import { eq } from "drizzle-orm";
import type { Job } from "#shared/jobs.ts";
import { job } from "../db/schema/jobs.ts";
import { isoTimestamp } from "./clock.ts";
import type { Ctx } from "./context.ts";
import { fail, looksLikeId } from "./errors.ts";

/**
 * Long work (a full overlap scan) run in the background of the process that was asked, its state
 * and progress kept in the `job` table so that the page which started it — served by any process —
 * can follow it. A job whose row has not moved for STALE_MS is reported as interrupted: its process
 * died, and nothing else will finish it.
 */

const PROGRESS_EVERY_MS = 500;
const HEARTBEAT_MS = 20_000;
const STALE_MS = 120_000;

export type JobRow = typeof job.$inferSelect;
export type Progress = (done: number, total: number) => void;

export function toJob(row: JobRow, now: Date): Job {
  const stale = row.status === "running" && now.getTime() - Date.parse(row.updatedAt) > STALE_MS;
  return {
    id: row.id,
    kind: row.kind,
    status: stale ? "failed" : (row.status as Job["status"]),
    done: row.done,
    total: row.total,
    result: row.result ?? null,
    error: stale ? "interrupted" : row.error,
    startedAt: isoTimestamp(row.startedAt),
    finishedAt: row.finishedAt ? isoTimestamp(row.finishedAt) : null,
  };
}

export async function findJob(ctx: Ctx, id: string): Promise<Job> {
  const [row] = looksLikeId(id) ? await ctx.db.select().from(job).where(eq(job.id, id)) : [];
  // A job is its requester's (and the organization-wide administrators').
  if (!row || (row.requestedBy !== ctx.viewer?.personId && !(await ctx.access.can("audit.read", null))))
    return fail("not_found", { entity: "job", id });
  return toJob(row, ctx.clock.now());
}

/**
 * Records a job and starts `work` without waiting for it; `settled` resolves when it ends (tests
 * and the CLI wait on it, a request does not).
 */
export async function startJob(
  ctx: Ctx,
  kind: string,
  work: (progress: Progress) => Promise<Record<string, unknown>>,
): Promise<{ job: Job; settled: Promise<Job> }> {
  const now = () => ctx.clock.now().toISOString();
  const [row] = await ctx.database.db
    .insert(job)
    .values({ kind, requestedBy: ctx.viewer?.personId ?? null, startedAt: now(), updatedAt: now() })
    .returning();
  const id = row!.id;
  const update = (changes: Partial<typeof job.$inferInsert>) =>
    ctx.database.db
      .update(job)
      .set({ ...changes, updatedAt: now() })
      .where(eq(job.id, id));
  let last = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const progress: Progress = (done, total) => {
    const at = Date.now();
    if (at - last < PROGRESS_EVERY_MS && done < total) return;
    last = at;
    pending = pending.then(() => update({ done, total })).catch(() => {});
  };
  const heartbeat = setInterval(() => {
    pending = pending.then(() => update({})).catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const settled = (async () => {
    try {
      const result = await work(progress);
      await pending;
      await update({ status: "succeeded", result, finishedAt: now() });
    } catch (error) {
      await pending;
      await update({
        status: "failed",
        error: error instanceof Error ? error.message : String(error),
        finishedAt: now(),
      });
    } finally {
      clearInterval(heartbeat);
    }
    const [finished] = await ctx.database.db.select().from(job).where(eq(job.id, id));
    return toJob(finished!, ctx.clock.now());
  })();
  return { job: toJob(row!, ctx.clock.now()), settled };
}
