import type { Language } from "#shared/languages.ts";
import {
  ACCESS_TOKEN_PREFIX,
  CALENDAR_TOKEN_PREFIX,
  closeSession,
  digest,
  newSecret,
  openSession,
  purgeExpiredSessions,
  verifyPassword,
} from "../../core/auth.ts";
import { isoTimestamp } from "../../core/clock.ts";
import type { Ctx } from "../../core/context.ts";
import { fail, assertFresh } from "../../core/errors.ts";
import { personByEmail, personById, updatePersonIfVersion } from "../people/people.repo.ts";
import {
  type AccessTokenRow,
  accessTokenById,
  accessTokensOf,
  insertAccessToken,
  revokeAccessTokenRow,
} from "./auth.repo.ts";

function toAccessToken(row: AccessTokenRow) {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope as "api" | "calendar",
    createdAt: isoTimestamp(row.createdAt),
    lastUsedAt: isoTimestamp(row.lastUsedAt),
    revokedAt: isoTimestamp(row.revokedAt),
  };
}

/** Checks the password and opens a session; the same answer for an unknown e-mail and a wrong password. */
export async function signIn(ctx: Ctx, email: string, password: string, ttlHours: number) {
  const person = await personByEmail(ctx.db, email);
  const ok = await verifyPassword(person?.passwordHash ?? null, password);
  if (!person || !ok || !person.active)
    fail("unauthenticated", [{ field: "password", reason: "wrong_credentials" }]);
  return ctx.transaction(async (tx) => {
    // Sign-in is the moment to sweep expired sessions: no timer needed, and the table stays small.
    await purgeExpiredSessions(tx.db, tx.clock.now());
    const opened = await openSession(tx.db, person.id, ttlHours, tx.clock.now());
    await tx.audit.record(
      "session",
      person.id,
      null,
      { personId: person.id, expiresAt: opened.expiresAt },
      "sign_in",
    );
    return { ...opened, personId: person.id };
  });
}

export async function signOut(ctx: Ctx, token: string): Promise<void> {
  const viewer = requireViewer(ctx);
  await ctx.transaction(async (tx) => {
    await closeSession(tx.db, token);
    await tx.audit.record("session", viewer.personId, { personId: viewer.personId }, null, "sign_out");
  });
}

export function requireViewer(ctx: Ctx) {
  return ctx.viewer ?? fail("unauthenticated");
}

export async function setOwnLanguage(ctx: Ctx, preferredLanguage: Language) {
  const viewer = requireViewer(ctx);
  const current = (await personById(ctx.db, viewer.personId)) ?? fail("not_found");
  return ctx.transaction(async (tx) => {
    const next = await updatePersonIfVersion(
      tx.db,
      current.id,
      current.version,
      { preferredLanguage },
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    await tx.audit.record(
      "person",
      current.id,
      { preferredLanguage: current.preferredLanguage },
      { preferredLanguage },
      "set_language",
    );
  });
}

export async function listOwnAccessTokens(ctx: Ctx) {
  const viewer = requireViewer(ctx);
  return (await accessTokensOf(ctx.db, viewer.personId)).map(toAccessToken);
}

/** Creates a personal access token for `personId` (the viewer's own unless called by the CLI); shown once. */
export async function createAccessToken(
  ctx: Ctx,
  name: string,
  personId = requireViewer(ctx).personId,
  scope: "api" | "calendar" = "api",
) {
  if (ctx.viewer?.personId !== personId) await ctx.access.authorize("person.manage", null);
  const token = newSecret(scope === "calendar" ? CALENDAR_TOKEN_PREFIX : ACCESS_TOKEN_PREFIX);
  return ctx.transaction(async (tx) => {
    const row = await insertAccessToken(tx.db, { personId, name, scope, tokenHash: digest(token) });
    await tx.audit.record("access_token", row.id, null, toAccessToken(row), "create");
    return { ...toAccessToken(row), token };
  });
}

export async function revokeAccessToken(ctx: Ctx, id: string) {
  const viewer = requireViewer(ctx);
  const row = await accessTokenById(ctx.db, id);
  if (!row || row.personId !== viewer.personId) fail("not_found", { entity: "access_token", id });
  return ctx.transaction(async (tx) => {
    const next = await revokeAccessTokenRow(tx.db, id, tx.clock.now().toISOString());
    if (!next) fail("conflict", [{ field: "revokedAt", reason: "duplicate" }]);
    await tx.audit.record("access_token", id, toAccessToken(row), toAccessToken(next), "revoke");
    return toAccessToken(next);
  });
}
