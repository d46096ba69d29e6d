import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { recordColumns } from "./columns.ts";
import { person } from "./organization.ts";

/** A message to one person in the platform (and by e-mail when SMTP is configured). */
export const notification = pgTable(
  "notification",
  {
    ...recordColumns,
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    kind: text("kind").notNull(),
    /** What the message is about, for its link and its text in the reader's language. */
    subject: jsonb("subject").$type<Record<string, unknown>>().notNull(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "string" }),
    /** The e-mail copy: pending until a mailer sends it (sent), gives up (failed) or passes (skipped). */
    emailStatus: text("email_status").notNull().default("pending"),
    emailAttempts: integer("email_attempts").notNull().default(0),
    emailedAt: timestamp("emailed_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [
    index("notification_person_idx").on(t.personId, t.createdAt),
    index("notification_email_pending_idx").on(t.emailStatus, t.createdAt),
  ],
);
