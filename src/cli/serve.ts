import { buildApp } from "#server/app.ts";
import type { Config } from "#server/config.ts";
import { type Ctx, systemCtx } from "#server/core/context.ts";
import { openConfiguredDatabase } from "#server/db/open.ts";
import { hasDemoAdmin, isEmpty, loadDemo } from "#server/demo/demo.ts";
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from "#server/demo/organization.ts";
import { remindOverdueActionItems } from "#server/modules/decisions/decisions.service.ts";
import { escalateOverdueIssues } from "#server/modules/issues/issues.service.ts";
import { warmOverlapIndex } from "#server/modules/overlaps/overlap.index.ts";
import { deliverPendingMail, smtpMailer } from "#server/core/mail.ts";
import { say } from "./output.ts";

/** Opens (and on first start fills) the database, then listens until SIGINT/SIGTERM. */
/**
 * What the server does every hour: overdue action items are reminded (claiming them is one
 * statement, so several processes never remind twice) and issues past their level's time limit
 * move up (a versioned write each). Tests call it with a clock of their own.
 */
export async function runHourlyDuties(ctx: Ctx): Promise<{ reminded: number; escalated: number }> {
  const { reminded } = await remindOverdueActionItems(ctx);
  const { escalated } = await escalateOverdueIssues(ctx);
  return { reminded, escalated };
}

export async function serve(config: Config, options: { demo: boolean }): Promise<void> {
  const database = await openConfiguredDatabase(config, "serve");
  const ctx = systemCtx(database);
  // Demo data on first start of the embedded database only: a PostgreSQL server gets it when asked.
  if (options.demo && database.kind === "pglite" && (await isEmpty(ctx))) {
    say("New embedded database: loading demo data…");
    await loadDemo(ctx, (step) => say(`  ${step}`));
  }
  const app = await buildApp({ config, database, logger: true });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received, stopping.`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  await app.listen({ port: config.port, host: config.host });
  const reminders = setInterval(() => {
    runHourlyDuties(ctx).catch((error: unknown) => app.log.error(error, "hourly duties failed"));
  }, 3_600_000);
  reminders.unref();
  // Every minute, when SMTP is configured: the e-mail copies of new notifications.
  if (config.smtp) {
    const mailer = smtpMailer(config.smtp);
    const mail = setInterval(() => {
      deliverPendingMail(ctx, mailer, config.baseUrl).catch((error: unknown) =>
        app.log.error(error, "e-mail delivery failed"),
      );
    }, 60_000);
    mail.unref();
  }
  // The check on save compares a draft with every activity through an index held in memory; build it
  // now rather than on the first editor's keystroke.
  warmOverlapIndex(ctx).catch((error: unknown) => app.log.error(error, "overlap index failed"));
  const bound = app.server.address();
  const port = typeof bound === "object" && bound ? bound.port : config.port;
  const address = config.baseUrl ?? `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
  say("");
  say(`Intersect is running at ${address}  (database: ${database.kind})`);
  say(`API documentation: ${address}/api/docs`);
  if (await hasDemoAdmin(ctx)) say(`Demo sign-in: ${DEMO_ADMIN_EMAIL} / ${DEMO_PASSWORD}`);
}
