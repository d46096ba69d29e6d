import net from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeOnEachDatabase } from "#test/app.ts";
import { notification } from "../db/schema/notifications.ts";
import { systemCtx } from "./context.ts";
import { deliverPendingMail, type Mailer, smtpMailer } from "./mail.ts";
import { notify } from "./notifications.ts";

/** Just enough of an SMTP server to receive what the platform sends (no TLS, no AUTH). */
function fakeSmtpServer() {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = net.createServer((socket) => {
    let buffer = "";
    let inData = false;
    let message = { from: "", to: [] as string[], data: "" };
    socket.write("220 fake ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          message.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(message);
          message = { from: "", to: [], data: "" };
          socket.write("250 OK queued\r\n");
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250 fake\r\n");
        else if (verb === "MAIL") {
          message.from = line;
          socket.write("250 OK\r\n");
        } else if (verb === "RCPT") {
          message.to.push(line);
          socket.write("250 OK\r\n");
        } else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 OK\r\n");
      }
    });
  });
  return { server, received };
}

/** Quoted-printable bodies and soft line breaks, read back as text. */
const decoded = (data: string) =>
  Buffer.from(
    data
      .replace(/=\r\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");

let now = new Date("2017-03-01T09:00:00Z");
const clock = { now: () => new Date(now) };

describeOnEachDatabase(
  "e-mail copies of notifications",
  (env) => {
    const smtp = fakeSmtpServer();
    let port = 0;
    beforeAll(async () => {
      now = new Date("2017-03-01T09:00:00Z");
      await new Promise<void>((resolve) => smtp.server.listen(0, "127.0.0.1", resolve));
      port = (smtp.server.address() as net.AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => smtp.server.close(() => resolve())));

    it("sends each new notification once, in the recipient's language, with a link to it", async () => {
      const { make, database } = env();
      const ctx = systemCtx(database, { clock });
      const french = await make.person({ email: "fr@example.org", preferredLanguage: "fr" });
      const english = await make.person({ email: "en@example.org", preferredLanguage: "en" });
      const silent = await make.person({ email: null });
      await notify(ctx, [french.id, english.id, silent.id], "action_item.overdue", {
        actionItemId: "3f0c5c1e-0000-4000-8000-000000000001",
        dueDate: "2017-02-28",
      });
      const mailer = smtpMailer({
        url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
        from: "intersect@example.org",
      });
      const first = await deliverPendingMail(ctx, mailer, "https://intersect.example.org");
      expect(first).toEqual({ sent: 2, failed: 0, skipped: 1 });
      expect(await deliverPendingMail(ctx, mailer, "https://intersect.example.org")).toEqual({
        sent: 0,
        failed: 0,
        skipped: 0,
      });
      const toEnglish = smtp.received.find((m) => m.to.some((t) => t.includes("en@example.org")))!;
      expect(toEnglish.data).toContain("Subject: Intersect: An action item of yours is overdue");
      expect(decoded(toEnglish.data)).toContain(
        "Open it in Intersect: https://intersect.example.org/action-items/3f0c5c1e-0000-4000-8000-000000000001",
      );
      const toFrench = smtp.received.find((m) => m.to.some((t) => t.includes("fr@example.org")))!;
      expect(decoded(toFrench.data)).toContain("a dépassé son échéance");
    });

    it("tries a failing server again, gives up after five attempts, and never mails old news", async () => {
      const { make, database } = env();
      const ctx = systemCtx(database, { clock });
      const someone = await make.person({ email: "retry@example.org" });
      await notify(ctx, [someone.id], "coordination_issue.escalated", { issueId: "x", level: 2 });
      const broken: Mailer = {
        send: () => Promise.reject(new Error("connection refused")),
      };
      for (let attempt = 1; attempt <= 4; attempt++)
        expect(await deliverPendingMail(ctx, broken, undefined)).toEqual({ sent: 0, failed: 0, skipped: 0 });
      expect(await deliverPendingMail(ctx, broken, undefined)).toEqual({ sent: 0, failed: 1, skipped: 0 });
      const [row] = await database.db
        .select()
        .from(notification)
        .where(eq(notification.personId, someone.id));
      expect(row).toMatchObject({ emailStatus: "failed", emailAttempts: 5 });

      await notify(ctx, [someone.id], "overlap.likely", { activityIds: ["a", "b"] });
      now = new Date(now.getTime() + 25 * 3600_000);
      const sent: string[] = [];
      const working: Mailer = { send: async (m) => void sent.push(m.to) };
      expect(await deliverPendingMail(ctx, working, undefined)).toEqual({ sent: 0, failed: 0, skipped: 0 });
      expect(sent).toEqual([]);
    });
  },
  { clock },
);
