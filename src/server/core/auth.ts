import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { eq, lt, sql } from "drizzle-orm";
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
/** Calendar tokens are another kind: a calendar URL that leaks gives read access to feeds only. */
export const CALENDAR_TOKEN_PREFIX = "isc_";

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

export async function closeSession(db: Executor, token: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, digest(token)));
}

export async function closeSessionsOf(db: Executor, personId: string): Promise<void> {
  await db.delete(session).where(eq(session.personId, personId));
}

export async function purgeExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(session).where(lt(session.expiresAt, now.toISOString()));
}

interface ViewerRow {
  person_id: string;
  name: string;
  preferred_language: string;
  grants: { role: Role; unitId: string | null }[];
  credential_id: string;
  last_used_at: string | null;
  csrf_token: string | null;
}

/** Person, roles and credential in one round trip: every API request pays for this lookup. */
function viewerQuery(credential: "access_token" | "session", tokenHash: string, now: string) {
  const table = credential === "access_token" ? sql`access_token` : sql`session`;
  const alive = credential === "access_token" ? sql`c.revoked_at is null` : sql`c.expires_at > ${now}`;
  const extra =
    credential === "access_token" ? sql`c.last_used_at::text, null::text` : sql`null::text, c.csrf_token`;
  return sql`
    select p.id as person_id, p.name, p.preferred_language, c.id as credential_id,
           ${extra},
           coalesce((select json_agg(json_build_object('role', r.role, 'unitId', r.unit_id) order by r.role, r.unit_id)
                     from role_assignment r where r.person_id = p.id), '[]'::json) as grants
    from ${table} c join person p on p.id = c.person_id
    where c.token_hash = ${tokenHash} and ${alive} and p.active`;
}

function toViewer(row: ViewerRow): ViewerIdentity {
  return {
    personId: row.person_id,
    name: row.name,
    preferredLanguage: row.preferred_language as Language,
    grants: row.grants,
  };
}

export async function viewerByAccessToken(
  db: Executor,
  token: string,
  now: Date,
  prefix = ACCESS_TOKEN_PREFIX,
): Promise<ViewerIdentity | null> {
  if (!token.startsWith(prefix)) return null;
  const result = (await db.execute(
    viewerQuery("access_token", digest(token), now.toISOString()),
  )) as unknown as {
    rows: ViewerRow[];
  };
  const row = result.rows[0];
  if (!row) return null;
  // Record use at minute precision: a write per API call would cost every script its throughput.
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    await db
      .update(accessToken)
      .set({ lastUsedAt: now.toISOString() })
      .where(eq(accessToken.id, row.credential_id));
  }
  return toViewer(row);
}

export async function viewerBySession(
  db: Executor,
  token: string,
  now: Date,
): Promise<{ viewer: ViewerIdentity; csrfToken: string } | null> {
  const result = (await db.execute(viewerQuery("session", digest(token), now.toISOString()))) as unknown as {
    rows: ViewerRow[];
  };
  const row = result.rows[0];
  return row ? { viewer: toViewer(row), csrfToken: row.csrf_token! } : null;
}
