import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { notification } from "../db/schema/notifications.ts";
import type { Ctx } from "./context.ts";
import { fail, looksLikeId } from "./errors.ts";
import { decodeCursor, pageFrom } from "./pagination.ts";

/**
 * Messages to people inside the platform. A notification names its kind and its subject (ids), not
 * sentences: each reader sees it in their own language, and a renamed record reads right.
 */

export type NotificationRow = typeof notification.$inferSelect;

export async function notify(
  ctx: Ctx,
  personIds: Iterable<string>,
  kind: string,
  subject: Record<string, unknown>,
): Promise<number> {
  const recipients = [...new Set(personIds)];
  if (recipients.length === 0) return 0;
  const now = ctx.clock.now().toISOString();
  await ctx.db
    .insert(notification)
    .values(recipients.map((personId) => ({ personId, kind, subject, createdAt: now, updatedAt: now })));
  return recipients.length;
}

export async function myNotifications(ctx: Ctx, query: { unread?: boolean; cursor?: string; limit: number }) {
  const personId = ctx.viewer?.personId;
  if (!personId) return fail("unauthenticated");
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const rows = await ctx.db
    .select()
    .from(notification)
    .where(
      and(
        eq(notification.personId, personId),
        query.unread ? isNull(notification.readAt) : undefined,
        after
          ? or(
              lt(notification.createdAt, after[0]),
              and(eq(notification.createdAt, after[0]), lt(notification.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(query.limit + 1);
  return pageFrom(rows, query.limit, (r) => [r.createdAt, r.id]);
}

export async function markNotificationRead(ctx: Ctx, id: string): Promise<NotificationRow> {
  const personId = ctx.viewer?.personId;
  if (!personId) return fail("unauthenticated");
  const [row] = looksLikeId(id)
    ? await ctx.db
        .update(notification)
        .set({ readAt: ctx.clock.now().toISOString(), updatedAt: ctx.clock.now().toISOString() })
        .where(and(eq(notification.id, id), eq(notification.personId, personId)))
        .returning()
    : [];
  return row ?? fail("not_found", { entity: "notification", id });
}
