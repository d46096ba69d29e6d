import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Role } from "#shared/access.ts";
import type { Language } from "#shared/languages.ts";
import type { Executor } from "../db/client.ts";
import { accessToken, session } from "../db/schema/access.ts";
import { person, roleAssignment } from "../db/schema/organization.ts";
import type { ViewerIdentity } from "./context.ts";

const ARGON2_OPTIONS = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 }; // argon2id, OWASP baseline

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Verify against a throwaway hash when there is none, so timing does not reveal which e-mails exist.
  if (!stored) {
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
const dummyHash = hash("intersect-no-password", ARGON2_OPTIONS);

export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function digest(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export const ACCESS_TOKEN_PREFIX = "isx_";

export async function loadViewer(db: Executor, personId: string): Promise<ViewerIdentity | null> {
  const found = await db
    .select({ id: person.id, name: person.name, active: person.active, lang: person.preferredLanguage })
    .from(person)
    .where(eq(person.id, personId));
  const who = found[0];
  if (!who?.active) return null;
  const grants = await db
    .select({ role: roleAssignment.role, unitId: roleAssignment.unitId })
    .from(roleAssignment)
    .where(eq(roleAssignment.personId, personId));
  return {
    personId: who.id,
    name: who.name,
    preferredLanguage: who.lang as Language,
    grants: grants.map((g) => ({ role: g.role as Role, unitId: g.unitId })),
  };
}

export async function openSession(db: Executor, personId: string, ttlHours: number, now: Date) {
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000).toISOString();
  await db.insert(session).values({ tokenHash: digest(token), personId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function sessionByToken(db: Executor, token: string, now: Date) {
  const rows = await db
    .select()
    .from(session)
    .where(and(eq(session.tokenHash, digest(token)), gt(session.expiresAt, now.toISOString())));
  return rows[0];
}

export async function closeSession(db: Executor, token: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, digest(token)));
}

export async function closeSessionsOf(db: Executor, personId: string): Promise<void> {
  await db.delete(session).where(eq(session.personId, personId));
}

export async function purgeExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(session).where(lt(session.expiresAt, now.toISOString()));
}

export async function personIdByAccessToken(db: Executor, token: string, now: Date): Promise<string | null> {
  if (!token.startsWith(ACCESS_TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ id: accessToken.id, personId: accessToken.personId, lastUsedAt: accessToken.lastUsedAt })
    .from(accessToken)
    .where(and(eq(accessToken.tokenHash, digest(token)), isNull(accessToken.revokedAt)));
  if (!row) return null;
  // Record use at minute precision: a write per API call would cost every script its throughput.
  if (!row.lastUsedAt || now.getTime() - new Date(row.lastUsedAt).getTime() > 60_000) {
    await db.update(accessToken).set({ lastUsedAt: now.toISOString() }).where(eq(accessToken.id, row.id));
  }
  return row.personId;
}
