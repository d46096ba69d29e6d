import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { recordColumns } from "./columns.ts";
import { person } from "./organization.ts";

/** A signed-in browser. Only the token's hash is stored, so a database copy grants no access. */
export const session = pgTable(
  "session",
  {
    ...recordColumns,
    tokenHash: text("token_hash").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    csrfToken: text("csrf_token").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "string" }).notNull(),
  },
  (t) => [uniqueIndex("session_token_hash_key").on(t.tokenHash), index("session_person_idx").on(t.personId)],
);

/** A personal access token for API clients and scripts (`Authorization: Bearer …`). */
export const accessToken = pgTable(
  "access_token",
  {
    ...recordColumns,
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    name: text("name").notNull(),
    /** `api` (Authorization: Bearer) or `calendar` (read-only, in the URL of .ics feeds). */
    scope: text("scope").notNull().default("api"),
    tokenHash: text("token_hash").notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "string" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [
    uniqueIndex("access_token_hash_key").on(t.tokenHash),
    index("access_token_person_idx").on(t.personId),
  ],
);
