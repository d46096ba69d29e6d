import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { accessToken } from "../../db/schema/access.ts";

export type AccessTokenRow = typeof accessToken.$inferSelect;

export async function insertAccessToken(db: Executor, row: typeof accessToken.$inferInsert) {
  const [created] = await db.insert(accessToken).values(row).returning();
  return created!;
}

export function accessTokensOf(db: Executor, personId: string) {
  return db
    .select()
    .from(accessToken)
    .where(eq(accessToken.personId, personId))
    .orderBy(asc(accessToken.createdAt));
}

export function accessTokenById(db: Executor, id: string) {
  return db
    .select()
    .from(accessToken)
    .where(eq(accessToken.id, id))
    .limit(1)
    .then((rows) => rows[0]);
}

export async function revokeAccessTokenRow(db: Executor, id: string, now: string) {
  const [updated] = await db
    .update(accessToken)
    .set({ revokedAt: now, updatedAt: now })
    .where(and(eq(accessToken.id, id), isNull(accessToken.revokedAt)))
    .returning();
  return updated;
}
